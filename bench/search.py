"""Search at scale: p50 and p95 of the search page for four kinds of query.

    DATABASE_URL=... .venv/bin/python -m bench.search

Requests each search page RUNS times through Django's test client (production
settings, cache off, no network) and prints the median, the 95th percentile and
the queries. On PostgreSQL it then prints EXPLAIN ANALYZE of every query the
slowest search runs.
"""

import statistics

from django.db import connection
from django.test import Client

from bench.in_process import timed_gets  # first: sets Django up
from bench.site import plain_storage
from films.models import Film
from reviews.models import Review
from reviews.search import search

RUNS = 40


def queries():
    """(label, query): the issue's four kinds, from the generated corpus."""
    film = Film.objects.filter(reviews__isnull=False).order_by("pk").first()
    return [
        ("a rare word", film.title.split()[-1] + " reviewed"),
        ("a name", film.title.split()[0]),
        ("words in every piece", "rescuers rubble"),
        ("a quoted phrase", '"siege and the city"'),
    ]


def measure(client, query):
    timings, _, captured = timed_gets(client, "/search/", RUNS, {"q": query})
    p95 = timings[round(0.95 * (len(timings) - 1))]
    pieces = len(search(query).pieces)
    return statistics.median(timings), p95, captured, pieces


@plain_storage
def main():
    client = Client()
    print(f"database: {connection.vendor}, {Review.objects.count():,} pieces")
    print(
        f"{'search':22} {'query':28} {'p50':>8} {'p95':>8} {'queries':>8} {'pieces':>7}"
    )
    slowest = (0, None)
    for label, query in queries():
        median, p95, captured, pieces = measure(client, query)
        print(
            f"{label:22} {query[:28]:28} {median * 1000:6.1f}ms {p95 * 1000:6.1f}ms "
            f"{len(captured):8} {pieces:7}"
        )
        slowest = max(slowest, (p95, captured), key=lambda pair: pair[0])
    if connection.vendor == "postgresql":
        print("\nEXPLAIN ANALYZE of the slowest search's queries:")
        with connection.cursor() as cursor:
            for captured in slowest[1]:
                if not captured["sql"].startswith("SELECT"):
                    continue
                cursor.execute("EXPLAIN ANALYZE " + captured["sql"])
                print()
                for (line,) in cursor.fetchall():
                    print("   ", line)


if __name__ == "__main__":
    main()
