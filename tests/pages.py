"""The public pages tests visit, and helpers for tests of the page cache (web/pages.py)."""

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
# What readers see, by name, for the checks in a browser (tests/e2e/test_look.py,
# test_accessibility.py): every kind above, search and the 404 page, at a
# phone's, a tablet's and a desktop's width.
READER_PAGES = {
    "home": "/",
    "archive": "/reviews/",
    "piece": "/reviews/last-men-in-aleppo-review/",
    "film-index": "/films/",
    "film": "/films/last-men-in-aleppo-2017/",
    "award-index": "/awards/",
    "award": "/awards/sundance-world-cinema-grand-jury-prize-documentary/",
    "person": "/people/feras-fayyad/",
    "organisation": "/organisations/the-white-helmets/",
    "topic": "/topics/syria/",
    # Two people and one piece: PostgreSQL ranks pieces by relevance, SQLite
    # by date, and one piece looks the same in either order.
    "search": "/search/?q=steen",
    "not-found": "/no-such-page/",
}
READER_WIDTHS = (375, 768, 1280)
# Checked beside them for accessibility: a piece with a table and footnotes.
TABLE_AND_NOTES_PAGE = "/reviews/from-park-city-to-the-oscars/"


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
