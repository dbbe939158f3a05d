"""Helpers for tests of the page cache (web/pages.py)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

# Every kind of public HTML page, at the demo's addresses (the `demo` fixture).
DEMO_PAGES = [
    "/",
    "/reviews/",
    "/reviews/last-men-in-aleppo-review/",
    "/films/",
    "/films/last-men-in-aleppo-2017/",
    "/awards/",
    "/awards/sundance-world-cinema-grand-jury-prize-documentary/",
    "/people/feras-fayyad/",
    "/organisations/the-white-helmets/",
    "/topics/syria/",
]


def assert_stored(client, django_assert_num_queries, *urls):
    """Request each page until it comes from the page cache: no query at all."""
    for url in urls:
        assert client.get(url).status_code == 200
        # The first look at a stored page may ask when the next piece is due.
        assert client.get(url).status_code == 200
        with django_assert_num_queries(0):
            assert client.get(url).status_code == 200


def queries_of(client, url):
    """The SQL of the queries one request for `url` runs, bar the first look at
    when the next scheduled piece is due, which a stored page may take."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    next_due = 'MIN("reviews_review"."publish_at")'
    return [query["sql"] for query in captured if next_due not in query["sql"]]
