"""The same site on two gunicorn servers sharing one database, one Redis and one
bucket: what one server writes, the other serves on the next request."""

import html
import io
import re
import urllib.request
import uuid

import pytest
from PIL import Image

from tests.config.test_lockout_nginx import Browser
from tests.factories import make_review
from tests.faults import ServedSite, database_url
from tests.images import image_upload
from tests.reviews.test_admin import piece_form
from tests.services import Redis

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-test-password"
EDITOR, HOSTILE, GOOD = "127.0.0.1", "127.0.0.2", "127.0.0.3"


@pytest.fixture(autouse=True)
def _production_passwords(settings):
    """The served sites check passwords with production's hashers only."""
    from django.conf import global_settings

    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS


@pytest.fixture(scope="module")
def redis():
    server = Redis()
    yield server
    server.stop()


@pytest.fixture
def servers(static_root, redis, object_store, settings):
    """Servers A and B, configured alike, as two machines would be; the tests
    read the same bucket."""
    from config.media import storage_from_url

    media_url = object_store.media_url(object_store.new_bucket())
    settings.STORAGES = {**settings.STORAGES, "default": storage_from_url(media_url)}
    environment = {
        "DATABASE_URL": database_url(),
        "CACHE_URL": redis.url,
        "MEDIA_STORAGE_URL": media_url,
        "APP_SERVERS": "2",
        "TRUSTED_PROXIES": "127.0.0.1",
        "STATIC_ROOT": str(static_root),
        "SECRET_KEY": "two-servers-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    started = []
    try:
        for _ in "AB":
            started.append(ServedSite(environment))
        yield started
    finally:
        for site in started:
            site.stop()


def multipart(fields, files):
    """A form as browsers send it with a file: (body, Content-Type header)."""
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
            f"{value}\r\n".encode()
        )
    for name, upload in files.items():
        upload.seek(0)
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{upload.name}"\r\nContent-Type: {upload.content_type}\r\n\r\n'.encode()
            + upload.read()
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def change_piece(browser, piece, button, files=None, **fields):
    """Press a workflow button on the piece's admin page: (status, Location)."""
    path = f"/admin/reviews/review/{piece.pk}/change/"
    _, _, form = browser.request("GET", path)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)[1]
    data = {**piece_form(piece, **fields), "csrfmiddlewaretoken": token, button: "1"}
    body, content_type = multipart(data, files or {})
    status, location, page = browser.request(
        "POST", path, body, {"Content-Type": content_type}
    )
    assert "errorlist" not in page, page
    return status, location


def fetch_image(url):
    """(Content-Type, Pillow image) of a picture fetched as a browser would."""
    with urllib.request.urlopen(url, timeout=10) as response:
        kind = response.headers["Content-Type"]
        return kind, Image.open(io.BytesIO(response.read()))


def on(site, address=EDITOR):
    return Browser(site.port, address)


def test_what_server_a_publishes_server_b_serves_and_the_other_way(
    servers, django_user_model
):
    a, b = servers
    django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    piece = make_review("The rescuers who chose to stay")
    editor_on_a = on(a)
    assert editor_on_a.log_in("editor", PASSWORD) == (302, "/admin/")

    status, _ = change_piece(
        editor_on_a,
        piece,
        "_publish",
        files={"hero_image": image_upload("rescue.jpg", size=(1800, 1000))},
        hero_alt="Rescuers at work",
        hero_credit="Larm Film",
    )
    assert status == 302
    piece.refresh_from_db()
    assert piece.status == "published"

    # B serves the piece at once, with its picture and share image from the bucket.
    status, page = b.get(piece.get_absolute_url())
    assert status == 200
    assert "The rescuers who chose to stay" in page
    hero = html.unescape(re.search(r'<img[^>]+src="([^"]+)"', page)[1])
    assert fetch_image(hero)[0] == "image/jpeg"
    share = html.unescape(re.search(r'property="og:image" content="([^"]+)"', page)[1])
    kind, picture = fetch_image(share)
    assert (kind, picture.width) == ("image/jpeg", 1200)

    # A serves it too (and may keep it in the shared page cache) ...
    assert a.get(piece.get_absolute_url())[0] == 200
    assert "The rescuers who chose to stay" in a.get("/")[1]

    # ... until the editor, whose session B shares, withdraws it through B.
    editor_on_b = on(b)
    editor_on_b.cookies = dict(editor_on_a.cookies)
    piece.refresh_from_db()
    assert (
        change_piece(editor_on_b, piece, "_withdraw", hero_alt="Rescuers at work")[0]
        == 302
    )

    assert a.get(piece.get_absolute_url())[0] == 404
    assert "The rescuers who chose to stay" not in a.get("/")[1]


def test_a_login_lockout_recorded_on_a_holds_on_b(servers, django_user_model, settings):
    a, b = servers
    django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)
    hostile_on_a = on(a, HOSTILE)

    statuses = [
        hostile_on_a.log_in("editor", "wrong password")[0]
        for _ in range(settings.AXES_FAILURE_LIMIT)
    ]

    assert statuses[-1] == 429
    assert on(b, HOSTILE).log_in("editor", PASSWORD) == (429, None)
    assert on(b, GOOD).log_in("editor", PASSWORD) == (302, "/admin/")


def test_both_servers_are_ready(servers):
    for site in servers:
        status, body = site.get("/readyz")
        assert status == 200, body
        assert '"storage": "ok"' in body
