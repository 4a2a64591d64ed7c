# Coalition CMS. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# The PostgreSQL server the CI run and `make test-postgres` use (a fresh test database is made on it).
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/coalition

.PHONY: help install demo serve test test-postgres lint format check ci clean

help: ## List the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  \033[1m%-15s\033[0m %s\n", $$1, $$2}'

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

install: $(INSTALLED) ## Create the virtual environment and install the project with its dev tools

demo: $(INSTALLED) ## Install, migrate SQLite, load the demo content, print a login, serve on :8000
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo
	$(MAKE) --no-print-directory serve

serve: $(INSTALLED) ## Serve the admin (:8000) with a task worker, the scheduler and the front end (:3000)
	@trap 'kill 0' EXIT INT TERM; \
	$(MANAGE) db_worker & \
	$(MANAGE) run_scheduler --interval 60 & \
	$(BIN)/python scripts/serve_frontend.py --host $(HOST) --port 3000 & \
	$(MANAGE) runserver $(HOST):$(PORT)

test: $(INSTALLED) ## Install and run the whole test suite (SQLite); the visibility tests again with the API cache on
	$(BIN)/pytest
	API_CACHE_TIMEOUT=3600 $(BIN)/pytest -q tests/test_api_visibility.py tests/test_partner_ledger.py

test-postgres: $(INSTALLED) ## Run the whole suite against PostgreSQL (POSTGRES_URL)
	DATABASE_URL=$(POSTGRES_URL) $(BIN)/pytest --create-db
	DATABASE_URL=$(POSTGRES_URL) API_CACHE_TIMEOUT=3600 \
	$(BIN)/pytest -q --create-db tests/test_api_visibility.py tests/test_partner_ledger.py

lint: $(INSTALLED) ## ruff check and ruff format --check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(INSTALLED) ## Fix what ruff can fix, and format
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: $(INSTALLED) ## No missing migrations; `check --deploy` clean under production settings; a valid OpenAPI schema
	$(MANAGE) makemigrations --check --dry-run
	$(MANAGE) spectacular --validate --fail-on-warn --file /dev/null
	DJANGO_SETTINGS_MODULE=settings.production \
	DJANGO_SECRET_KEY="$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(64))')" \
	DJANGO_ALLOWED_HOSTS=cms.example.org WAGTAILADMIN_BASE_URL=https://cms.example.org \
	REDIS_URL=redis://127.0.0.1:6379/0 \
	$(MANAGE) check --deploy --fail-level WARNING

ci: test test-postgres lint check security ## Everything .ci/run runs

clean: ## Remove the virtual environment, the SQLite database and generated media
	rm -rf $(VENV) db.sqlite3 media static .test-media .demo-admin-password

.PHONY: bench
bench: $(INSTALLED) ## Delivery API vs stock v2 on 1,000 and 10,000 pages (ARGS="--sizes 1000,100000")
	$(BIN)/python scripts/bench_delivery.py $(ARGS)

.PHONY: bench-partners
bench-partners: $(INSTALLED) ## Partner API on 10,000 statements: list, CSV, full and incremental sync
	$(BIN)/python scripts/bench_partners.py $(ARGS)

.PHONY: bench-pipeline
bench-pipeline: $(INSTALLED) ## Publish → fresh answer and → webhook (100 publishes), cached vs uncached vs nginx req/s
	bash scripts/install-bench-tools.sh
	$(BIN)/python scripts/bench_pipeline.py $(ARGS)

.PHONY: load
load: $(INSTALLED) ## Load with faults, ~5 min: PostgreSQL restarted, Redis stopped, a worker killed (ARGS="--strict")
	$(BIN)/python scripts/load_test.py $(ARGS)

.PHONY: security
security: $(INSTALLED) ## bandit: no finding of medium severity or above in the project's code
	$(BIN)/bandit -r api cms pages demo settings -ll

.PHONY: fuzz
fuzz: $(INSTALLED) ## Schemathesis on every API operation (fixed seed; FUZZ_SEED=…, FUZZ_MAX_EXAMPLES=…), then a summary
	$(BIN)/pytest -m fuzz tests/fuzz $(ARGS)

.PHONY: e2e
e2e: $(INSTALLED) ## Browser tests: Debian's chromium + axe-core, then pytest -m e2e tests/e2e
	bash scripts/install-browser.sh
	$(BIN)/pytest -m e2e tests/e2e
