"""Gunicorn settings for Filmdesk: `gunicorn -c config/gunicorn.py config.wsgi`."""

import ipaddress
import multiprocessing
import os
import sys

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# The proxies in front, whose X-Forwarded-* headers are believed (by gunicorn
# for the scheme, by the login lockout for the client's address).
forwarded_allow_ips = os.environ.get("TRUSTED_PROXIES", "")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# A request slower than this is cut, logged and its worker replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 5
# Workers are not recycled: a new worker imports the whole site, and at a
# thousand requests a second recycling every thousand stalled the others'
# requests for most of a second (docs/performance.md). Set
# GUNICORN_MAX_REQUESTS if workers' memory grows.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 0))
max_requests_jitter = max_requests // 10
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# gunicorn 24+ opens a control socket in the user's home; systemd (HUP) and
# signals are all this deployment uses, and two servers would share the path.
control_socket_disable = True

# gunicorn's exit status for a worker that cannot boot: the arbiter stops.
WORKER_BOOT_ERROR = 3


def _only_this_machine_connects(address):
    """A Unix socket, an inherited descriptor or a loopback address."""
    if address.startswith(("unix:", "fd://")):
        return True
    host = address.rpartition(":")[0].strip("[]") or address
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


if not _only_this_machine_connects(bind) and not forwarded_allow_ips:
    # Reached from elsewhere, the site must know which callers are its proxies.
    sys.exit(
        f"GUNICORN_BIND is {bind}, which other machines can reach: set "
        "TRUSTED_PROXIES to the addresses of the proxies in front (docs/deployment.md, "
        "Several app servers), or bind to 127.0.0.1 or a Unix socket."
    )


def post_worker_init(worker):
    """Refuse a cache kept in each process (locmemcache://) when there are
    several workers: each would store its own pages and notice only its own
    changes, so readers would get pages a change elsewhere left stale."""
    from django.conf import settings

    backend = settings.CACHES["default"]["BACKEND"]
    if worker.cfg.workers > 1 and backend.endswith(".LocMemCache"):
        worker.log.error(
            "CACHE_URL names a cache kept in each process, but gunicorn runs %s "
            "workers: use filecache:// (the default) or Redis, or WEB_CONCURRENCY=1.",
            worker.cfg.workers,
        )
        sys.exit(WORKER_BOOT_ERROR)
