import json

HEALTHZ_ON_CLOSED_PORT = """
from django.test import Client
response = Client().get("/healthz")
print(response.status_code, response.content.decode())
"""


def test_healthz_answers_200_when_the_database_answers(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": True}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_is_unreachable(manage):
    result = manage(
        "shell",
        "-c",
        HEALTHZ_ON_CLOSED_PORT,
        env={"DATABASE_URL": "postgres://postgres@127.0.0.1:1/nowhere"},
    )

    status, body = result.stdout.strip().splitlines()[-1].split(" ", 1)
    assert status == "503", result.stderr
    assert json.loads(body) == {"status": "unavailable", "database": False}
