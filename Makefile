# Every target sets itself up: a fresh Debian machine needs only `make serve` or `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test bench readability mutation chromium clean

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

# Slow (many minutes): not part of `make test`. Mutants and results stay in mutants/ so a re-run only redoes changes.
mutation: $(STAMP)
	rm -rf .mutation/src .mutation/tests .mutation/docs .mutation/snippets && mkdir -p .mutation/src
	cp -rp hooks/handbook .mutation/src/handbook && cp -rp tests docs snippets pyproject.toml mutation-equivalents.txt .mutation/
	cd .mutation && ../$(BIN)/mutmut run > mutmut.log 2>&1 || { tail -n 40 mutmut.log; exit 1; }
	cd .mutation && ../$(BIN)/python ../scripts/mutation_score.py

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
	rm -rf site $(VENV) .mutation
