"""Two gunicorn servers sharing one database and one Redis: a change made
anywhere shows on both at the next request, with pages stored by either."""

import shutil
import subprocess
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from tests.config.test_lockout_nginx import database_url
from tests.factories import make_person, make_public_review
from tests.faults import ServedSite, free_port, listening, stop

SECRET_KEY = "shared-cache-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"
PIECE = "/reviews/the-rescuers-who-chose-to-stay/"
PAGES = [PIECE, "/", "/reviews/", "/people/feras-fayyad/", "/feeds/reviews.rss"]


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    """A Redis of the test's own, keeping nothing on disk."""
    port = free_port()
    process = subprocess.Popen(
        [
            shutil.which("redis-server"),
            "--port",
            str(port),
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        cwd=tmp_path_factory.mktemp("redis"),
        stdout=subprocess.DEVNULL,
    )
    assert listening(port, process, seconds=10), "redis-server did not start"
    yield f"redis://127.0.0.1:{port}/0"
    stop(process)


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


@pytest.fixture
def servers(transactional_db, shared_cache, redis_url, static_root):
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
def published(servers):
    critic = make_person()
    piece = make_public_review(
        body="<p>Aleppo under siege.</p>",
        publish_at=timezone.now() - timedelta(hours=1),
    )
    piece.bylines.create(person=critic, order=0)
    editor = Group.objects.get_or_create(name="Editors")[0].user_set.create(
        username="editor"
    )
    return piece, critic, editor


def everywhere(servers, path):
    return [site.get(path) for site in servers]


def test_a_withdrawal_leaves_both_servers_pages_at_once(servers, published):
    piece, _, editor = published
    for path in PAGES:
        for status, body in everywhere(servers, path) + everywhere(servers, path):
            assert status == 200 and "rescuers" in body.lower(), path

    piece.withdraw(by=editor)

    for path in PAGES:
        for status, body in everywhere(servers, path):
            if path == PIECE:
                assert status == 404
            else:
                assert "rescuers" not in body.lower(), path


def test_a_rename_shows_on_both_servers_at_once(servers, published):
    _, critic, _ = published
    for path in PAGES:
        for _status, body in everywhere(servers, path) + everywhere(servers, path):
            assert "Feras Fayyad" in body, path

    critic.name = "Feras Fayyad Jr"
    critic.save()

    for path in PAGES:
        for _status, body in everywhere(servers, path):
            assert "Feras Fayyad Jr" in body, path
