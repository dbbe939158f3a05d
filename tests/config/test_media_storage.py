"""Media in an S3-compatible bucket (moto's server over HTTP), chosen by
MEDIA_STORAGE_URL: uploads, renditions and share cards go through the storage."""

import html
import io
import re
import urllib.request

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image

from tests.factories import make_review
from tests.images import image_upload
from tests.reviews.test_admin import change_url, piece_form
from tests.services import ObjectStore

pytestmark = pytest.mark.django_db

A_YEAR = "public, max-age=31536000, immutable"


def fetch(url):
    """(Content-Type, bytes) of a file fetched over HTTP, as a browser would."""
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.headers["Content-Type"], response.read()


def published_with_hero(client, image):
    piece = make_review()
    response = client.post(
        change_url(piece),
        piece_form(
            piece, hero_image=image, hero_alt="Rescuers", hero_credit="Larm Film"
        ),
    )
    assert response.status_code == 302
    piece.refresh_from_db()
    piece.publish(by=User.objects.get(username="editor"))
    return piece


def objects(object_store, bucket):
    listing = object_store.client().list_objects_v2(Bucket=bucket)
    return sorted(item["Key"] for item in listing.get("Contents", []))


def test_an_uploaded_hero_and_its_renditions_land_in_the_bucket(
    editor_client, client, object_store, s3_media
):
    piece = published_with_hero(editor_client, image_upload(size=(1800, 1000)))

    stem = piece.hero_image.name.removesuffix(".jpg")
    renditions = [
        f"{stem}-{w}w.{ext}" for w in (400, 800, 1200, 1600) for ext in ("jpg", "webp")
    ]
    assert objects(object_store, s3_media) == sorted(
        [piece.hero_image.name, *renditions]
    )
    s3 = object_store.client()
    for key in [piece.hero_image.name, *renditions]:
        head = s3.head_object(Bucket=s3_media, Key=key)
        assert head["ContentType"] == (
            "image/webp" if key.endswith(".webp") else "image/jpeg"
        )
        assert head["CacheControl"] == A_YEAR
        grants = s3.get_object_acl(Bucket=s3_media, Key=key)["Grants"]
        assert any(
            g["Grantee"].get("URI", "").endswith("/global/AllUsers")
            and g["Permission"] == "READ"
            for g in grants
        )


def test_the_page_links_to_the_pictures_in_the_bucket(
    editor_client, client, object_store, s3_media
):
    piece = published_with_hero(editor_client, image_upload(size=(1800, 1000)))

    content = client.get(piece.get_absolute_url()).content.decode()

    bucket_url = f"{object_store.endpoint}/{s3_media}/"
    picture = re.search(r"<picture>.*?</picture>", content, re.S).group(0)
    addresses = re.findall(r'(?:src|srcset)="([^"]+)"', picture)
    links = {
        html.unescape(part.split()[0])
        for address in addresses
        for part in address.split(", ")
    }
    assert len(links) == 1 + 4 * 2
    for link in links:
        assert link.startswith(bucket_url)
        content_type, data = fetch(link)
        assert content_type in ("image/jpeg", "image/webp")
        assert Image.open(io.BytesIO(data)).format in ("JPEG", "WEBP")


def test_a_share_card_is_stored_in_the_bucket(client, editor, object_store, s3_media):
    piece = make_review(headline="Last Men in Aleppo")
    piece.publish(by=editor)

    content = client.get(piece.get_absolute_url()).content.decode()

    card = html.unescape(
        re.search(r'property="og:image" content="([^"]+)"', content)[1]
    )
    assert card.startswith(f"{object_store.endpoint}/{s3_media}/cards/piece-")
    content_type, data = fetch(card)
    assert content_type == "image/png"
    assert Image.open(io.BytesIO(data)).size == (1200, 630)
    head = object_store.client().head_object(
        Bucket=s3_media, Key=card.split(f"/{s3_media}/", 1)[1]
    )
    assert head["CacheControl"] == A_YEAR


def test_the_bucket_takes_pictures_only(object_store, s3_media):
    for name in ("page.html", "script.js", "image.svg", "archive"):
        with pytest.raises(SuspiciousFileOperation):
            default_storage.save(name, ContentFile(b"<script>alert(1)</script>"))

    assert objects(object_store, s3_media) == []


def test_signed_access_keeps_the_bucket_private(settings, object_store):
    from config.media import storage_from_url

    bucket = object_store.new_bucket()
    settings.STORAGES = {
        **settings.STORAGES,
        "default": storage_from_url(object_store.media_url(bucket, access="signed")),
    }

    name = default_storage.save("heroes/picture.png", ContentFile(image_bytes()))

    url = default_storage.url(name)
    assert "X-Amz-Signature=" in url
    assert fetch(url)[0] == "image/png"
    grants = object_store.client().get_object_acl(Bucket=bucket, Key=name)["Grants"]
    assert not any("AllUsers" in g["Grantee"].get("URI", "") for g in grants)


def image_bytes():
    output = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(output, format="PNG")
    return output.getvalue()


def test_the_content_security_policy_allows_pictures_from_the_bucket(manage):
    url = "s3://my-bucket?endpoint_url=https://objects.example.org:9000&region=eu"
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.SECURE_CSP['img-src'])",
        env={"MEDIA_STORAGE_URL": url},
    )

    assert result.returncode == 0, result.stderr
    assert "https://objects.example.org:9000" in result.stdout


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://bucket", "MEDIA_STORAGE_URL must look like s3://bucket"),
        ("s3://bucket?acl=public", "an option Filmdesk does not know: acl"),
        ("s3://bucket?access=open", "access must be public or signed"),
        ("s3://bucket?access=signed&expire=1d", "expire must be a number of seconds"),
    ],
)
def test_a_wrong_media_storage_url_is_named_at_start_up(manage, url, message):
    result = manage("check", env={"MEDIA_STORAGE_URL": url})

    assert result.returncode == 1
    assert message in result.stderr


def test_saving_a_piece_does_not_download_its_picture_again(
    editor_client, object_store, s3_media
):
    """Its stored size is kept: the piece saves even when the bucket lost the file."""
    piece = published_with_hero(editor_client, image_upload(size=(1800, 1000)))
    object_store.client().delete_object(Bucket=s3_media, Key=piece.hero_image.name)

    response = editor_client.post(
        change_url(piece), piece_form(piece, hero_alt="Rescuers, 2016")
    )

    assert response.status_code == 302
    piece.refresh_from_db()
    assert (piece.hero_alt, piece.hero_width, piece.hero_height) == (
        "Rescuers, 2016",
        1800,
        1000,
    )


def test_an_upload_while_the_object_store_is_down_is_a_503(editor_client, settings):
    from config.media import storage_from_url

    store = ObjectStore()
    url = store.media_url(store.new_bucket())
    store.stop()
    settings.STORAGES = {**settings.STORAGES, "default": storage_from_url(url)}
    piece = make_review()

    response = editor_client.post(
        change_url(piece),
        piece_form(
            piece,
            hero_image=image_upload(),
            hero_alt="Rescuers",
            hero_credit="Larm Film",
        ),
    )

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "cannot reach its image storage" in response.content.decode()
    piece.refresh_from_db()
    assert not piece.hero_image
