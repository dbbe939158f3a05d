import logging
import secrets

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client

from tests.factories import make_public_review, make_review

pytestmark = pytest.mark.django_db

PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "films.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://films.example.org",
    "HTTPS": "true",
}


def test_check_deploy_is_clean_with_the_documented_production_environment(manage):
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)

    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


def test_public_pages_allow_no_inline_code_and_no_other_origin(client):
    piece = make_public_review()

    response = client.get(piece.get_absolute_url())

    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self';" in policy
    assert "style-src 'self';" in policy
    assert "unsafe-inline" not in policy
    assert "nonce-" not in policy
    assert "frame-ancestors 'none'" in policy
    assert "object-src 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]


def test_the_admin_gets_nonces_and_is_never_cached_publicly(admin_client):
    response = admin_client.get("/admin/reviews/review/add/")

    policy = response["Content-Security-Policy"]
    assert "script-src 'self' 'nonce-" in policy
    assert "unsafe-inline" not in policy
    assert (
        "private" in response["Cache-Control"]
        or "no-cache" in response["Cache-Control"]
    )


def test_passwords_must_be_strong():
    for weak in ["password123", "12345678901234", "short"]:
        with pytest.raises(ValidationError):
            validate_password(weak)
    validate_password("correct horse battery staple 17")


@pytest.mark.parametrize(
    "url",
    [
        "/admin/login/",
        "/admin/reviews/review/add/",
        "/admin/reviews/review/import/",
        "/admin/people/person/add/",
        "/admin/films/film/add/",
    ],
)
def test_every_form_needs_a_csrf_token(editor, url):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)

    response = client.post(url, {"headline": "x", "username": "x", "password": "x"})

    assert response.status_code == 403


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "/\\evil.example"]
)
def test_login_never_redirects_off_site(editor, target):
    response = Client().post(
        f"/admin/login/?next={target}",
        {"username": "editor", "password": "a-long-test-password"},
    )

    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


ODD_VALUES = [
    "' OR '1'='1",
    '"; DROP TABLE reviews_review; --',
    "%00",
    "\x00",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "9" * 5000,
    "ä" * 5000,
]


@pytest.mark.parametrize("value", ODD_VALUES)
@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/search/", "q"),
        ("/reviews/", "kind"),
        ("/reviews/", "topic"),
        ("/reviews/", "year"),
        ("/reviews/", "page"),
        ("/films/", "page"),
        ("/topics/documentary/", "page"),
    ],
)
def test_odd_query_parameters_never_cause_a_server_error(client, url, parameter, value):
    response = client.get(url, {parameter: value})

    assert response.status_code in (200, 400, 404)


@pytest.mark.parametrize(
    "url",
    [
        "/media/../../etc/passwd",
        "/media/..%2F..%2Fetc%2Fpasswd",
        "/static/../../config/settings.py",
        "/preview/..%2F..%2Fetc%2Fpasswd/",
        "/reviews/..%2F..%2Fetc%2Fpasswd/",
        "/reviews/%00/",
        "/people/%00/",
        "/organisations/a%00b/",
        "/films/%27%3B--/",
        "/topics/%00/",
        "/preview/%00/",
    ],
)
def test_path_traversal_finds_nothing(client, url):
    response = client.get(url)

    assert response.status_code in (400, 404)
    assert b"root:" not in response.content
    assert b"SECRET_KEY" not in response.content


def test_forged_admin_actions_by_a_writer_are_refused_and_logged(
    writer_client, writer, caplog
):
    piece = make_review(created_by=writer)

    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = writer_client.post(
            f"/admin/reviews/review/{piece.pk}/delete/", {"post": "yes"}
        )

    assert response.status_code == 403
    assert "Forbidden" in caplog.text


def test_the_admin_path_comes_from_the_environment(manage):
    script = (
        "from django.test import Client\n"
        "client = Client()\n"
        "print(client.get('/desk/login/').status_code, client.get('/admin/login/').status_code)"
    )
    result = manage("shell", "-c", script, env={"ADMIN_PATH": "desk/", "DEBUG": "true"})

    assert result.stdout.strip().splitlines()[-1] == "200 404"
