# Every target sets itself up: a fresh Debian machine needs only `make serve` or `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test bench readability chromium clean

serve: $(STAMP)
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/mkdocs build --strict

test: $(STAMP) chromium
	$(BIN)/python -m pytest

bench: $(STAMP) chromium
	$(BIN)/python scripts/bench.py

readability: $(STAMP)
	$(BIN)/python scripts/readability.py

# Pinned: direct dependencies in pyproject.toml, everything else in constraints.txt.
# The .pth file puts hooks/ on the venv's path: mkdocs.yml lists Markdown extensions from hooks/handbook/, and MkDocs
# loads those before it loads the hooks.
$(STAMP): pyproject.toml constraints.txt Makefile
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python scripts/requirements.py > $(VENV)/requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r $(VENV)/requirements.txt -c constraints.txt
	$(BIN)/python -c 'import pathlib, sysconfig; pathlib.Path(sysconfig.get_path("purelib"), "handbook-hooks.pth").write_text(str(pathlib.Path("hooks").resolve()) + "\n")'
	touch $@

# Browser tests drive Debian's Chromium; Playwright's own browser download is not used.
chromium:
	@test -x $(CHROMIUM) || { apt-get update && apt-get install -y chromium; }

clean:
	rm -rf site $(VENV)
