"""How fast is mention scanning? A 5,000-word piece against 100,000 names,
the index built once, stored in a cache and loaded as another process would.

.venv/bin/python -m bench.mentions                             # a file cache in /tmp
.venv/bin/python -m bench.mentions redis://127.0.0.1:6379/13   # a Redis db of your own
"""

import os
import statistics
import sys
import tempfile
import time
import tracemalloc

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "true")
django.setup()

from django.core.cache import cache  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from bench.synthetic import names, text  # noqa: E402
from reviews import name_index  # noqa: E402
from reviews.mentions import NameIndex  # noqa: E402

NAMES = 100_000
WORDS = 5_000
RUNS = 20
VERSION_CHECKS = 1_000


def bench_cache(argv, folder):
    """The cache to store the index in: never the site's own."""
    if argv:
        backend = "django.core.cache.backends.redis.RedisCache"
        return {"BACKEND": backend, "LOCATION": argv[0], "KEY_PREFIX": "bench"}
    backend = "django.core.cache.backends.filebased.FileBasedCache"
    return {"BACKEND": backend, "LOCATION": folder}


def median_ms(timings):
    return f"{statistics.median(timings) * 1000:,.1f} ms (max {max(timings) * 1000:,.1f} ms)"


def main(argv):
    all_names = names(NAMES)
    triples = [(("person", number), n, False) for number, n in enumerate(all_names)]
    sprinkled = all_names[::2000]  # 50 of them appear in the text

    started = time.perf_counter()
    index = NameIndex(triples)
    build_seconds = time.perf_counter() - started
    tracemalloc.start()
    NameIndex(triples)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    with (
        tempfile.TemporaryDirectory() as folder,
        override_settings(CACHES={"default": bench_cache(argv, folder)}),
    ):
        started = time.perf_counter()
        name_index.store(index, built_from=None)
        store_seconds = time.perf_counter() - started
        stored_bytes = cache.get(name_index.VERSION_KEY)["bytes"]
        loads = []
        for _ in range(5):
            started = time.perf_counter()
            _, index = name_index.load()
            loads.append(time.perf_counter() - started)
        checks = []
        for _ in range(VERSION_CHECKS):
            started = time.perf_counter()
            cache.get(name_index.VERSION_KEY)
            checks.append(time.perf_counter() - started)
        cache.delete_many([name_index.VERSION_KEY, name_index.INDEX_KEY])

    body = text(WORDS, sprinkle=sprinkled)
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        found = index.find(body)
        timings.append(time.perf_counter() - started)

    where = argv[0] if argv else "file cache"
    print(f"names indexed:        {NAMES:,}")
    print(f"piece length:         {WORDS:,} words, {len(body):,} characters")
    print(f"index build:          {build_seconds * 1000:,.0f} ms (by a task, once)")
    print(f"index build peak mem: {peak / 2**20:,.1f} MiB (Python allocations)")
    print(f"stored ({where}):  {stored_bytes / 2**20:,.1f} MiB, zlib-compressed pickle")
    print(
        f"store:                {store_seconds * 1000:,.0f} ms (pickle, compress, set)"
    )
    print(f"load, median of 5:    {median_ms(loads)} (get, decompress, unpickle)")
    print(f"version check:        {statistics.median(checks) * 1e6:,.0f} µs (one get)")
    print(f"scan, median of {RUNS}:  {median_ms(timings)}")
    print(f"mentions found:       {len({m.key for m in found})} of {len(sprinkled)}")


if __name__ == "__main__":
    main(sys.argv[1:])
