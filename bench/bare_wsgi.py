"""The Python ceiling for bench/load.py: a WSGI callable that answers every
request with a stored page's bytes (BENCH_BARE_BODY names the file), served by
the same gunicorn with the same configuration as the site."""

import os
from pathlib import Path

BODY = Path(os.environ["BENCH_BARE_BODY"]).read_bytes()
HEADERS = [
    ("Content-Type", "text/html; charset=utf-8"),
    ("Content-Length", str(len(BODY))),
]


def application(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]
