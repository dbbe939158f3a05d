"""Django in this process, as production runs it, for the in-process benchmarks:
production settings, throwaway secrets, every cache off. Import it first."""

import os
import time

import django
from django.db import connection
from django.test.utils import CaptureQueriesContext

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-0123456789-abcdefghijklmnop")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("HTTPS", "false")
os.environ.setdefault("CACHE_URL", "dummycache://")
django.setup()


def timed_gets(client, url, runs, data=None):
    """Request `url` `runs` times and return the sorted timings in seconds, the
    last response and the queries of one more request.

    The timed requests run as production does, without Django's debug cursor:
    recording a query costs time of its own, and on SQLite one more query."""
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url, data)
        timings.append(time.perf_counter() - started)
        if response.status_code != 200:
            raise SystemExit(f"{url} {data or ''} answered {response.status_code}")
    with CaptureQueriesContext(connection) as captured:
        client.get(url, data)
    return sorted(timings), response, list(captured)
