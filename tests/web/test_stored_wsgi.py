"""Stored pages straight from WSGI (web/wsgi.py): the site's own WSGI
application, called as a server calls it, answers a stored page before Django
handles the request, with the status, headers and body the whole stack gave it."""

import io
from wsgiref.util import setup_testing_defaults

import pytest
from django.core.signals import request_started

from config.wsgi import application
from tests.factories import make_public_review
from tests.web.test_stored_early import PAGES, PIECE

# Django's handler closes the connection after each request, as in production:
# the rows must be committed, not in a test's transaction.
pytestmark = pytest.mark.django_db(transaction=True)


class Answer:
    def __init__(self, status, headers, body, handled_by_django):
        self.status, self.headers, self.body = status, headers, body
        self.handled_by_django = handled_by_django


def call(path, method="GET", query="", **headers):
    """The WSGI application's answer, and whether Django's handler ran."""
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "HTTP_HOST": "testserver",
        "wsgi.input": io.BytesIO(),
        **{f"HTTP_{name.upper()}": value for name, value in headers.items()},
    }
    setup_testing_defaults(environ)
    started, answered = [], {}

    def note_start(sender, **kwargs):
        started.append(sender)

    def start_response(status, response_headers, exc_info=None):
        answered.update(status=status, headers=response_headers)

    request_started.connect(note_start)
    try:
        response = application(environ, start_response)
        body = b"".join(response)
        if hasattr(response, "close"):
            response.close()
    finally:
        request_started.disconnect(note_start)
    return Answer(answered["status"], answered["headers"], body, bool(started))


def store(*paths):
    for path in paths:
        assert call(path).status == "200 OK", path  # rendered and stored


@pytest.fixture
def site(demo, one_clock, settings):
    """The demo with its home page and the seed review stored. (The demo takes
    seconds to load: each page kind is checked in one test, not one each.)"""
    settings.ALLOWED_HOSTS = ["testserver"]
    store("/", PIECE)


def test_every_stored_page_is_answered_before_django_as_django_answered_it(site):
    store(*PAGES)
    for path in PAGES:
        whole_way = call(path, query="utm_source=newsletter")
        early = call(path)

        assert whole_way.handled_by_django, path
        assert not early.handled_by_django, path
        assert early.status == whole_way.status == "200 OK", path
        assert early.headers == whole_way.headers, path
        assert early.body == whole_way.body, path


def test_head_gets_the_headers_and_no_body(site):
    get, head = call(PIECE), call(PIECE, method="HEAD")

    assert not head.handled_by_django
    assert head.headers == get.headers
    assert head.body == b""


def test_a_conditional_request_goes_to_django_for_its_304(site):
    etag = dict(call(PIECE).headers)["ETag"]

    answer = call(PIECE, if_none_match=etag)

    assert answer.handled_by_django
    assert answer.status == "304 Not Modified"


def test_a_change_is_on_the_next_request(site):
    make_public_review("A new piece on the home page")

    answer = call("/")

    assert answer.handled_by_django
    assert b"A new piece on the home page" in answer.body
    call("/")  # the whole stack's headers kept
    assert not call("/").handled_by_django


@pytest.mark.parametrize(
    "ask",
    [
        {"method": "POST"},
        {"query": "page=1"},
        {"cookie": "sessionid=made-up"},
    ],
    ids=["post", "query", "session-cookie"],
)
def test_anything_else_goes_to_django(site, ask):
    assert call("/", **ask).handled_by_django


def test_plain_http_is_left_to_django_to_send_to_https(site, settings):
    settings.SECURE_SSL_REDIRECT = True

    # SecurityMiddleware read its settings when the site started; that it
    # redirects is its own tested behaviour.
    assert call("/").handled_by_django


def test_an_unknown_host_gets_the_400_page(site):
    answer = call("/", host="evil.example")

    assert answer.handled_by_django
    assert answer.status.startswith("400")
