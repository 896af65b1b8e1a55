# Every target sets itself up: a fresh Debian machine needs only `make serve` or `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check lint test bench readability chromium clean

serve: $(STAMP)
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

build: check
	$(BIN)/mkdocs build --strict

# Every source check (front matter, templates, checklists, season facts, ids), each problem as file:line.
check: $(STAMP)
	$(BIN)/python -m handbook.check

test: lint chromium
	$(BIN)/python -m pytest

# Lint and types (configured in pyproject.toml); `make test` stops here when either is not clean.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: $(STAMP) chromium
	$(BIN)/python scripts/bench.py

readability: $(STAMP)
	$(BIN)/python scripts/readability.py

# Pinned: direct dependencies in pyproject.toml, everything else in constraints.txt.
$(STAMP): pyproject.toml constraints.txt Makefile
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python scripts/requirements.py > $(VENV)/requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r $(VENV)/requirements.txt -c constraints.txt
	# The handbook's Markdown extensions live in hooks/handbook/: MkDocs imports them while it reads mkdocs.yml,
	# before it loads any hook, so hooks/ must be on the venv's import path.
	$(BIN)/python -c 'import pathlib, site; pathlib.Path(site.getsitepackages()[0], "handbook-hooks.pth").write_text("$(CURDIR)/hooks\n")'
	touch $@

# Browser tests drive Debian's Chromium; Playwright's own browser download is not used.
chromium:
	@test -x $(CHROMIUM) || { apt-get update && apt-get install -y chromium; }

clean:
	rm -rf site $(VENV)
