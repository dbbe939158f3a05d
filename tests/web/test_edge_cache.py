"""Varnish in front (deploy/varnish.vcl), as deployed: the real varnishd before
a real gunicorn, both on loopback. Readers' pages are served by the cache and
dropped from it by key the moment what they show changes."""

import gzip
import time
import urllib.error
import urllib.request
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import make_public_review, make_review
from tests.services import Edge

# The served site reads what the test writes: committed rows, one Redis.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def edge(static_root, settings):
    """Two Varnish caches, as two servers would have, in front of one gunicorn."""
    edge = Edge(settings, static_root)
    yield edge.caches
    edge.stop()


def get(cache, path, **headers):
    """(status, headers, body) of a GET through `cache`."""
    request = urllib.request.Request(cache.url + path, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def test_a_readers_second_request_is_served_by_the_cache(edge):
    piece = make_public_review("The rescuers who chose to stay")
    cache = edge[0]

    status, first, _ = get(cache, piece.get_absolute_url())
    status_again, second, body = get(cache, piece.get_absolute_url())

    assert status == status_again == 200
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    assert "Age" in second
    assert "The rescuers who chose to stay" in body
    # The keys are for the cache alone.
    assert "Surrogate-Key" not in second and "xkey" not in second


def test_a_withdrawal_is_gone_from_every_cache_at_once(edge, editor):
    piece = make_public_review("To be withdrawn")
    for cache in edge:
        get(cache, piece.get_absolute_url())
        assert get(cache, piece.get_absolute_url())[1]["X-Cache"] == "HIT"

    piece.withdraw(by=editor)
    gone_at = time.monotonic()

    for cache in edge:
        assert get(cache, piece.get_absolute_url())[0] == 404
    assert time.monotonic() - gone_at < 1


def test_a_renamed_film_shows_on_its_pieces_next_request(edge):
    piece = make_public_review("On the film")
    cache = edge[0]
    get(cache, piece.get_absolute_url())
    assert get(cache, piece.get_absolute_url())[1]["X-Cache"] == "HIT"

    piece.film.title = "Last Men in Aleppo (director's cut)"
    piece.film.save()
    renamed_at = time.monotonic()

    _, headers, body = get(cache, piece.get_absolute_url())
    assert headers["X-Cache"] == "MISS"
    assert (
        "Last Men in Aleppo (director’s cut)" in body or "director&#x27;s cut" in body
    )
    assert time.monotonic() - renamed_at < 1


def test_a_scheduled_piece_is_on_the_home_page_at_its_time(edge, editor):
    cache = edge[0]
    make_public_review("Already out")
    piece = make_review("Due in a moment")
    due = timezone.now() + timedelta(seconds=3)
    piece.publish(by=editor, at=due)
    _, _, body = get(cache, "/")
    assert "Due in a moment" not in body
    assert get(cache, "/")[1]["X-Cache"] == "HIT"

    # Nobody saves anything: the time passes.
    time.sleep(max(0, (due - timezone.now()).total_seconds()) + 1)

    _, _, body = get(cache, "/")
    assert "Due in a moment" in body


def test_an_editor_passes_and_her_page_never_reaches_a_reader(edge, client, editor):
    piece = make_public_review("Read by an editor")
    client.force_login(editor)
    session = client.cookies["sessionid"].value
    cache = edge[0]

    for _ in range(2):
        status, headers, _ = get(
            cache, piece.get_absolute_url(), Cookie=f"sessionid={session}"
        )
        assert (status, headers["X-Cache"]) == (200, "PASS")
    status, headers, _ = get(cache, piece.get_absolute_url(), Cookie="csrftoken=abc")
    assert headers["X-Cache"] == "PASS"

    _, reader, _ = get(cache, piece.get_absolute_url())
    assert reader["X-Cache"] == "MISS"  # the editor's answers were not stored
    assert "Set-Cookie" not in reader


def test_the_admin_and_posts_pass(edge):
    cache = edge[0]

    assert get(cache, "/admin/login/")[1]["X-Cache"] == "PASS"
    request = urllib.request.Request(f"{cache.url}/search/", data=b"q=x")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=20)
    assert refused.value.headers["X-Cache"] == "PASS"


def test_only_the_app_servers_may_purge(edge):
    request = urllib.request.Request(f"{edge[0].url}/.purge", method="GET")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=20)
    assert refused.value.code == 405


def raw_get(cache, path, **headers):
    """(headers, body bytes) of a GET through `cache`, the body as sent."""
    request = urllib.request.Request(cache.url + path, headers=headers)
    with urllib.request.urlopen(request, timeout=20) as response:
        return response.headers, response.read()


def test_a_page_is_kept_compressed_once_and_sent_as_each_reader_asks(edge):
    piece = make_public_review("The rescuers who chose to stay")
    cache, path = edge[0], piece.get_absolute_url()

    first, packed = raw_get(cache, path, **{"Accept-Encoding": "gzip, deflate, br"})
    plain_headers, plain = raw_get(cache, path)

    assert first["X-Cache"] == "MISS"
    assert first["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in first["Vary"]
    # The reader without gzip gets the same stored copy, unpacked.
    assert plain_headers["X-Cache"] == "HIT"
    assert "Content-Encoding" not in plain_headers
    assert gzip.decompress(packed) == plain
    assert "The rescuers who chose to stay" in plain.decode()
    assert len(packed) < len(plain) / 2

    # A browser revalidating its copy gets a 304 from the cache.
    request = urllib.request.Request(
        cache.url + path,
        headers={"Accept-Encoding": "gzip", "If-None-Match": first["ETag"]},
    )
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(request, timeout=20)
    assert answer.value.code == 304
    assert answer.value.headers["X-Cache"] == "HIT"
