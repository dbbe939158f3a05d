"""Two gunicorn servers sharing one database and one Redis: a change made
anywhere shows on both at the next request, with pages stored by either."""

import time
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from people.merging import merge
from tests.factories import make_person, make_public_review, make_review
from tests.faults import ServedSite, database_url
from tests.services import Redis

SECRET_KEY = "shared-cache-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"
PIECE = "/reviews/the-rescuers-who-chose-to-stay/"
PAGES = [PIECE, "/", "/reviews/", "/people/feras-fayyad/", "/feeds/reviews.rss"]


@pytest.fixture(scope="module")
def redis_url():
    redis = Redis()
    yield redis.url
    redis.stop()


@pytest.fixture
def shared_cache(settings, redis_url):
    """This test process records its changes in the servers' Redis too."""
    settings.CACHES = {
        "default": {
            "BACKEND": "config.cache.ResilientRedisCache",
            "LOCATION": redis_url,
        }
    }
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="module")
def servers(django_db_setup, django_db_blocker, redis_url, static_root):
    """Two servers for the module's tests; each test brings its own data."""
    with django_db_blocker.unblock():
        environment = {
            "DATABASE_URL": database_url(),
            "CACHE_URL": redis_url,
            "STATIC_ROOT": str(static_root),
            "SECRET_KEY": SECRET_KEY,
            "ALLOWED_HOSTS": "127.0.0.1",
        }
    first = ServedSite(environment)
    try:
        second = ServedSite(environment)
        try:
            yield first, second
        finally:
            second.stop()
    finally:
        first.stop()


@pytest.fixture
def published(transactional_db, shared_cache, servers):
    critic = make_person()
    piece = make_public_review(
        body="<p>Aleppo under siege.</p>",
        publish_at=timezone.now() - timedelta(hours=1),
    )
    piece.bylines.create(person=critic, order=0)
    # Transactional tests empty the groups the migrations filled: a superuser.
    editor = get_user_model().objects.create_superuser("editor")
    return piece, critic, editor


def everywhere(servers, path):
    return [site.get(path) for site in servers]


def stored_everywhere(servers, paths):
    """Each page requested twice on each server, so both have served it stored."""
    return {
        path: everywhere(servers, path) + everywhere(servers, path) for path in paths
    }


def second_piece(critic):
    piece = make_review("Aleppo after the siege", body="<p>Aleppo again.</p>")
    piece.bylines.create(person=critic, order=0)
    return piece


def test_a_withdrawal_leaves_both_servers_pages_at_once(servers, published):
    piece, _, editor = published
    for path, answers in stored_everywhere(servers, PAGES).items():
        assert all(s == 200 and "rescuers" in b.lower() for s, b in answers), path

    piece.withdraw(by=editor)

    for path in PAGES:
        for status, body in everywhere(servers, path):
            if path == PIECE:
                assert status == 404
            else:
                assert "rescuers" not in body.lower(), path


def test_a_rename_shows_on_both_servers_at_once(servers, published):
    _, critic, _ = published
    for path, answers in stored_everywhere(servers, PAGES).items():
        assert all("Feras Fayyad" in body for _, body in answers), path

    critic.name = "Feras Fayyad Jr"
    critic.save()

    for path in PAGES:
        for _status, body in everywhere(servers, path):
            assert "Feras Fayyad Jr" in body, path


def test_a_publish_shows_on_both_servers_at_once(servers, published):
    _, critic, editor = published
    piece = second_piece(critic)
    stored_everywhere(servers, PAGES[1:])

    piece.publish(by=editor)

    for path in PAGES[1:]:
        for _status, body in everywhere(servers, path):
            assert "aleppo-after-the-siege" in body, path


def test_a_scheduled_piece_appears_on_both_servers_when_its_time_comes(
    servers, published
):
    _, critic, editor = published
    piece = second_piece(critic)
    due = timezone.now() + timedelta(seconds=2)
    piece.publish(by=editor, at=due)
    for path, answers in stored_everywhere(servers, PAGES[1:]).items():
        assert all("aleppo-after-the-siege" not in body for _, body in answers), path

    time.sleep(max(0, (due - timezone.now()).total_seconds()) + 0.1)

    for path in PAGES[1:]:
        for _status, body in everywhere(servers, path):
            assert "aleppo-after-the-siege" in body, path


def test_a_merge_shows_on_both_servers_at_once(servers, published):
    piece, critic, editor = published
    duplicate = make_person("Firas Fayyad")
    piece.bylines.create(person=duplicate, order=1)
    showing = [PIECE, "/", "/reviews/", "/feeds/reviews.rss"]
    for path, answers in stored_everywhere(servers, showing).items():
        assert all("Firas Fayyad" in body for _, body in answers), path

    merge(critic, [duplicate], by=editor)

    for path in showing:
        for _status, body in everywhere(servers, path):
            assert "Firas Fayyad" not in body, path
