# Two entry points: `make demo` and `make test`. Everything else is a step they call.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test install lock system-deps clean bench web

demo: install web
	rm -f demo.db
	$(VENV)/bin/storyline run examples/corpus --db sqlite:///demo.db
	$(VENV)/bin/storyline stats --db sqlite:///demo.db
	$(VENV)/bin/storyline events --db sqlite:///demo.db
	$(VENV)/bin/storyline stories --db sqlite:///demo.db

test: install system-deps web
	$(PY) -m pytest

install: $(STAMP)

$(STAMP): requirements/lock.txt pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found; Storyline needs Python 3.11" >&2; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/lock.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

# The web page's front-end packages (npm, pinned by web/package-lock.json; no install scripts run),
# copied into the ignored folder that the server serves as /static/vendor.
WEB_VENDOR := src/storyline/serve/web/static/vendor
web: $(WEB_VENDOR)/.built

$(WEB_VENDOR)/.built: web/package.json web/package-lock.json
	@command -v npm >/dev/null || { echo "error: npm not found; run make system-deps as root, or install Debian's npm" >&2; exit 1; }
	cd web && SCARF_ANALYTICS=false npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	rm -rf $(WEB_VENDOR)
	mkdir -p $(WEB_VENDOR)/leaflet $(WEB_VENDOR)/world-atlas $(WEB_VENDOR)/topojson-client $(WEB_VENDOR)/swagger-ui
	cp web/node_modules/leaflet/dist/leaflet.js web/node_modules/leaflet/dist/leaflet.css web/node_modules/leaflet/LICENSE $(WEB_VENDOR)/leaflet/
	cp web/node_modules/world-atlas/countries-50m.json web/node_modules/world-atlas/LICENSE $(WEB_VENDOR)/world-atlas/
	cp web/node_modules/topojson-client/dist/topojson-client.min.js web/node_modules/topojson-client/LICENSE $(WEB_VENDOR)/topojson-client/
	cp web/node_modules/swagger-ui-dist/swagger-ui-bundle.js web/node_modules/swagger-ui-dist/swagger-ui.css web/node_modules/swagger-ui-dist/LICENSE $(WEB_VENDOR)/swagger-ui/
	touch $@

# Debian packages the tests use: a real PostgreSQL server (started per test session on 127.0.0.1).
system-deps:
	@if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
	  else echo "note: Debian's postgresql is missing and this is not root: PostgreSQL tests will install it if they can, or skip" >&2; fi; \
	fi
	@# Chromium for the browser tests (tests/serve/test_web.py), npm for the web page's packages.
	@for tool in chromium npm; do \
	  if ! command -v $$tool >/dev/null 2>&1; then \
	    if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$tool >/dev/null; \
	    else echo "note: Debian's $$tool is missing and this is not root: install it (apt-get install $$tool)" >&2; fi; \
	  fi; \
	done

lock:
	$(PY) -m pip install --quiet pip-tools==7.6.2
	$(VENV)/bin/pip-compile --quiet --generate-hashes --extra test --strip-extras --allow-unsafe -o requirements/lock.txt pyproject.toml

bench: install system-deps
	for name in ingest_throughput analysis_throughput lsh_index pair_cost run_throughput api_latency; do \
		$(PY) benchmarks/$$name.py $(BENCH_ARGS) || exit 1; \
	done

clean:
	rm -rf $(VENV) demo.db build src/*.egg-info web/node_modules $(WEB_VENDOR)
