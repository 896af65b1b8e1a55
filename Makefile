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
# The handbook's own Markdown extensions (hooks/handbook/*_extension.py) are named in mkdocs.yml as
# `handbook.<module>`: MkDocs imports them before it loads the hooks, so hooks/ goes on the venv's path (a .pth file).
$(STAMP): pyproject.toml constraints.txt Makefile
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python scripts/requirements.py > $(VENV)/requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r $(VENV)/requirements.txt -c constraints.txt
	$(BIN)/python -c 'import site; print(site.getsitepackages()[0])' | xargs -I{} sh -c 'echo "$(CURDIR)/hooks" > {}/peds_img_handbook_hooks.pth'
	touch $@

# Browser tests drive Debian's Chromium; Playwright's own browser download is not used.
chromium:
	@test -x $(CHROMIUM) || { apt-get update && apt-get install -y chromium; }

clean:
	rm -rf site $(VENV)
