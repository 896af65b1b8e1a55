# Every target sets itself up: a fresh Debian machine needs only `make serve` or `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
ESBUILD := node_modules/.bin/esbuild
TSC := node_modules/.bin/tsc
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check lint pdf test bench csp-header readability mutation chromium node clean permalinks serve-site

serve: $(STAMP) $(ESBUILD)
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

build: check $(ESBUILD)
	$(BIN)/mkdocs build --strict

# The site with the whole handbook and the handout as PDFs (A4 and US Letter) in site/downloads/: deploy this one.
pdf: $(STAMP) chromium $(ESBUILD)
	$(BIN)/python scripts/make_pdf.py

# Every source check (front matter, templates, checklists, season facts, ids), each problem as file:line.
check: $(STAMP)
	$(BIN)/python -m handbook.check

test: lint chromium node $(ESBUILD)
	$(BIN)/python -m pytest

# Lint and types (Python: pyproject.toml; JavaScript's JSDoc: jsconfig.json); `make test` stops here unless all are clean.
lint: $(STAMP) $(TSC)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(TSC) -p jsconfig.json

bench: $(STAMP) chromium node $(ESBUILD)
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_decoder.py
	$(BIN)/python scripts/bench_pdf.py

# The Content-Security-Policy header for a host, matching the pages' own <meta> policies, plus frame-ancestors.
csp-header: build
	@$(BIN)/python scripts/csp_header.py site

readability: $(STAMP)
	$(BIN)/python scripts/readability.py

# Record every public address (pages, section anchors, templates, checklist phases) in permalinks.yml, from a fresh
# build. Entries are only ever added: an address that no longer resolves stops it (add a redirect instead).
permalinks: build
	$(BIN)/python scripts/permalinks.py site permalinks.yml

# Serve the built site/ as a static host does (gzip, no rebuild), at the address `make build` used: http://127.0.0.1:8000/
serve-site: build
	$(BIN)/python scripts/serve_site.py site --port 8000

# Slow (many minutes): not part of `make test`. Mutants and results stay in .mutation/mutants/, so a re-run only redoes
# changes. Which modules, and why: `only_mutate` in pyproject.toml. One module at a time, with its score at the end:
#   make mutation MUTANTS='handbook.checklist.*'
# At the lowest CPU priority: the run takes both cores for a long time.
MUTANTS ?=
mutation: $(STAMP)
	rm -rf .mutation/src .mutation/tests .mutation/docs .mutation/snippets .mutation/data .mutation/hooks .mutation/scripts
	mkdir -p .mutation/src .mutation/hooks && cp -rp hooks/handbook .mutation/src/handbook && cp -p hooks/*.py .mutation/hooks/
	cp -rp tests docs snippets data scripts season.yml permalinks.yml pyproject.toml mutation-equivalents.txt .mutation/
	cd .mutation && nice -n 19 ../$(BIN)/mutmut run $(MUTANTS) > mutmut.log 2>&1 || { tail -n 40 mutmut.log; exit 1; }
	cd .mutation && ../$(BIN)/python ../scripts/mutation_score.py $(MUTANTS)

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
# The PDF tests turn the handout into an image with poppler's pdftoppm to read its QR code; `make pdf` compacts its
# PDFs with qpdf.
chromium:
	@test -x $(CHROMIUM) -a -x /usr/bin/pdftoppm -a -x /usr/bin/qpdf || \
		{ apt-get update && apt-get install -y chromium poppler-utils qpdf; }

# The decoder's engine and the tracker's logic are JavaScript: their unit tests (tests/test_js_units.py) and the
# decoder's benchmark run them under Node.
node:
	@command -v node >/dev/null || { apt-get update && apt-get install -y nodejs; }

# esbuild minifies the shipped JavaScript (hooks/minify.py) and TypeScript checks its JSDoc types (`make lint`);
# both pinned in package.json and package-lock.json, installed by one `npm ci`.
$(ESBUILD) $(TSC) &: package.json package-lock.json
	@command -v npm >/dev/null || { apt-get update && apt-get install -y npm; }
	npm ci --no-audit --no-fund
	touch $(ESBUILD) $(TSC)

clean:
	rm -rf site pdf $(VENV) .mutation node_modules

