# Every target sets itself up: a fresh Debian machine needs only `make serve` or `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
ESBUILD := node_modules/.bin/esbuild
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check lint test bench readability chromium node clean

serve: $(STAMP) $(ESBUILD)
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

build: check $(ESBUILD)
	$(BIN)/mkdocs build --strict

# Every source check (front matter, templates, checklists, season facts, ids), each problem as file:line.
check: $(STAMP)
	$(BIN)/python -m handbook.check

test: lint chromium node $(ESBUILD)
	$(BIN)/python -m pytest

# Lint and types (configured in pyproject.toml); `make test` stops here when either is not clean.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: $(STAMP) chromium node $(ESBUILD)
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_decoder.py

readability: $(STAMP)
	$(BIN)/python scripts/readability.py

# Pinned: direct dependencies in pyproject.toml, everything else in constraints.txt.
$(STAMP): pyproject.toml constraints.txt Makefile
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python scripts/requirements.py > $(VENV)/requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r $(VENV)/requirements.txt -c constraints.txt
	$(BIN)/python scripts/hooks_path.py
	touch $@

# Browser tests drive Debian's Chromium; Playwright's own browser download is not used.
chromium:
	@test -x $(CHROMIUM) || { apt-get update && apt-get install -y chromium; }

# The message decoder's engine is JavaScript; its unit tests and benchmark run it under Node.
node:
	@command -v node >/dev/null || { apt-get update && apt-get install -y nodejs; }

# esbuild minifies the shipped JavaScript (hooks/minify.py); pinned in package.json and package-lock.json.
$(ESBUILD): package.json package-lock.json
	@command -v npm >/dev/null || { apt-get update && apt-get install -y npm; }
	npm ci --no-audit --no-fund
	touch $@

clean:
	rm -rf site $(VENV) node_modules
