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

# axe-core and the Nu HTML checker for the browser tests (skipped politely without npm).
BROWSER_TOOLS := tests/browser/node_modules/.installed
$(BROWSER_TOOLS): tests/browser/package-lock.json
	@if command -v npm >/dev/null; then cd tests/browser && npm ci --no-fund --no-audit --loglevel=error && touch node_modules/.installed; \
	else echo "npm not found: accessibility and HTML checks will be skipped"; fi

install: $(VENV)/.installed

translations: $(VENV)/.installed
	$(FLASK) translate compile

run: install translations
	$(FLASK) db upgrade
	$(FLASK) surveys load
	$(FLASK) staff local-admin
	$(FLASK) run --port $(PORT)

test: $(VENV)/.test-installed $(BROWSER_TOOLS) translations
	$(PY) -m pytest

test-postgres: $(VENV)/.test-installed translations
	TEST_DATABASE_URL=$(PG_URL) $(PY) -m pytest -m "not browser"

test-browser: $(VENV)/.test-installed $(BROWSER_TOOLS) translations
	$(PY) -m pytest -m browser

check: $(VENV)/.installed
	$(FLASK) surveys check

bench: $(VENV)/.test-installed translations
	$(PY) benchmarks/page_weight.py
	$(PY) benchmarks/classify_throughput.py
	$(PY) benchmarks/rerun_throughput.py
	$(PY) benchmarks/evaluate_analysis.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache
