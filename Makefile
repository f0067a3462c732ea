# Meedoen's front door. `make help` lists the targets.
SHELL := /bin/bash
PYTHON_BIN ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: screenshots help install install-dev browser-deps gettext-deps run setup test test-fast test-search-server lint format messages \
        compilemessages migrations-check check bench bench-compare bench-anchor clean

help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-18s\033[0m %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt constraints.txt
	test -x $(PY) || $(PYTHON_BIN) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt -c constraints.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt constraints.txt
	$(PIP) install --quiet -r requirements-dev.txt -c constraints.txt
	touch $@

# A virtualenv of its own for the Elasticsearch 7 client (requirements.txt keeps the 9.x
# client): everything else exactly as in constraints.txt.
VENV_ES7 ?= .venv-es7
$(VENV_ES7)/.installed: requirements.txt requirements-dev.txt constraints.txt
	test -x $(VENV_ES7)/bin/python || $(PYTHON_BIN) -m venv $(VENV_ES7)
	$(VENV_ES7)/bin/pip install --quiet --upgrade pip
	grep -v -E '^(elasticsearch|elastic-transport)[=<>]' constraints.txt > $(VENV_ES7)/constraints.txt
	grep -v -E '^elasticsearch[=<>]' requirements.txt > $(VENV_ES7)/requirements.txt
	cp requirements-dev.txt $(VENV_ES7)/requirements-dev.txt
	cd $(VENV_ES7) && bin/pip install --quiet -r requirements-dev.txt -c constraints.txt 'elasticsearch>=7.17,<8'
	touch $@

install: $(VENV)/.installed ## Create the virtualenv and install the runtime dependencies

install-dev: $(VENV)/.installed-dev ## Install what the tests and linters need

browser-deps: ## Install Debian's Chromium for the browser tests (if missing)
	@test -x /usr/bin/chromium || { \
	  echo "Installing Chromium from Debian's packages..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

gettext-deps: ## Install GNU gettext (msgfmt, xgettext) from Debian's packages (if missing)
	@command -v msgfmt >/dev/null && command -v xgettext >/dev/null || { \
	  echo "Installing gettext from Debian's packages..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq gettext >/dev/null; }

compilemessages: $(VENV)/.installed gettext-deps ## Compile the translation catalogs in locale/
	cd locale && ../$(PY) ../manage.py compilemessages --ignore=.venv -v 0

messages: $(VENV)/.installed gettext-deps ## Update the nl and en catalogs from the source
	$(MANAGE) makemessages -l nl -l en --no-obsolete --ignore=.venv --ignore=var --ignore=bench

setup: $(VENV)/.installed compilemessages ## Migrate and load the demo municipality
	mkdir -p var
	$(MANAGE) migrate --noinput -v 0
	$(MANAGE) seed_demo
	$(MANAGE) db_worker --batch --no-startup-delay --no-reload -v 0  # what seeding queued: the search index

# The demo's links (canonical, sitemap, feeds, API, e-mails) and its Wagtail Site take the
# address it is served on; `make run BASE_URL=...` for another public address (a tunnel).
run: export BASE_URL := http://$(HOST):$(PORT)
run: setup ## Install, migrate, seed the demo and serve on http://HOST:PORT (127.0.0.1:8000), with the task worker
	@echo "Meedoen runs at http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/); stop with Ctrl-C."
	@trap 'kill 0' EXIT INT TERM; \
	  $(MANAGE) db_worker --no-startup-delay & \
	  $(MANAGE) runserver $(HOST):$(PORT)

test: $(VENV)/.installed-dev browser-deps compilemessages ## Install what the tests need and run the whole suite
	$(PY) -m pytest $(PYTEST_ARGS)

# The shared search suite's server variants on a real Elasticsearch 7 server at
# ELASTICSEARCH_URL (`.ci/run` starts one from ../shared/testservers/elasticsearch-7/).
test-search-server: $(VENV_ES7)/.installed compilemessages ## Run the search suite on the Elasticsearch 7 server at ELASTICSEARCH_URL
	test -n "$$ELASTICSEARCH_URL" || { echo "ELASTICSEARCH_URL: the address of an Elasticsearch 7 server"; exit 2; }
	SEARCH_ENGINE=elasticsearch7 $(VENV_ES7)/bin/python -m pytest -m elasticsearch $(PYTEST_ARGS)

screenshots: $(VENV)/.installed-dev browser-deps compilemessages ## Screenshots of the main pages at 1280 and 375 px in var/screenshots/ (by hand, not in CI)
	$(PY) -m pytest tests/browser/screenshots.py -o python_files=screenshots.py -p no:randomly $(PYTEST_ARGS)

test-fast: $(VENV)/.installed-dev compilemessages ## Run the suite without the browser tests
	$(PY) -m pytest -m "not browser" $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev ## Check code style (ruff), templates (djhtml) and the apps' import order (import-linter)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/djhtml --check templates
	$(VENV)/bin/lint-imports

format: $(VENV)/.installed-dev ## Format code and templates
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .
	$(VENV)/bin/djhtml templates

migrations-check: $(VENV)/.installed ## Fail when models and migrations differ
	$(MANAGE) makemigrations --check --dry-run

check: $(VENV)/.installed ## Django's system checks
	$(MANAGE) check

bench: $(VENV)/.installed-dev compilemessages ## Render every page type many times and print timings (by hand, not in CI)
	$(PY) bench/bench_pages.py $(BENCH_ARGS)
	$(PY) bench/bench_search.py $(BENCH_ARGS)

# The baseline of bench-compare: origin/main if there is one, else main (on another branch),
# else HEAD~1. Name it for a piece of work, e.g. make bench-compare BASE=8d792b7.
BASE ?=
bench-compare: $(VENV)/.installed-dev gettext-deps ## Time BASE (a git ref) and this working tree alternately on the same data
	$(PY) bench/compare.py $(if $(BASE),--base $(BASE)) $(COMPARE_ARGS)

# Meedoen beside Wagtail's demo site: BAKERYDEMO is a bakerydemo checkout set up with its own
# .venv, database and static files (bench/README.md), e.g. make bench-anchor BAKERYDEMO=/tmp/bakerydemo.
BAKERYDEMO ?=
bench-anchor: $(VENV)/.installed-dev compilemessages ## Time Meedoen and bakerydemo (BAKERYDEMO=dir) side by side
	@test -n "$(BAKERYDEMO)" || { echo "Set BAKERYDEMO to a bakerydemo checkout (see bench/README.md)"; exit 2; }
	$(PY) bench/anchor.py --bakerydemo $(BAKERYDEMO) $(ANCHOR_ARGS)

clean: ## Remove the virtualenvs and local data (var/)
	rm -rf $(VENV) $(VENV_ES7) var
