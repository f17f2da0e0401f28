# The two ways in: `make workshop` serves the workshop, `make test` runs every test.
# Both create .venv/ and install the kit first if needed.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PIP := $(BIN)/python -m pip --disable-pip-version-check -q
CHROMIUM := /usr/bin/chromium
PYTEST_NOTEBOOKS := --nbval notebooks dashboard --nbval-sanitize-with tests/nbval_sanitize.cfg --nbval-current-env

.PHONY: workshop test lint install chromium postgresql proxy hub test-unit test-notebooks test-browser test-release notebooks check-content guide dashboard release lab clean \
	bench bench-pages bench-feedback bench-load bench-room bench-growth bench-suite bench-report

workshop: install
	$(BIN)/workshop-kit kiosk

test: install chromium postgresql proxy lint
	$(BIN)/python -m pytest tests $(PYTEST_NOTEBOOKS)

# Errors that are always bugs (pyproject.toml [tool.ruff]): unused or undefined names, bad imports;
# the format; and the types (pyproject.toml [tool.mypy]: strict for scoring, the store, settings, record.py).
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip
	$(PIP) install -e '.[test,release,postgres,hub]'
	touch $(STAMP)

# Browser tests drive Debian's Chromium, never a downloaded browser.
chromium:
	@if [ -x $(CHROMIUM) ]; then exit 0; fi; \
	if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		echo "Installing Debian's chromium for the browser tests..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "The browser tests need Chromium at $(CHROMIUM). Install it with: sudo apt-get install chromium" >&2; \
		exit 1; \
	fi

# The store's tests also run against a real PostgreSQL server, started by the tests from Debian's
# server programs (initdb into a temporary folder, as an unprivileged user; tests/postgres_server.py).
postgresql:
	@if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then exit 0; fi; \
	if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		echo "Installing Debian's postgresql for the database tests..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
	else \
		echo "The database tests need PostgreSQL's server programs in /usr/lib/postgresql. Install them with: sudo apt-get install postgresql" >&2; \
		exit 1; \
	fi

# JupyterHub's proxy, from npm, into .hub-proxy/ (the hub tests and `make hub` use it).
HUB_PROXY := .hub-proxy/node_modules/.bin/configurable-http-proxy
proxy:
	@if [ -x $(HUB_PROXY) ]; then exit 0; fi; \
	if command -v npm >/dev/null 2>&1; then \
		echo "Installing configurable-http-proxy from npm into .hub-proxy/ ..."; \
		npm install --prefix .hub-proxy --no-audit --no-fund --loglevel=error configurable-http-proxy@5 >/dev/null; \
	else \
		echo "JupyterHub needs configurable-http-proxy from npm. Install Node.js and npm (sudo apt-get install npm), then run make proxy again." >&2; \
		exit 1; \
	fi

# JupyterHub on this machine (http://127.0.0.1:8000), each learner's server a local process: see README, "Running on a JupyterHub".
hub: install proxy
	$(BIN)/python deploy/jupyterhub/run_local.py

test-unit: install
	$(BIN)/python -m pytest tests -m "not browser and not release"

test-release: install
	$(BIN)/python -m pytest tests -m release

test-notebooks: install
	$(BIN)/python -m pytest $(PYTEST_NOTEBOOKS)

test-browser: install chromium
	$(BIN)/python -m pytest tests -m browser

# Write each notebook's opening lesson from the content (a test fails when one is stale), then
# re-run every notebook so the outputs nbval compares against are fresh.
notebooks: install
	$(BIN)/workshop-kit notebooks
	WORKSHOP_KIT_DATA=$$(mktemp -d) WORKSHOP_KIT_SESSION=nbval $(BIN)/jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.store_widget_state=False notebooks/*.ipynb dashboard/*.ipynb

check-content: install
	$(BIN)/workshop-kit check-content

# Re-render facilitator_guide/ from the agenda and step data (a test fails when it is stale).
guide: install
	$(BIN)/workshop-kit guide

# The facilitator's live view, on http://127.0.0.1:8867 (run beside `make workshop`).
dashboard: install
	$(BIN)/workshop-kit dashboard

# Check everything, then build dist/workshop-kit-<version>/ and its .tar.gz (README: "Cutting a release").
release: install
	$(BIN)/workshop-kit release

# JupyterLab for self-study, on the same store as `make workshop`; each page fills in the last
# learner who studied alone (never done for pages Voila serves to a room).
lab: install
	WORKSHOP_KIT_DATA="$${WORKSHOP_KIT_DATA:-$(CURDIR)/workshop-data}" WORKSHOP_KIT_REMEMBER_LEARNER=1 $(BIN)/jupyter lab notebooks

# Speed and load, measured (never part of `make test`): each writes benchmarks/results/*.json,
# then benchmarks/RESULTS.md is regenerated. `make bench` runs all but bench-suite (about 15 minutes).
bench: install chromium
	$(BIN)/python benchmarks/bench_pages.py
	$(BIN)/python benchmarks/bench_feedback.py
	$(BIN)/python benchmarks/bench_load.py
	$(BIN)/python benchmarks/bench_growth.py
	$(BIN)/python benchmarks/report.py

bench-pages: install chromium
	$(BIN)/python benchmarks/bench_pages.py
	$(BIN)/python benchmarks/report.py

bench-feedback: install chromium
	$(BIN)/python benchmarks/bench_feedback.py
	$(BIN)/python benchmarks/report.py

bench-load: install chromium
	$(BIN)/python benchmarks/bench_load.py
	$(BIN)/python benchmarks/report.py

# A whole room at once: bursts of 10, 30 and 60 tables on every step page, forked and unforked kernels (long).
bench-room: install
	$(BIN)/python benchmarks/bench_room.py
	$(BIN)/python benchmarks/report.py

bench-growth: install
	$(BIN)/python benchmarks/bench_growth.py
	$(BIN)/python benchmarks/report.py

# Times the whole of `make test` (several minutes) for RESULTS.md.
bench-suite: install chromium
	$(BIN)/python benchmarks/bench_growth.py --no-nbval --tables --make-test
	$(BIN)/python benchmarks/report.py

bench-report:
	$(BIN)/python benchmarks/report.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
