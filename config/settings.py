"""Filmdesk settings: one module, every machine-specific value from the environment."""

import ipaddress
import logging
import os
from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from whitenoise.compress import Compressor

from config.logs import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")


def required(name):
    """A value production cannot run without: stop start-up with one clear sentence."""
    value = env(name, default="")
    if not value:
        raise ImproperlyConfigured(
            f"Set the {name} environment variable: it is required when DEBUG is off."
        )
    return value


DEBUG = env.bool("DEBUG", default=False)

if DEBUG:
    SECRET_KEY = env("SECRET_KEY", default="django-insecure-local-development-only")
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
else:
    SECRET_KEY = required("SECRET_KEY")
    ALLOWED_HOSTS = [host.strip() for host in required("ALLOWED_HOSTS").split(",")]

CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "desk.apps.DeskAdminConfig",  # Django's admin, with the desk as its home page
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django_countries",
    "web",
    "backups",
    "audit",
    "images",
    "people",
    "films",
    "reviews",
    "desk",
    "django_prose_editor",
    "reversion",
    "reversion_compare",
    "axes",
    "django_tasks_db",
]

MIDDLEWARE = [
    "config.middleware.HeadWithoutBodyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "config.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Stored pages from here (web/middleware.py); the rest only for rendering.
    "web.middleware.StoredPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "desk.middleware.UserTimeZoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "config.middleware.DatabaseUnavailableMiddleware",
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "web.context_processors.site",
            ],
        },
    },
]

# Database: SQLite by default (WAL, a busy timeout and IMMEDIATE transactions so
# several gunicorn workers can write without "database is locked");
# a postgres:// URL uses psycopg 3 with Django's connection pool.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(exist_ok=True)  # SQLite creates the file, not its folder
    # A file, not memory, so tests can share the database with a served process.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 5,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # the pool keeps connections
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["default"]["OPTIONS"] = {
        # Fail fast when the database is down: readers get a 503, not a hang.
        "pool": {
            "min_size": 1,
            "max_size": env.int("DATABASE_POOL_SIZE", default=10),
            "timeout": env.float("DATABASE_POOL_TIMEOUT", default=3),
        },
        "connect_timeout": 2,
        # No server-side prepared statements (psycopg's prepare_threshold with
        # server_side_binding): after five runs PostgreSQL may keep a generic
        # plan, and search's best plan depends on its words. Tried: a cold
        # piece 2 ms faster, a phrase search 65 -> 909 ms at 100,000 pieces.
    }

# The default cache lives on disk so every gunicorn worker sees the same entries.
CACHES = {"default": env.cache("CACHE_URL", default=f"filecache://{VAR_DIR / 'cache'}")}
if CACHES["default"]["BACKEND"].endswith("FileBasedCache"):
    # Stored pages, their change times and the name index: room for a site's
    # worth (Django culls a third of the entries at random beyond this).
    CACHES["default"].setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 20_000)
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # Keeps serving (uncached, with a warning) while Redis is down.
    CACHES["default"]["BACKEND"] = "config.cache.ResilientRedisCache"
    CACHES["default"].setdefault("OPTIONS", {}).update(
        socket_connect_timeout=0.5, socket_timeout=0.5
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

_VALIDATORS = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATORS}.UserAttributeSimilarityValidator"},
    {"NAME": f"{_VALIDATORS}.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": f"{_VALIDATORS}.CommonPasswordValidator"},
    {"NAME": f"{_VALIDATORS}.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=VAR_DIR / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Source maps are read only by browsers' developer tools, and compressing the
# rich-text editor's 2.3 MB map (twice: plain and hashed) took 25 of the 40 s
# collectstatic spent on Brotli.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [*Compressor.SKIP_COMPRESS_EXTENSIONS, "map"]

# HTTPS is on in production; `make serve` turns it off to serve on loopback.
HTTPS = env.bool("HTTPS", default=not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=60 * 60 * 12)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# Content-Security-Policy: public pages run no inline script or style and load
# nothing from other origins, but a video's player once its reader asks for it
# (reviews/videos.py); the admin adds per-request nonces for its own.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    # The players static/js/video.js loads.
    "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
}
# The rich-text editor (Tiptap, inside django-prose-editor) injects one fixed
# <style> element without a nonce; its hash allows exactly that stylesheet.
TIPTAP_BASE_STYLE_HASH = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"
ADMIN_CSP = {
    **SECURE_CSP,
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE, TIPTAP_BASE_STYLE_HASH],
    # The desk frames its own previews (the front page, the live preview), and
    # plays no videos.
    "frame-src": [CSP.SELF],
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)

# Brute-force protection for the admin login (django-axes): AXES_FAILURE_LIMIT
# failed logins from one address, whatever the user names, refuse logins from
# there for AXES_COOLOFF_MINUTES. Never by user name alone, so a stranger
# elsewhere cannot lock an editor out; a count per user name at an address would
# never reach the limit before the address's own. Editors unlock in the admin.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# A good login clears that user's own failures from that address, nobody else's.
AXES_HANDLER = "config.lockout.OwnFailuresResetHandler"
AXES_RESET_ON_SUCCESS = True

# The client's address (config/lockout.py): the connecting one, unless that is
# one of TRUSTED_PROXIES, the proxies in front (the nginx of deploy/: 127.0.0.1);
# then the nearest address in X-Forwarded-For that is not one of them. Anyone
# else's X-Forwarded-For is never read, so a client reaching gunicorn directly
# can neither spread its guesses over made-up addresses nor lock out another.
AXES_CLIENT_IP_CALLABLE = "config.lockout.client_address"
if "AXES_PROXY_COUNT" in os.environ:
    raise ImproperlyConfigured(
        "AXES_PROXY_COUNT is gone: list the addresses of the proxies in front in "
        "TRUSTED_PROXIES instead (nginx on this machine: TRUSTED_PROXIES=127.0.0.1)."
    )
try:
    TRUSTED_PROXIES = [
        ipaddress.ip_network(entry) for entry in env.list("TRUSTED_PROXIES", default=[])
    ]
except ValueError as error:
    raise ImproperlyConfigured(
        f"TRUSTED_PROXIES holds addresses or networks, such as 127.0.0.1 or "
        f"10.0.0.0/24, separated by commas: {error}."
    ) from None

# gunicorn takes its level in lower case and logging in upper case: accept either.
LOG_LEVEL = env("LOG_LEVEL", default="INFO").upper()
if LOG_LEVEL not in logging.getLevelNamesMapping():
    raise ImproperlyConfigured(
        f"LOG_LEVEL must be one of debug, info, warning, error or critical, not "
        f"“{env('LOG_LEVEL')}”."
    )
LOGGING = logging_config(LOG_LEVEL)

# The admin's address can be moved away from the well-known /admin/.
ADMIN_PATH = env("ADMIN_PATH", default="admin/").strip("/") + "/"
LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "admin:index"

# Mail (notifications, set-password links): printed in development, SMTP otherwise.
_EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
MAILERS = {"default": {"BACKEND": _EMAIL_BACKEND}}
if _EMAIL_BACKEND.endswith("smtp.EmailBackend"):
    MAILERS["default"]["OPTIONS"] = {
        "host": env("EMAIL_HOST", default="localhost"),
        "port": env.int("EMAIL_PORT", default=25),
        "username": env("EMAIL_HOST_USER", default=""),
        "password": env("EMAIL_HOST_PASSWORD", default=""),
        "use_tls": env.bool("EMAIL_USE_TLS", default=False),
        "timeout": 10,
    }
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Filmdesk <desk@localhost>")

# Uploaded images: a size limit and a pixel limit against decompression bombs.
IMAGE_UPLOAD_MAX_BYTES = env.int("IMAGE_UPLOAD_MAX_BYTES", default=20 * 1024 * 1024)
IMAGE_MAX_PIXELS = env.int("IMAGE_MAX_PIXELS", default=40_000_000)
# Stored originals are scaled down to this longest side, then until they fit the budget.
IMAGE_MAX_DIMENSION = env.int("IMAGE_MAX_DIMENSION", default=4000)
IMAGE_STORED_MAX_BYTES = env.int("IMAGE_STORED_MAX_BYTES", default=10 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

SITE_NAME = env("SITE_NAME", default="Filmdesk")
SITE_DESCRIPTION = env(
    "SITE_DESCRIPTION", default="Film criticism: reviews, features and interviews."
)
# Where links in e-mails point: mail is sent outside any request.
SITE_URL = env(
    "SITE_URL",
    default=f"http://{ALLOWED_HOSTS[0]}:8000"
    if DEBUG
    else f"https://{ALLOWED_HOSTS[0]}",
).rstrip("/")

# The page cache (web/pages.py): how long a stored page is kept, at most. It is
# never served once something it shows has changed, so this bounds memory, not
# staleness; CDNs that purge by Surrogate-Key may keep pages as long. Servers
# compare change times from their own clocks: keep them in sync (NTP) within
# PAGE_CACHE_CLOCK_SKEW seconds.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=60 * 60 * 24)
PAGE_CACHE_CLOCK_SKEW = env.float("PAGE_CACHE_CLOCK_SKEW", default=1.0)
# Copies of one page stored at a time for different query values (archive
# filters, search words, page numbers); beyond them, pages render each time.
PAGE_CACHE_VARIANTS = env.int("PAGE_CACHE_VARIANTS", default=200)
# A CDN in front: where to ask it to drop pages by surrogate key (web/purging.py).
# Every cache in front to purge (a Varnish per server, or a CDN), comma-separated.
CDN_PURGE_URLS = env.list("CDN_PURGE_URL", default=[])
if not all(url.startswith(("https://", "http://")) for url in CDN_PURGE_URLS):
    raise ImproperlyConfigured(
        "CDN_PURGE_URL must be http:// or https:// addresses, separated by commas."
    )
CDN_PURGE_TOKEN = env("CDN_PURGE_TOKEN", default="")

# PostgreSQL search ranks at most this many of the newest matching pieces
# (reviews/search.py): words found in thousands of pieces stay fast.
SEARCH_RANK_WINDOW = 1000

# The compare page: a foreign key changed when the id it holds changed (films and
# people are not versioned with a piece, so their own edits are not the piece's).
REVERSION_COMPARE_FOREIGN_OBJECTS_AS_ID = True


# --- Several servers (issue 14) ---------------------------------------------

# Media: local files under MEDIA_ROOT by default; MEDIA_STORAGE_URL (config/media.py)
# puts uploads, renditions and share cards in an S3-compatible bucket that every
# app server shares, and lets browsers load pictures from the bucket's origin.
if MEDIA_STORAGE_URL := env("MEDIA_STORAGE_URL", default=""):
    from config.media import media_origin, storage_from_url

    STORAGES["default"] = storage_from_url(MEDIA_STORAGE_URL)
    SECURE_CSP["img-src"].append(media_origin(STORAGES["default"]["OPTIONS"]))

# Background work (mail, renditions, share cards) through Django's tasks. By
# default it runs at once in the process that asks for it, so `make run` needs no
# worker; TASKS_BACKEND=database queues it in the database for
# `manage.py db_worker` (deploy/filmdesk-worker.service).
TASK_BACKENDS = {
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
_task_backend = env("TASKS_BACKEND", default="immediate")
if _task_backend not in TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND must be immediate or database, not “{_task_backend}”."
    )
TASKS = {"default": {"BACKEND": TASK_BACKENDS[_task_backend]}}

# APP_SERVERS: how many app servers share this configuration. Past one, a cache
# kept in one process or on one machine's disk would show each server its own
# pages and counters.
APP_SERVERS = env.int("APP_SERVERS", default=1)
LOCAL_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.filebased.FileBasedCache",
)
if APP_SERVERS > 1 and CACHES["default"]["BACKEND"] in LOCAL_CACHES:
    raise ImproperlyConfigured(
        f"APP_SERVERS is {APP_SERVERS}, but CACHE_URL names a cache that lives on "
        "one machine: point CACHE_URL at Redis (redis://host:6379/1) shared by "
        "every server."
    )
# Several app servers listen beyond loopback, where clients could reach them
# without nginx: the addresses of the proxies in front are what tells them apart.
if APP_SERVERS > 1 and not TRUSTED_PROXIES:
    raise ImproperlyConfigured(
        f"APP_SERVERS is {APP_SERVERS}: set TRUSTED_PROXIES to the addresses of "
        "the proxies in front (nginx, a load balancer), so that the login lockout "
        "reads X-Forwarded-For from them and from nobody else."
    )
