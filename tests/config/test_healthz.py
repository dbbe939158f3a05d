import json

from tests.faults import answer, free_port
from tests.services import ObjectStore

ASK = """
from django.test import Client
response = Client().get("{path}")
print("ANSWER", response.status_code, response.content.decode())
"""


def status_and_json(result):
    status, body = answer(result).split(" ", 1)
    return int(status), json.loads(body)


def test_healthz_answers_200_when_the_database_answers(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": True}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_is_unreachable(manage):
    result = manage(
        "shell",
        "-c",
        ASK.format(path="/healthz"),
        env={"DATABASE_URL": "postgres://postgres@127.0.0.1:1/nowhere"},
    )

    assert status_and_json(result) == (
        503,
        {"status": "unavailable", "database": False},
    )


ALL_READY = {"database": "ok", "cache": "ok", "storage": "ok"}


def test_readyz_names_each_check_when_all_answer(client, db):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": ALL_READY}
    assert "no-cache" in response["Cache-Control"]


def test_readyz_checks_the_bucket_when_media_is_in_one(client, db, s3_media):
    response = client.get("/readyz")

    assert (response.status_code, response.json()["checks"]) == (200, ALL_READY)


def test_readyz_answers_503_when_the_database_is_unreachable(manage):
    result = manage(
        "shell",
        "-c",
        ASK.format(path="/readyz"),
        env={"DATABASE_URL": "postgres://postgres:secret@127.0.0.1:1/nowhere"},
    )

    status, body = status_and_json(result)
    assert (status, body) == (
        503,
        {"status": "unavailable", "checks": {**ALL_READY, "database": "failed"}},
    )
    assert "secret" not in json.dumps(body)


def test_readyz_answers_503_when_redis_is_unreachable(client, db, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "config.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "checks": {**ALL_READY, "cache": "failed"},
    }


def test_readyz_answers_503_when_the_object_store_is_down(client, db, settings):
    from config.media import storage_from_url

    store = ObjectStore()
    url = store.media_url(store.new_bucket())
    store.stop()
    settings.STORAGES = {**settings.STORAGES, "default": storage_from_url(url)}

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "checks": {**ALL_READY, "storage": "failed"},
    }
    assert str(store.port) not in response.content.decode()


def test_readyz_answers_503_when_the_bucket_is_missing(
    client, db, settings, object_store
):
    from config.media import storage_from_url

    url = object_store.media_url("no-such-bucket")
    settings.STORAGES = {**settings.STORAGES, "default": storage_from_url(url)}

    response = client.get("/readyz")

    assert (response.status_code, response.json()["checks"]["storage"]) == (
        503,
        "failed",
    )
