# Two commands matter: `make run` and `make test`. Everything works offline once installed.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask --app wsgi
PORT ?= 5000
PG_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test

.PHONY: run test test-postgres test-browser install translations check bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[postgres]'
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed
	$(PY) -m pip install -q -e '.[test,postgres,browser]'
	touch $@

install: $(VENV)/.installed

translations: $(VENV)/.installed
	$(FLASK) translate compile

run: install translations
	$(FLASK) db upgrade
	$(FLASK) surveys load
	$(FLASK) run --port $(PORT)

test: $(VENV)/.test-installed translations
	$(PY) -m pytest

test-postgres: $(VENV)/.test-installed translations
	TEST_DATABASE_URL=$(PG_URL) $(PY) -m pytest -m "not browser"

test-browser: $(VENV)/.test-installed translations
	$(PY) -m pytest -m browser

check: $(VENV)/.installed
	$(FLASK) surveys check

bench: $(VENV)/.test-installed translations
	$(PY) benchmarks/run_all.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache
