# Aula — `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= aula.settings.dev
# Every absolute link (certificates, QR codes, emails, calendars) starts with this address.
export AULA_PUBLIC_URL ?= http://$(HOST):$(PORT)

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-12s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is required ($(PYTHON) not found)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed ## Create .venv and install the pinned dependencies

messages: install ## Check and compile the translations (msgfmt --check: a broken placeholder fails; .mo files are committed too)
	@if command -v msgfmt >/dev/null; then \
	for po in locale/*/LC_MESSAGES/*.po; do msgfmt --check -o /dev/null "$$po" || exit 1; done; \
	$(PY) manage.py compilemessages --ignore=.venv >/dev/null; \
	else echo "gettext is not installed: using the committed .mo files"; fi

run: install messages ## Migrate, load the demo courses and serve the site on SQLite
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@echo ""
	@echo "  Aula is running at http://$(HOST):$(PORT)/en/  (Spanish: http://$(HOST):$(PORT)/es/)"
	@echo "  Admin: http://$(HOST):$(PORT)/admin/"
	@$(PY) manage.py seed_demo --print-logins
	@if [ -z "$$AULA_MFA_REQUIRED_FOR" ]; then echo "  Two-step sign-in (production asks it of admin, editor and tutor) is off here."; \
	else echo "  Two-step sign-in is required of: $$AULA_MFA_REQUIRED_FOR (set up at first login)."; fi
	@case "$$(echo $${DEBUG:-1} | tr A-Z a-z)" in 1|true|yes|on) echo "  DEBUG is on: an error shows Django's debug page, not the site's own (DEBUG=0 make run shows those).";; \
	*) echo "  DEBUG is off: errors show the site's own pages, as in production.";; esac
	@echo ""
	$(PY) manage.py runserver $(HOST):$(PORT)

serve: install messages ## Production on one machine: gunicorn, Celery worker and beat on PostgreSQL and Redis
	HOST=$(HOST) PORT=$(PORT) bin/serve

# pytest-django prefers DJANGO_SETTINGS_MODULE from the environment to pyproject.toml's, and this
# Makefile exports the development settings for `make run`: the tests name theirs.
test: install messages ## Run the test suite (SQLite, eager Celery)
	DJANGO_SETTINGS_MODULE=aula.settings.test $(VENV)/bin/pytest -n 2 -q

test-browser: install messages ## Run the browser tests (needs Debian's chromium)
	DJANGO_SETTINGS_MODULE=aula.settings.test $(VENV)/bin/pytest -m browser -n 2 -q

lint: install ## Ruff (lint and format check), the dependency rules (import-linter) and the migrations check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) manage.py makemigrations --check --dry-run

bench: install messages ## Run the benchmarks and print their numbers
	$(PY) bench/run.py
	$(PY) bench/request_cpu.py
	$(PY) bench/tutor.py
	$(PY) bench/certificates.py
	$(PY) bench/credentials.py
	$(PY) bench/live.py
	$(PY) bench/roster_import.py
	$(PY) bench/peer/run.py

$(VENV)/.installed-load: $(VENV)/.installed pyproject.toml
	$(PIP) install --quiet -e ".[dev,load]"
	touch $@

bench-instructions: install messages ## Instructions per request type under valgrind (PostgreSQL and Redis)
	DATABASE_URL="$${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/aula_bench_instructions}" \
	REDIS_URL="$${BENCH_REDIS_URL:-redis://127.0.0.1:6379/9}" $(PY) bench/instructions.py

bench-load: $(VENV)/.installed-load ## Load test of `make serve` with locust (MODE=saturation: step the users up)
	$(PY) bench/load/run.py --host "$${LOAD_HOST:-http://$(HOST):$(PORT)}" $(if $(filter saturation,$(MODE)),--saturation)

clean: ## Remove the virtualenv, database and collected files
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm media collected-static

.PHONY: help install messages run serve test test-browser lint bench bench-instructions bench-load clean
