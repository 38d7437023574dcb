# Constellate: `make run` to try it, `make test` to check it. Only Python 3.11+ and make needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Tests run on every core; -rs lists why any test was skipped (e.g. no Chromium).
PYTEST_ARGS ?= -n auto -rs

.PHONY: run test install install-dev migrate demo worker lint typecheck messages benchmark benchmark-opinion clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	@mkdir -p var
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo --url http://$(HOST):$(PORT)/

## run: install, migrate, load the demo pilots, start the task worker and the web server.
run: demo
	@echo "Starting the task worker and the web server on http://$(HOST):$(PORT)/ (Ctrl+C stops both)"
	@$(BIN)/python manage.py db_worker --interval 2 > var/worker.log 2>&1 & \
	  WORKER=$$!; trap "kill $$WORKER 2>/dev/null" EXIT INT TERM; \
	  $(BIN)/python manage.py runserver $(HOST):$(PORT)

## test: install everything and run the whole suite (unit, integration, browser, accessibility).
test: install-dev
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install-dev
	$(BIN)/mypy

## messages: refresh the translation catalogues after changing interface text.
messages: install-dev
	$(BIN)/python manage.py makemessages --all --no-obsolete --no-location --ignore ".venv/*" --ignore "var/*"
	$(BIN)/python -m constellate.core.catalogues fill-english
	$(BIN)/python -m constellate.core.catalogues compile

benchmark: install-dev
	$(BIN)/python benchmarks/pages.py

## benchmark-opinion: opinion groups side by side with red-dwarf (installed with the "bench" extra).
benchmark-opinion: install-dev
	$(BIN)/pip install --quiet -e ".[bench]"
	$(BIN)/python benchmarks/opinion.py

clean:
	rm -rf $(VENV) var
