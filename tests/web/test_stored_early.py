"""Stored pages are answered before the rest of the stack (web/middleware.py),
with exactly the headers the whole stack gives them."""

import pytest
from django.test import Client

from tests.factories import make_public_review
from tests.pages import DEMO_PAGES

pytestmark = pytest.mark.django_db

PAGES = [*DEMO_PAGES, "/feeds/reviews.rss", "/feeds/reviews.atom", "/sitemap.xml"]
PIECE = "/reviews/last-men-in-aleppo-review/"
# The pages read no query string but `page` and the like: this one they
# ignore, so the same stored page is served, the whole way through.
IGNORED = "?utm_source=newsletter"


def went_the_whole_way(response):
    """Whether the request met the session middleware and the URL resolver."""
    request = response.wsgi_request
    return hasattr(request, "session") and request.resolver_match is not None


@pytest.fixture
def stored(client, demo, one_clock):
    """Every page kind rendered once, and so stored."""
    for url in PAGES:
        assert client.get(url).status_code == 200, url
    return PAGES


# One test for every page kind: the demo they need takes seconds to load.
def test_a_stored_page_is_answered_early_with_the_whole_stacks_headers(
    client, stored, django_assert_num_queries
):
    for url in stored:
        whole_way = client.get(url + IGNORED)
        with django_assert_num_queries(0):
            early = client.get(url)

        assert went_the_whole_way(whole_way), url
        assert not went_the_whole_way(early), url
        assert early.status_code == whole_way.status_code == 200, url
        assert list(early.headers.items()) == list(whole_way.headers.items()), url
        assert early.content == whole_way.content, url


def test_a_matching_etag_gets_the_same_304_early(client, stored):
    for url in stored[:3]:
        etag = client.get(url)["ETag"]

        whole_way = client.get(url + IGNORED, HTTP_IF_NONE_MATCH=etag)
        early = client.get(url, HTTP_IF_NONE_MATCH=etag)

        assert went_the_whole_way(whole_way), url
        assert not went_the_whole_way(early), url
        assert early.status_code == whole_way.status_code == 304, url
        assert list(early.headers.items()) == list(whole_way.headers.items()), url
        assert early.content == b"", url


def test_head_gets_the_get_headers_and_no_body_early(client, stored):
    url = PIECE
    get = client.get(url)
    head = client.head(url)

    assert not went_the_whole_way(head)
    assert list(head.headers.items()) == list(get.headers.items())
    assert head.content == b""


def test_a_change_is_on_the_next_request(client, stored, editor):
    piece = make_public_review("A new piece on the home page")

    response = client.get("/")

    assert went_the_whole_way(response)
    assert b"A new piece on the home page" in response.content
    assert not went_the_whole_way(client.get("/"))
    piece.withdraw(by=editor)
    assert b"A new piece on the home page" not in client.get("/").content


def test_anything_else_goes_the_whole_way(stored):
    with_a_session = Client()
    with_a_session.cookies["sessionid"] = "made-up"
    asks = {
        "post": Client().post("/"),
        "query": Client().get("/?page=1"),
        "session-cookie": with_a_session.get("/"),
    }

    for ask, response in asks.items():
        assert went_the_whole_way(response), ask


def test_an_editor_gets_the_page_rendered(editor_client, stored):
    response = editor_client.get("/")

    assert went_the_whole_way(response)
    assert "Surrogate-Key" not in response.headers


def test_an_unknown_host_gets_the_400_page(client, stored):
    response = client.get("/", HTTP_HOST="evil.example")

    assert response.status_code == 400
