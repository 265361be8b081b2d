# Two commands on a fresh machine: `make serve` and `make test`. Each sets up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
LIGHTHOUSE := .cache/lighthouse/node_modules/.bin/lighthouse
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test refresh bench build offline lock screenshots sync-confirm

serve: $(INSTALLED)  ## serve the site at http://127.0.0.1:8000 (zh at /, en at /en/)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

test: $(INSTALLED)  ## run every page, the checker's self-tests and the site build
	$(BIN)/python -m pytest

refresh: $(INSTALLED)  ## rewrite every page's output blocks and figures, and the exercises' outputs
	$(BIN)/python -m pytest docs tests/test_exercises.py --refresh-outputs -q

bench: $(INSTALLED) $(LIGHTHOUSE)  ## the speed figures (suite, page checks, site build, serve, browser tests, Lighthouse) against their targets
	$(BIN)/python -m tests.bench

screenshots: $(INSTALLED)  ## PNGs of every page, both languages, light and dark, in screenshots/
	$(BIN)/python -m tests.browser.screenshots screenshots

sync-confirm: $(INSTALLED)  ## after checking that each zh section and its en twin say the same, record them in docs/sections.lock
	$(BIN)/python -m pagelint.sections

build: $(INSTALLED)  ## build the site into site/
	$(BIN)/mkdocs build

offline: $(INSTALLED)  ## the copy to read from disk (file://), zipped into site/autograd-guide-offline.zip
	rm -rf site-offline
	OFFLINE=true $(BIN)/mkdocs build --site-dir site-offline/autograd-guide
	mkdir -p site
	$(BIN)/python -m zipfile -c site/autograd-guide-offline.zip site-offline/autograd-guide

lock: $(INSTALLED)  ## re-pin constraints.txt to what .venv holds, after a change to requirements.txt
	{ sed -n '/^#/p' constraints.txt; $(BIN)/python -m pip freeze | sed -E 's/\+[[:alnum:].]+$$//'; } > constraints.new
	mv constraints.new constraints.txt

$(LIGHTHOUSE):  # Lighthouse for `make bench`, from npm, out of git's way (needs Node 18+)
	npm install --prefix .cache/lighthouse --no-audit --no-fund lighthouse@12.2.3

$(INSTALLED): requirements.txt constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10))' \
		|| { echo "autograd-guide needs Python >= 3.10 (set PYTHON=python3.x)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	touch $@
