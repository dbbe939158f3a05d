"""Faults the site must survive: a database that goes away, a cache that is down,
a request that takes too long."""

import logging
import sqlite3
import time

import pytest
from django.db import connection
from django.test import Client

from config.cache import ResilientRedisCache
from tests.factories import make_public_review
from tests.faults import ServedSite, TcpProxy, answer

pytestmark = pytest.mark.django_db(transaction=True)


def wait_for(site, path, status, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if site.get(path)[0] == status:
            return True
        time.sleep(0.5)
    return False


def test_a_database_outage_gives_friendly_503s_and_the_site_recovers(
    static_root, tmp_path
):
    settings_dict = connection.settings_dict
    if connection.vendor == "postgresql":
        proxy = TcpProxy(int(settings_dict["PORT"] or 5432), settings_dict["HOST"])
        proxy.start()
        database_url = (
            f"postgres://{settings_dict['USER']}@127.0.0.1:{proxy.port}/"
            f"{settings_dict['NAME']}"
        )
        cut_off, restore = proxy.cut, proxy.start
    else:
        folder = tmp_path / "database"
        folder.mkdir()
        with (
            sqlite3.connect(settings_dict["NAME"]) as source,
            sqlite3.connect(folder / "site.sqlite3") as copy,
        ):
            source.backup(copy)
        database_url = f"sqlite:///{folder / 'site.sqlite3'}"
        away = tmp_path / "moved-away"
        cut_off = lambda: folder.rename(away)  # noqa: E731
        restore = lambda: away.rename(folder)  # noqa: E731

    site = ServedSite(
        {
            "DATABASE_URL": database_url,
            "STATIC_ROOT": str(static_root),
            "SECRET_KEY": "fault-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
            "ALLOWED_HOSTS": "127.0.0.1",
        }
    )
    try:
        assert site.get("/")[0] == 200
        assert site.get("/healthz")[0] == 200

        cut_off()
        status, body = site.get("/reviews/")
        assert status == 503
        assert "Back soon" in body
        assert "Traceback" not in body
        assert site.get("/healthz")[0] == 503

        restore()
        assert wait_for(site, "/reviews/", 200)
        assert site.get("/healthz")[0] == 200
    finally:
        output = site.output()
    assert "Database unavailable" in output


def test_a_public_page_answers_503_when_the_database_is_unreachable(manage):
    script = (
        "from django.test import Client\n"
        "response = Client().get('/reviews/')\n"
        "print('ANSWER', response.status_code, response['Retry-After'])"
    )
    result = manage(
        "shell",
        "-c",
        script,
        env={
            "DATABASE_URL": "postgres://postgres@127.0.0.1:1/nowhere",
            "DEBUG": "true",
        },
    )

    assert answer(result) == "503 30"


def test_the_site_keeps_serving_when_the_cache_is_down(settings, caplog, monkeypatch):
    # The warning comes once a minute: another test's outage may have used it.
    monkeypatch.setattr(ResilientRedisCache, "_last_warning", 0.0)
    settings.CACHES = {
        "default": {
            "BACKEND": "config.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }

    with caplog.at_level(logging.WARNING, logger="filmdesk.faults"):
        response = Client().get("/sitemap.xml")

    assert response.status_code == 200
    assert "Cache unavailable" in caplog.text


@pytest.mark.django_db
def test_saving_a_piece_works_while_the_cache_is_down(settings, caplog):
    settings.CACHES = {
        "default": {
            "BACKEND": "config.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    piece = make_public_review()

    piece.headline = "Saved while the cache is down"
    with caplog.at_level(logging.ERROR, logger="filmdesk.faults"):
        piece.save()

    assert "The cache did not take a change to" in caplog.text
    response = Client().get(piece.get_absolute_url())
    assert "Saved while the cache is down" in response.content.decode()


def test_a_slow_request_is_cut_and_the_worker_replaced():
    site = ServedSite({"GUNICORN_TIMEOUT": "2"}, app="tests.slow_app:application")
    try:
        assert site.get("/slow", timeout=15)[0] == 500
        assert site.get("/fast") == (200, "fast\n")
    finally:
        output = site.output()
    assert "WORKER TIMEOUT" in output
    assert output.count("Booting worker") == 2  # the stuck one was replaced
