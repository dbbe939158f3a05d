"""Gunicorn settings for Filmdesk: `gunicorn -c config/gunicorn.py config.wsgi`."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
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
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn 24+ opens a control socket in the user's home; systemd (HUP) and
# signals are all this deployment uses, and two servers would share the path.
control_socket_disable = True
