# Two commands on a fresh machine: `make serve` and `make test`. Each sets up .venv first, from
# requirements.lock with --require-hashes: a package whose file does not match its locked hash fails.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
LOCK_VENV := .venv-lock
PIP_TOOLS := pip-tools==7.7.0
LIGHTHOUSE := .cache/lighthouse/node_modules/.bin/lighthouse
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test check refresh bench build offline lock screenshots sync-confirm new-chapter exercises exercise-text drift

serve: $(INSTALLED)  ## serve the site at http://127.0.0.1:8000 (zh at /, en at /en/)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

test: $(INSTALLED)  ## run every page, the checker's self-tests and the site build; CACHE=off reuses no earlier result
	$(BIN)/python -m pytest $(if $(filter off,$(CACHE)),--no-result-cache)

check: $(INSTALLED)  ## everything an edit of PAGE=docs/zh/x.md can break, for it and its twin, in seconds
	$(BIN)/python -m tests.page_scope $(PAGE)

refresh: $(INSTALLED)  ## rewrite every page's output blocks and figures, and the exercises' outputs
	$(BIN)/python -m pytest docs tests/test_exercises.py --refresh-outputs -q

new-chapter: $(INSTALLED)  ## NAME=<slug> ZH="<标题>" EN="<Title>": both pages, nav, home-page entries, exercises, outputs, sections.lock
	$(BIN)/python -m pageformat.new_chapter "$(NAME)" "$(ZH)" "$(EN)"

exercises: $(INSTALLED)  ## write each exercise notebook from its text file exercises/<lang>/<chapter>.md, then run it to store its outputs
	$(BIN)/python -m pageformat.exercise_text
	$(BIN)/python -m pytest tests/test_exercises.py -m kernel --refresh-outputs -q

exercise-text: $(INSTALLED)  ## [NOTEBOOK=docs/<lang>/exercises/x.ipynb]: write the text file of a notebook (every notebook without NOTEBOOK)
	$(BIN)/python -m pageformat.exercise_text --to-text $(NOTEBOOK)

bench: $(INSTALLED) $(LIGHTHOUSE)  ## speed figures (fresh suite and re-check after an edit, page checks, site build, serve, browser tests, Lighthouse) against their targets
	$(BIN)/python -m tests.bench

screenshots: $(INSTALLED)  ## PNGs of every page, both languages, light and dark, in screenshots/
	$(BIN)/python -m tests.browser.screenshots screenshots

sync-confirm: $(INSTALLED)  ## PAGE=docs/zh/x.md [SECTION=anchor]: after comparing them with their twins, record those sections in docs/sections.lock
	$(BIN)/python -m pagelint.sections $(if $(PAGE),$(PAGE)) $(if $(SECTION),--section $(SECTION))

drift: $(INSTALLED)  ## every page checked against another torch, TORCH=2.14.1 (or latest); report in drift/
	@test -n "$(TORCH)" || { echo "usage: make drift TORCH=<version>   (for example TORCH=2.14.1, or TORCH=latest)"; exit 2; }
	$(BIN)/python -m pagecheck.drift $(TORCH)

build: $(INSTALLED)  ## build the site into site/
	$(BIN)/mkdocs build

offline: $(INSTALLED)  ## the copy to read from disk (file://), zipped into site/autograd-guide-offline.zip
	rm -rf site-offline
	OFFLINE=true $(BIN)/mkdocs build --site-dir site-offline/autograd-guide
	mkdir -p site
	$(BIN)/python -m zipfile -c site/autograd-guide-offline.zip site-offline/autograd-guide

lock:  ## after a change to requirements.txt, compile it into requirements.lock: every package pinned, with its hashes
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet --disable-pip-version-check $(PIP_TOOLS)
	CUSTOM_COMPILE_COMMAND="make lock" $(LOCK_VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe \
		--strip-extras --no-emit-index-url --no-emit-find-links --output-file requirements.lock requirements.txt

$(LIGHTHOUSE):  # Lighthouse for `make bench`, from npm, out of git's way (needs Node 18+)
	npm install --prefix .cache/lighthouse --no-audit --no-fund lighthouse@12.2.3

$(INSTALLED): requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' \
		|| { echo "autograd-guide needs Python 3.11, which requirements.lock is compiled for (set PYTHON=python3.11)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	touch $@
