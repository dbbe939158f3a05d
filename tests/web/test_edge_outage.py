"""Varnish in front (deploy/varnish.vcl) when gunicorn is down or failing:
readers keep getting the pages it has kept, the site's 503 page only where
nothing is kept, and everything is current again soon after gunicorn is back."""

import time

import pytest

from tests.factories import make_public_review
from tests.services import Edge
from tests.web.test_edge_cache import get

pytestmark = pytest.mark.django_db(transaction=True)

# Pages are kept by Varnish for a second, so that what serves them after that
# is the grace it keeps them for.
KEPT_FOR = "1"
# Past a page's second and the few seconds it may be served stale while
# gunicorn answers; the health probe has found gunicorn gone by then.
PAST_ITS_TIME = 7


def until(condition, seconds):
    """Poll `condition` until it holds; how long it took, or None."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if condition():
            return time.monotonic() - started
        time.sleep(0.2)
    return None


@pytest.fixture
def edge(static_root, settings, tmp_path):
    edge = Edge(
        settings,
        static_root,
        caches=1,
        env={"PAGE_CACHE_SECONDS": KEPT_FOR, "FAIL_FLAG": str(tmp_path / "fail")},
        app="tests.failing_app",
    )
    yield edge
    edge.stop()


def test_kept_pages_outlive_gunicorn_and_the_rest_get_the_503_page(edge):
    kept = make_public_review("Kept through the outage").get_absolute_url()
    never_asked = make_public_review("Never asked for").get_absolute_url()
    cache = edge.caches[0]
    assert get(cache, kept)[0] == 200

    edge.stop_site()
    time.sleep(PAST_ITS_TIME)

    status, headers, body = get(cache, kept)
    assert (status, headers["X-Cache"]) == (200, "STALE")
    assert "Kept through the outage" in body
    status, headers, body = get(cache, never_asked)
    assert status == 503
    assert "Back soon" in body and "cannot be reached" in body
    assert headers["Retry-After"] == "30"
    assert headers["Cache-Control"] == "no-store"
    assert "default-src 'none'" in headers["Content-Security-Policy"]

    edge.start_site()
    back = until(lambda: get(cache, never_asked)[0] == 200, seconds=10)
    assert back is not None and back < 5
    assert "Kept through the outage" in get(cache, kept)[2]


def test_an_error_in_place_of_a_kept_page_leaves_readers_the_page(edge, tmp_path):
    kept = make_public_review("Kept through the errors").get_absolute_url()
    never_asked = make_public_review("Never asked for").get_absolute_url()
    cache = edge.caches[0]
    assert get(cache, kept)[0] == 200

    (tmp_path / "fail").touch()
    time.sleep(PAST_ITS_TIME)

    for _ in range(3):  # the page, and again after the errors its refreshes met
        status, headers, body = get(cache, kept)
        assert (status, headers["X-Cache"]) == (200, "STALE")
        assert "Kept through the errors" in body
    assert get(cache, never_asked)[0] == 500
    # An editor passes the cache: she gets the server's own answer.
    status, headers, body = get(cache, kept, Cookie="sessionid=an-editors")
    assert (status, headers["X-Cache"], body) == (500, "PASS", "failing\n")

    (tmp_path / "fail").unlink()
    assert (
        until(lambda: get(cache, kept)[1]["X-Cache"] != "STALE", seconds=5) is not None
    )
