"""Helpers for tests of the page cache (web/pages.py)."""


def assert_stored(client, django_assert_num_queries, *urls):
    """Request each page until it comes from the page cache: no query at all."""
    for url in urls:
        assert client.get(url).status_code == 200
        # The first look at a stored page may ask when the next piece is due.
        assert client.get(url).status_code == 200
        with django_assert_num_queries(0):
            assert client.get(url).status_code == 200
