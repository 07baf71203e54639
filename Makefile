# Two entry points: `make demo` and `make test`. Everything else is a step they call.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test install lock system-deps clean bench

demo: install
	rm -f demo.db
	$(VENV)/bin/storyline ingest examples/corpus --db sqlite:///demo.db
	$(VENV)/bin/storyline analyze --db sqlite:///demo.db
	$(VENV)/bin/storyline link --db sqlite:///demo.db
	$(VENV)/bin/storyline stats --db sqlite:///demo.db
	$(VENV)/bin/storyline articles --db sqlite:///demo.db
	$(VENV)/bin/storyline mentions --type event --db sqlite:///demo.db
	$(VENV)/bin/storyline export stories --db sqlite:///demo.db

test: install system-deps
	$(PY) -m pytest

install: $(STAMP)

$(STAMP): requirements/lock.txt pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found; Storyline needs Python 3.11" >&2; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/lock.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

# Debian packages the tests use: a real PostgreSQL server (started per test session on 127.0.0.1).
system-deps:
	@if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
	  else echo "note: Debian's postgresql is missing and this is not root: PostgreSQL tests will install it if they can, or skip" >&2; fi; \
	fi

lock:
	$(PY) -m pip install --quiet pip-tools==7.6.2
	$(VENV)/bin/pip-compile --quiet --generate-hashes --extra test --strip-extras --allow-unsafe -o requirements/lock.txt pyproject.toml

bench: install system-deps
	$(PY) benchmarks/ingest_throughput.py
	$(PY) benchmarks/analysis_throughput.py

clean:
	rm -rf $(VENV) demo.db build src/*.egg-info
