# Filmdesk: `make run` to try it, `make test` to check it.
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
RUNTIME_STAMP := $(VENV)/.runtime-installed
DEV_STAMP := $(VENV)/.dev-installed

.PHONY: run serve test test-all lighthouse bench lint fmt lock lock-check browser nginx redis \
	java vnu axe wrk icons fonts screenshots clean backup restore varnish

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

# Installs come from the hash-pinned locks (make lock writes them from
# pyproject.toml); Filmdesk itself goes in without dependencies of its own.
$(RUNTIME_STAMP): requirements.lock pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --require-hashes --requirement requirements.lock
	$(PY) -m pip install --quiet --no-deps --editable .
	@touch $@

# The dev lock holds the runtime too: one install, not two (CI builds both).
$(DEV_STAMP): requirements-dev.lock pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --require-hashes --requirement requirements-dev.lock
	$(PY) -m pip install --quiet --no-deps --editable .
	@touch $(RUNTIME_STAMP) $@

# One lock for every platform and Python 3.12+, with hashes and no index address.
# make lock keeps the pins that still fit; LOCK_ARGS=--upgrade takes the newest.
COMPILE = $(VENV)/bin/uv pip compile pyproject.toml --universal --python-version 3.12 \
	--generate-hashes --no-header --quiet
lock: $(DEV_STAMP)
	$(COMPILE) $(LOCK_ARGS) --output-file requirements.lock
	$(COMPILE) $(LOCK_ARGS) --group dev --output-file requirements-dev.lock

# CI: the locks are what make lock would write now, so they agree with pyproject.toml.
lock-check: $(DEV_STAMP)
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	cp requirements.lock requirements-dev.lock "$$tmp" && \
	$(COMPILE) --output-file "$$tmp/requirements.lock" && \
	$(COMPILE) --group dev --output-file "$$tmp/requirements-dev.lock" && \
	cmp -s requirements.lock "$$tmp/requirements.lock" && \
	cmp -s requirements-dev.lock "$$tmp/requirements-dev.lock" || { \
	  echo "requirements.lock or requirements-dev.lock does not match pyproject.toml: run make lock and commit both." >&2; \
	  exit 1; }

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

# Back up the site the environment names (DATABASE_URL, MEDIA_ROOT or
# MEDIA_STORAGE_URL) into BACKUP, by default var/backups/<UTC time>/; restore
# one with FROM=folder into an empty database and media (FORCE=1 to replace).
# docs/operations.md says how and how often.
backup: $(RUNTIME_STAMP)
	$(MANAGE) backup "$${BACKUP:-var/backups/$$(date -u +%Y-%m-%dT%H%M%SZ)}"

restore: $(RUNTIME_STAMP)
	@[ -n "$(FROM)" ] || { echo "Say which backup to restore: make restore FROM=var/backups/…" >&2; exit 1; }
	$(MANAGE) restore "$(FROM)" $(if $(FORCE),--force)

test: $(DEV_STAMP) browser nginx redis varnish vnu axe
	$(VENV)/bin/pytest $(PYTEST_ARGS)
	DEBUG=1 $(MANAGE) makemigrations --check --dry-run

# The visual tests' baselines (tests/e2e/baselines/), taken anew from the demo:
# run after a change to how pages look, look at the images, and commit them.
screenshots: $(DEV_STAMP) browser
	UPDATE_SCREENSHOTS=1 $(VENV)/bin/pytest --numprocesses=0 tests/e2e/test_look.py

# The suite, then Lighthouse on seven page kinds (minutes more: not in .ci/run).
test-all: test lighthouse

# Lighthouse (npm's, 12.2.3: newer ones fail here) with Debian's Chromium on the
# demo under gunicorn and nginx as deployed; fails under 100 in accessibility,
# best practices or SEO (bench/lighthouse.py).
LIGHTHOUSE_VERSION := 12.2.3
LIGHTHOUSE_BIN := var/lighthouse/node_modules/.bin/lighthouse
lighthouse: $(DEV_STAMP) browser nginx $(LIGHTHOUSE_BIN)
	$(PY) -m bench.lighthouse
$(LIGHTHOUSE_BIN):
	$(call debian_packages,command -v npm >/dev/null 2>&1,npm,Lighthouse comes from npm,lighthouse)
	npm install --silent --no-audit --no-fund --no-save --no-package-lock \
	  --prefix var/lighthouse lighthouse@$(LIGHTHOUSE_VERSION)

# $(call debian_packages,CHECK,PACKAGES,WHO NEEDS THEM,TARGET): when the shell
# test CHECK fails, install PACKAGES with apt-get if root, else say how and stop.
debian_packages = @$(1) || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && apt-get install -y -qq $(2) >/dev/null; \
	  else \
	    echo "$(3): install them (Debian: sudo apt-get install $(2)) and run make $(4) again." >&2; \
	    exit 1; fi; }

# The browser tests drive Debian's Chromium; install it once when missing.
browser:
	$(call debian_packages,command -v chromium >/dev/null 2>&1,chromium,The browser tests need Chromium,test)

# The login lockout test runs Debian's nginx with deploy/nginx.conf; install it once
# when missing (it lives in /usr/sbin, outside most users' PATH).
nginx:
	$(call debian_packages,{ command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; } && ls /etc/nginx/modules-enabled/*brotli-static* >/dev/null 2>&1,nginx libnginx-mod-http-brotli-static,The nginx tests need nginx with Brotli,test)

redis:
	$(call debian_packages,command -v redis-server >/dev/null 2>&1,redis-server,The shared-cache tests need redis-server,test)

# The edge-cache tests run Debian's Varnish with deploy/varnish.vcl (xkey: varnish-modules).
varnish:
	$(call debian_packages,[ -x /usr/sbin/varnishd ] && ls /usr/lib/*/varnish/vmods/libvmod_xkey.so >/dev/null 2>&1,varnish varnish-modules,The edge-cache tests need Varnish with xkey,test)

# The W3C's Nu Html Checker checks every public page kind: npm's vnu-jar (the
# jar alone: its install script, which would fetch a Java, is skipped) on
# Debian's Java, installed once when missing.
VNU_VERSION := 26.9.27
VNU_JAR := var/vnu/node_modules/vnu-jar/build/dist/vnu.jar
vnu: java $(VNU_JAR)
$(VNU_JAR):
	$(call debian_packages,command -v npm >/dev/null 2>&1,npm,The HTML checker comes from npm,test)
	npm install --silent --no-audit --no-fund --no-save --no-package-lock --ignore-scripts \
	  --prefix var/vnu vnu-jar@$(VNU_VERSION)

# The accessibility tests inject npm's axe-core into each page (WCAG 2.2 AA).
AXE_VERSION := 4.14.1
AXE_JS := var/axe/node_modules/axe-core/axe.min.js
axe: $(AXE_JS)
$(AXE_JS):
	$(call debian_packages,command -v npm >/dev/null 2>&1,npm,The accessibility tests take axe-core from npm,test)
	npm install --silent --no-audit --no-fund --no-save --no-package-lock \
	  --prefix var/axe axe-core@$(AXE_VERSION)

java:
	$(call debian_packages,command -v java >/dev/null 2>&1,default-jre-headless,The HTML checker runs on Java,test)

# Speed at 100,000 pieces (docs/performance.md): per database, the corpus (made
# once, kept in var/bench/ and the filmdesk_bench database), pages under gunicorn
# driven by wrk with the cache on, then in process with every cache off; last,
# on the last database, pages through Varnish beside nginx's static file.
BENCH_DATABASES ?= sqlite:///$(CURDIR)/var/bench/filmdesk_bench.sqlite3 \
	postgres://postgres@127.0.0.1:5432/filmdesk_bench
bench: $(RUNTIME_STAMP) wrk nginx varnish
	@for url in $(BENCH_DATABASES); do \
	  export DATABASE_URL=$$url && \
	  $(PY) -m bench.corpus && \
	  $(PY) -m bench.load && \
	  printf '\ncold, in process, every cache off:\n' && \
	  LOG_LEVEL=warning CACHE_URL=dummycache:// $(PY) -W ignore -m bench.site || exit 1; \
	done
	@DATABASE_URL=$(lastword $(BENCH_DATABASES)) $(PY) -m bench.edge

# The benchmark drives gunicorn with Debian's wrk; install it once when missing.
wrk:
	$(call debian_packages,command -v wrk >/dev/null 2>&1,wrk,The benchmark needs wrk,bench)

# The icons come from static/icons/favicon.svg; run after changing it, and commit them.
icons: export DEBUG = 1
icons: $(RUNTIME_STAMP) browser
	$(MANAGE) make_icons

# The site's fonts (static/fonts/README.md): npm's Fontsource files of the cuts
# site.css declares, copied unchanged; run to take another release, and commit.
FONTS_VERSION := 5.3.1
FONT_CUTS := source-serif-4:400-normal source-serif-4:400-italic \
	source-serif-4:700-normal source-serif-4:700-italic \
	source-sans-3:400-normal source-sans-3:600-normal source-sans-3:700-normal
fonts:
	$(call debian_packages,command -v npm >/dev/null 2>&1,npm,The fonts come from npm,fonts)
	npm install --silent --no-audit --no-fund --no-save --no-package-lock --prefix var/fonts \
	  @fontsource/source-serif-4@$(FONTS_VERSION) @fontsource/source-sans-3@$(FONTS_VERSION)
	for cut in $(FONT_CUTS); do \
	  family=$${cut%%:*} && files=var/fonts/node_modules/@fontsource/$$family && \
	  cp $$files/files/$$family-latin-$${cut#*:}.woff2 \
	     $$files/files/$$family-latin-ext-$${cut#*:}.woff2 static/fonts/ && \
	  cp $$files/LICENSE static/fonts/OFL-$$family.txt || exit 1; \
	done

lint: $(DEV_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

fmt: $(DEV_STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) var
