# Every target sets itself up: a fresh Debian machine needs only `make serve` or `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build pdf test bench readability chromium clean

serve: $(STAMP)
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/mkdocs build --strict

# The site with the whole handbook and the handout as PDFs (A4 and US Letter) in site/downloads/: deploy this one.
pdf: $(STAMP) chromium
	$(BIN)/python scripts/make_pdf.py

test: $(STAMP) chromium
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
# The PDF tests turn the handout into an image with poppler's pdftoppm to read its QR code.
chromium:
	@test -x $(CHROMIUM) -a -x /usr/bin/pdftoppm || { apt-get update && apt-get install -y chromium poppler-utils; }

clean:
	rm -rf site pdf $(VENV)
