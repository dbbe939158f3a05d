"""Response times of the public pages and of search, in process, on a filled database.

    DATABASE_URL=... .venv/bin/python -m bench.site

Runs every page RUNS times through Django's test client (no network, no
gunicorn) and prints the median and the worst, with the query count.
"""

import resource
import statistics

from django.db import connection
from django.test import Client
from django.test.utils import override_settings

from bench.in_process import timed_gets  # first: sets Django up
from films.models import Film
from people.models import Person
from reviews.models import Review

RUNS = 20


def measure(client, url):
    timings, _, queries = timed_gets(client, url, RUNS)
    return statistics.median(timings), timings[-1], len(queries)


# Static files straight from the apps, so no collectstatic is needed.
plain_storage = override_settings(
    STORAGES={
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
)


@plain_storage
def main():
    client = Client()
    piece = Review.objects.public().order_by("-publish_at").first()
    film = Film.objects.filter(reviews__isnull=False).first()
    person = Person.objects.filter(bylines__isnull=False).order_by("pk").first()
    pages = [
        "/",
        "/reviews/",
        "/reviews/?page=50",
        piece.get_absolute_url(),
        film.get_absolute_url(),
        person.get_absolute_url(),
        "/films/",
        "/search/?q=" + film.title.split()[0],
        "/search/?q=" + film.title.split()[-1] + "+reviewed",
        "/search/?q=rescuers+rubble",
        "/search/?q=%22siege+and+the+city%22",
        "/sitemap-pieces.xml",
        "/feeds/reviews.rss",
    ]
    print(f"database: {connection.vendor}, {Review.objects.count():,} pieces")
    print(f"{'page':45} {'median':>9} {'worst':>9} {'queries':>8}")
    for url in pages:
        median, worst, queries = measure(client, url)
        print(f"{url[:45]:45} {median * 1000:7.1f}ms {worst * 1000:7.1f}ms {queries:8}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory of this process: {rss:.0f} MiB")


if __name__ == "__main__":
    main()
