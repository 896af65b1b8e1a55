# Every target sets itself up: a fresh Debian machine needs only `make serve` or `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test bench readability chromium node clean

serve: $(STAMP)
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/mkdocs build --strict

test: $(STAMP) chromium node
	node --test tests/js/*.test.js
	$(BIN)/python -m pytest

bench: $(STAMP) chromium
	$(BIN)/python scripts/bench.py

readability: $(STAMP)
	$(BIN)/python scripts/readability.py

# Pinned: direct dependencies in pyproject.toml, everything else in constraints.txt.
$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python scripts/requirements.py > $(VENV)/requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r $(VENV)/requirements.txt -c constraints.txt
	touch $@

# Browser tests drive Debian's Chromium; Playwright's own browser download is not used.
chromium:
	@test -x $(CHROMIUM) || { apt-get update && apt-get install -y chromium; }

# The front end's pure logic is unit-tested with Node's built-in test runner.
node:
	@command -v node >/dev/null || { apt-get update && apt-get install -y nodejs; }

clean:
	rm -rf site $(VENV)
