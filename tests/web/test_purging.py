"""A CDN in front is told which pages to drop, by surrogate key."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.contrib.auth.models import Group

from tests.factories import make_review
from tests.faults import free_port


@pytest.fixture
def cdn(settings):
    """A real HTTP server standing in for the CDN's purge API, recording calls."""
    received = []

    class PurgeApi(BaseHTTPRequestHandler):
        def do_POST(self):
            received.append((self.path, dict(self.headers)))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), PurgeApi)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.CDN_PURGE_URLS = [f"http://127.0.0.1:{server.server_port}/service/x/purge"]
    settings.CDN_PURGE_TOKEN = "cdn-token"
    yield received
    server.shutdown()


def test_publishing_purges_the_pages_that_show_the_piece(
    cdn, db, django_capture_on_commit_callbacks
):
    piece = make_review(body="<p>Aleppo.</p>")
    editor = Group.objects.get(name="Editors").user_set.create(username="editor")

    with django_capture_on_commit_callbacks(execute=True):
        piece.publish(by=editor)

    keys = set()
    for path, headers in cdn:
        assert path == "/service/x/purge"
        assert headers["Fastly-Key"] == "cdn-token"
        keys.update(headers["Surrogate-Key"].split())
    assert {"review", f"review-{piece.pk}", f"film-{piece.film_id}"} <= keys


def test_a_cdn_purge_address_must_be_http(manage):
    result = manage("check", env={"DEBUG": "1", "CDN_PURGE_URL": "file:///etc/passwd"})

    assert result.returncode == 1
    assert "CDN_PURGE_URL must be http:// or https:// addresses" in result.stderr


def test_a_cache_that_cannot_be_reached_is_logged_and_the_others_purged(
    cdn, db, settings, caplog, django_capture_on_commit_callbacks
):
    closed = f"http://127.0.0.1:{free_port()}/.purge"
    settings.CDN_PURGE_URLS = [closed, *settings.CDN_PURGE_URLS]
    piece = make_review(body="<p>Aleppo.</p>")
    editor = Group.objects.get(name="Editors").user_set.create(username="editor")

    with django_capture_on_commit_callbacks(execute=True):
        piece.publish(by=editor)  # saved, whatever the caches answer

    piece.refresh_from_db()
    assert piece.is_public
    failures = [r.getMessage() for r in caplog.records if r.name == "filmdesk.cdn"]
    # One line for each purge the other cache took, after every try.
    assert len(failures) == len(cdn)
    assert all(f"at {closed} failed: " in failure for failure in failures)
    assert cdn, "the cache that answers was purged all the same"
