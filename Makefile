# Filmdesk: `make run` to try it, `make test` to check it.
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
RUNTIME_STAMP := $(VENV)/.runtime-installed
DEV_STAMP := $(VENV)/.dev-installed

.PHONY: run serve test bench lint fmt browser nginx redis wrk icons clean

$(PY):
	@py=""; for candidate in python3.13 python3.12 python3 python; do \
	  if command -v $$candidate >/dev/null 2>&1 && \
	     $$candidate -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then \
	    py=$$candidate; break; fi; done; \
	if [ -z "$$py" ]; then \
	  echo "Filmdesk needs Python 3.12 or newer: install it (for example 'pyenv install 3.13' or your system's python3.13 package) and run make again." >&2; \
	  exit 1; fi; \
	echo "Creating $(VENV) with $$($$py --version)"; \
	$$py -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(RUNTIME_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --editable .
	@touch $@

# The dev group holds the runtime too: one install, not two (CI builds both).
$(DEV_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --group dev --editable .
	@touch $(RUNTIME_STAMP) $@

run: export DEBUG = 1
run: $(RUNTIME_STAMP)
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) seed_demo
	$(MANAGE) create_local_editor
	$(MANAGE) runserver 127.0.0.1:8000

# Production settings under gunicorn. Operators set SECRET_KEY, ALLOWED_HOSTS and
# HTTPS themselves (docs/deployment.md); the defaults here serve on loopback.
serve: export ALLOWED_HOSTS ?= 127.0.0.1,localhost
serve: export HTTPS ?= false
serve: $(RUNTIME_STAMP)
	@mkdir -p var
	@[ -s var/serve-secret-key ] || $(PY) -c 'import secrets; print(secrets.token_urlsafe(50))' > var/serve-secret-key
	SECRET_KEY="$${SECRET_KEY:-$$(cat var/serve-secret-key)}" sh -c '\
	  $(MANAGE) migrate --noinput && \
	  $(MANAGE) collectstatic --noinput --verbosity 0 && \
	  exec $(VENV)/bin/gunicorn --config config/gunicorn.py config.wsgi'

test: $(DEV_STAMP) browser nginx redis
	$(VENV)/bin/pytest $(PYTEST_ARGS)
	DEBUG=1 $(MANAGE) makemigrations --check --dry-run

# The browser tests drive Debian's Chromium; install it once when missing.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "The browser tests need Chromium: install it (Debian: sudo apt-get install chromium) and run make test again." >&2; \
	    exit 1; fi; }

# The login lockout test runs Debian's nginx with deploy/nginx.conf; install it once
# when missing (it lives in /usr/sbin, outside most users' PATH).
nginx:
	@{ command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; } && \
	  ls /etc/nginx/modules-enabled/*brotli-static* >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && apt-get install -y -qq nginx libnginx-mod-http-brotli-static >/dev/null; \
	  else \
	    echo "The nginx tests need nginx with Brotli: install them (Debian: sudo apt-get install nginx libnginx-mod-http-brotli-static) and run make test again." >&2; \
	    exit 1; fi; }

redis:
	@command -v redis-server >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && apt-get install -y -qq redis-server >/dev/null; \
	  else \
	    echo "The shared-cache tests need redis-server: install it (Debian: sudo apt-get install redis-server) and run make test again." >&2; \
	    exit 1; fi; }

# Speed at 100,000 pieces (docs/performance.md): per database, the corpus (made
# once, kept in var/bench/ and the filmdesk_bench database), pages under gunicorn
# driven by wrk with the cache on, then in process with every cache off.
BENCH_DATABASES ?= sqlite:///$(CURDIR)/var/bench/filmdesk_bench.sqlite3 \
	postgres://postgres@127.0.0.1:5432/filmdesk_bench
bench: $(RUNTIME_STAMP) wrk
	@for url in $(BENCH_DATABASES); do \
	  export DATABASE_URL=$$url && \
	  $(PY) -m bench.corpus && \
	  $(PY) -m bench.load && \
	  printf '\ncold, in process, every cache off:\n' && \
	  LOG_LEVEL=warning CACHE_URL=dummycache:// $(PY) -W ignore -m bench.site || exit 1; \
	done

# The benchmark drives gunicorn with Debian's wrk; install it once when missing.
wrk:
	@command -v wrk >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && apt-get install -y -qq wrk >/dev/null; \
	  else \
	    echo "The benchmark needs wrk: install it (Debian: sudo apt-get install wrk) and run make bench again." >&2; \
	    exit 1; fi; }

# The icons come from static/icons/favicon.svg; run after changing it, and commit them.
icons: export DEBUG = 1
icons: $(RUNTIME_STAMP) browser
	$(MANAGE) make_icons

lint: $(DEV_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

fmt: $(DEV_STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) var
