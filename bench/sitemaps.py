"""Sitemaps at scale, uncached: p50 and p95 of the index and of full sections.

    DATABASE_URL=... .venv/bin/python -m bench.sitemaps

Requests each sitemap RUNS times through Django's test client (production
settings, cache off, no network) and prints the median, the 95th percentile,
the queries and the size.
"""

from django.db import connection
from django.test import Client

from bench.in_process import timed_gets  # first: sets Django up
from bench.site import plain_storage
from reviews.models import Review

RUNS = 20
SITEMAPS = [
    "/sitemap.xml",
    "/sitemap-pieces.xml",
    "/sitemap-pieces.xml?p=10",
    "/sitemap-films.xml",
    "/sitemap-people.xml",
]


@plain_storage
def main():
    client = Client()
    print(f"database: {connection.vendor}, {Review.objects.count():,} pieces")
    print(f"{'sitemap':26} {'p50':>8} {'p95':>8} {'queries':>8} {'URLs':>7}")
    for url in SITEMAPS:
        timings, response, captured = timed_gets(client, url, RUNS)
        p50 = timings[len(timings) // 2]
        p95 = timings[round(0.95 * (len(timings) - 1))]
        urls = response.content.count(b"<loc>") - response.content.count(b"<image:loc>")
        print(
            f"{url:26} {p50 * 1000:6.1f}ms {p95 * 1000:6.1f}ms "
            f"{len(captured):8} {urls:7,}"
        )


if __name__ == "__main__":
    main()
