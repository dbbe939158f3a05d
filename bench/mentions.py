"""How fast is mention scanning? A 5,000-word piece against 100,000 names.

.venv/bin/python -m bench.mentions
"""

import os
import statistics
import time
import tracemalloc

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "true")
django.setup()

from bench.synthetic import names, text  # noqa: E402
from reviews.mentions import NameIndex  # noqa: E402

NAMES = 100_000
WORDS = 5_000
RUNS = 20


def main():
    all_names = names(NAMES)
    triples = [(("person", number), n, False) for number, n in enumerate(all_names)]
    sprinkled = all_names[::2000]  # 50 of them appear in the text

    tracemalloc.start()
    started = time.perf_counter()
    index = NameIndex(triples)
    build_seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    body = text(WORDS, sprinkle=sprinkled)
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        found = index.find(body)
        timings.append(time.perf_counter() - started)

    print(f"names indexed:        {NAMES:,}")
    print(f"piece length:         {WORDS:,} words, {len(body):,} characters")
    print(f"index build:          {build_seconds * 1000:,.0f} ms (once per process)")
    print(f"index build peak mem: {peak / 2**20:,.1f} MiB (Python allocations)")
    print(
        f"scan, median of {RUNS}:  {statistics.median(timings) * 1000:,.1f} ms "
        f"(max {max(timings) * 1000:,.1f} ms)"
    )
    print(f"mentions found:       {len({m.key for m in found})} of {len(sprinkled)}")


if __name__ == "__main__":
    main()
