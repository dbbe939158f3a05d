import io
import re

import pytest
from django.contrib.auth.models import User
from django.core.files.storage import default_storage
from PIL import Image

from reviews.models import Review
from tests.factories import make_review
from tests.images import (
    GPS_IFD,
    SRGB_PROFILE,
    image_file,
    image_upload,
    not_an_image,
    picture,
    svg_upload,
)
from tests.reviews.test_admin import change_url, piece_form

WIDTHS = (400, 800, 1200, 1600)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def upload_hero(client, piece, image, **fields):
    return client.post(
        change_url(piece),
        piece_form(piece, hero_image=image, **fields),
    )


def stored_image(name):
    """The stored file as Pillow reads it, fetched through the storage like the site."""
    with default_storage.open(name) as file:
        return Image.open(io.BytesIO(file.read()))


def stored_files(folder="heroes"):
    return sorted(f"{folder}/{name}" for name in default_storage.listdir(folder)[1])


def uploaded_hero(client, image):
    piece = make_review()
    response = upload_hero(
        client, piece, image, hero_alt="Rescuers at work", hero_credit="Larm Film"
    )
    assert response.status_code == 302
    piece.refresh_from_db()
    return piece


def test_a_hero_image_is_stored_clean_under_a_random_name(editor_client, media_root):
    piece = make_review()

    response = upload_hero(
        editor_client,
        piece,
        image_upload("../../secret place.jpg", gps=True),
        hero_alt="Rescuers at work",
    )

    assert response.status_code == 302
    piece.refresh_from_db()
    assert "secret" not in piece.hero_image.name
    assert piece.hero_image.name.startswith("heroes/")
    assert (piece.hero_width, piece.hero_height) == (1800, 1000)
    with Image.open(media_root / piece.hero_image.name) as stored:
        assert not stored.getexif()
    renditions = sorted(p.name for p in (media_root / "heroes").iterdir())
    assert len(renditions) == 1 + 4 * 2  # the original, four widths, two formats


def test_a_hero_image_needs_alt_text(editor_client):
    piece = make_review()

    response = upload_hero(editor_client, piece, image_upload())

    assert response.status_code == 200
    assert "hero_alt" in response.context["adminform"].form.errors
    assert not Review.objects.get().hero_image


@pytest.mark.parametrize("upload", [not_an_image, svg_upload])
def test_a_file_that_is_not_an_image_is_a_form_error(editor_client, upload):
    piece = make_review()

    response = upload_hero(
        editor_client, piece, upload(), hero_alt="x", headline="Changed"
    )

    assert response.status_code == 200
    assert "hero_image" in response.context["adminform"].form.errors
    stored = Review.objects.get()
    assert (stored.headline, bool(stored.hero_image)) == (piece.headline, False)


def test_a_corrupt_image_is_a_form_error(editor_client):
    piece = make_review()
    image = image_upload()
    image.file.truncate(200)

    response = upload_hero(editor_client, piece, image, hero_alt="x")

    assert "hero_image" in response.context["adminform"].form.errors


def test_an_image_over_the_size_limit_is_refused(editor_client, settings):
    settings.IMAGE_UPLOAD_MAX_BYTES = 1024 * 1024
    piece = make_review()
    upload = image_upload(size=(2400, 1600), grain=True)
    assert upload.size > settings.IMAGE_UPLOAD_MAX_BYTES

    response = upload_hero(editor_client, piece, upload, hero_alt="x")

    errors = response.context["adminform"].form.errors["hero_image"]
    assert errors == ["This file is larger than 1 MB: upload a smaller image."]
    assert not Review.objects.get().hero_image
    assert not default_storage.exists("heroes")


def test_a_decompression_bomb_is_refused(editor_client, settings):
    settings.IMAGE_MAX_PIXELS = 1000 * 1000
    piece = make_review()

    response = upload_hero(
        editor_client, piece, image_upload(size=(3000, 3000), fmt="PNG"), hero_alt="x"
    )

    errors = response.context["adminform"].form.errors["hero_image"]
    assert "too many pixels" in errors[0]


def test_the_piece_page_serves_responsive_renditions(client, editor_client):
    piece = make_review()
    upload_hero(
        editor_client,
        piece,
        image_upload(size=(1800, 1000)),
        hero_alt="Rescuers",
        hero_credit="Larm Film",
    )
    piece.refresh_from_db()
    piece.publish(by=User.objects.get(username="editor"))

    content = client.get(piece.get_absolute_url()).content.decode()

    picture = re.search(r"<picture>.*?</picture>", content, re.S).group(0)
    stem = piece.hero_image.name.rsplit(".", 1)[0]
    assert f'<source type="image/webp" srcset="/media/{stem}-400w.webp 400w' in picture
    assert f"/media/{stem}-1600w.jpg 1600w" in picture
    assert f"/media/{piece.hero_image.name} 1800w" in picture
    assert 'width="1800" height="1000"' in picture
    assert 'alt="Rescuers"' in picture
    assert 'loading="lazy"' not in picture  # the hero is above the fold
    assert 'property="og:image"' in content


def test_a_jpeg_is_stored_as_a_jpeg(editor_client):
    piece = uploaded_hero(editor_client, image_upload("photo.JPEG", grain=True))

    assert piece.hero_image.name.endswith(".jpg")
    with stored_image(piece.hero_image.name) as stored:
        assert (stored.format, stored.size) == ("JPEG", (1800, 1000))


@pytest.mark.parametrize("name", ["diagram.pdf", "diagram.eps", "diagram.jpg"])
def test_png_data_is_stored_as_a_png_whatever_its_name(editor_client, name):
    original = picture((600, 400), grain=True)

    piece = uploaded_hero(editor_client, image_file(original, name, "PNG"))

    assert piece.hero_image.name.endswith(".png")
    with stored_image(piece.hero_image.name) as stored:
        assert stored.format == "PNG"
        assert stored.convert("RGB").tobytes() == original.tobytes()  # lossless


def test_a_webp_is_stored_as_a_webp(editor_client):
    piece = uploaded_hero(editor_client, image_upload("still.webp", fmt="WEBP"))

    assert piece.hero_image.name.endswith(".webp")
    with stored_image(piece.hero_image.name) as stored:
        assert (stored.format, stored.size) == ("WEBP", (1800, 1000))


def test_a_lossless_webp_stays_lossless(editor_client):
    original = picture((600, 400), grain=True)

    piece = uploaded_hero(
        editor_client, image_file(original, "art.webp", "WEBP", lossless=True)
    )

    with stored_image(piece.hero_image.name) as stored:
        assert stored.format == "WEBP"
        assert stored.convert("RGB").tobytes() == original.tobytes()


def test_the_camera_orientation_is_applied(editor_client):
    piece = uploaded_hero(editor_client, image_upload(orientation=6))

    assert (piece.hero_width, piece.hero_height) == (1000, 1800)
    with stored_image(piece.hero_image.name) as stored:
        assert (stored.format, stored.size) == ("JPEG", (1000, 1800))
        assert not stored.getexif()


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_the_location_is_gone_from_the_original_and_the_renditions(editor_client, fmt):
    uploaded_hero(
        editor_client, image_upload(f"photo.{fmt.lower()}", fmt=fmt, gps=True)
    )

    for name in stored_files():
        with stored_image(name) as stored:
            assert not stored.getexif().get_ifd(GPS_IFD), name
            assert not stored.getexif(), name
            assert "exif" not in stored.info, name
    assert len(stored_files()) > 1


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_the_colour_profile_is_kept(editor_client, fmt):
    uploaded_hero(
        editor_client,
        image_upload(f"photo.{fmt.lower()}", fmt=fmt, icc_profile=SRGB_PROFILE),
    )

    for name in stored_files():
        with stored_image(name) as stored:
            assert stored.info.get("icc_profile") == SRGB_PROFILE, name


def test_a_cmyk_jpeg_is_stored_as_rgb_without_its_print_profile(editor_client):
    cmyk_profile = SRGB_PROFILE[:16] + b"CMYK" + SRGB_PROFILE[20:]  # its colour space
    upload = image_file(
        Image.new("CMYK", (600, 400), (0, 90, 90, 40)),
        "press.jpg",
        "JPEG",
        icc_profile=cmyk_profile,
    )

    piece = uploaded_hero(editor_client, upload)

    for name in stored_files():
        with stored_image(name) as stored:
            assert stored.mode == "RGB", name
            assert "icc_profile" not in stored.info, name
    assert piece.hero_image.name.endswith(".jpg")


def test_a_large_jpeg_is_stored_within_the_dimension_limit(editor_client, settings):
    settings.IMAGE_MAX_DIMENSION = 1000

    piece = uploaded_hero(editor_client, image_upload(size=(1800, 1200), grain=True))

    assert piece.hero_image.name.endswith(".jpg")
    assert (piece.hero_width, piece.hero_height) == (1000, 667)
    with stored_image(piece.hero_image.name) as stored:
        assert (stored.format, stored.size) == ("JPEG", (1000, 667))
    stem = piece.hero_image.name.rsplit(".", 1)[0]
    assert stored_files() == sorted(
        [piece.hero_image.name]
        + [f"{stem}-{width}w.{ext}" for width in (400, 800) for ext in ("jpg", "webp")]
    )


def test_a_large_jpeg_is_stored_within_the_size_budget(editor_client, settings):
    settings.IMAGE_STORED_MAX_BYTES = 150_000
    upload = image_upload(size=(1800, 1200), grain=True)
    assert upload.size > 3 * settings.IMAGE_STORED_MAX_BYTES

    piece = uploaded_hero(editor_client, upload)

    assert default_storage.size(piece.hero_image.name) <= 150_000
    with stored_image(piece.hero_image.name) as stored:
        assert stored.format == "JPEG"
        assert stored.size == (piece.hero_width, piece.hero_height)
        assert stored.width < 1800


def test_a_jpeg_has_one_rendition_per_width_and_format(editor_client):
    piece = uploaded_hero(editor_client, image_upload(grain=True))

    stem = piece.hero_image.name.rsplit(".", 1)[0]
    assert stored_files() == sorted(
        [piece.hero_image.name]
        + [f"{stem}-{width}w.{ext}" for width in WIDTHS for ext in ("jpg", "webp")]
    )
    for width in WIDTHS:
        with (
            stored_image(f"{stem}-{width}w.jpg") as jpeg,
            stored_image(f"{stem}-{width}w.webp") as webp,
        ):
            assert (jpeg.format, jpeg.width) == ("JPEG", width)
            assert (webp.format, webp.width) == ("WEBP", width)


def test_a_webp_has_one_rendition_per_width(editor_client):
    """Its WebP renditions are its own format's: one file each, none renamed."""
    piece = uploaded_hero(editor_client, image_upload("still.webp", fmt="WEBP"))

    stem = piece.hero_image.name.rsplit(".", 1)[0]
    assert stored_files() == sorted(
        [piece.hero_image.name] + [f"{stem}-{width}w.webp" for width in WIDTHS]
    )
    for width in WIDTHS:
        with stored_image(f"{stem}-{width}w.webp") as rendition:
            assert (rendition.format, rendition.width) == ("WEBP", width)


@pytest.mark.parametrize(
    ("name", "fmt", "types"),
    [
        ("photo.jpg", "JPEG", ["image/webp"]),
        ("diagram.pdf", "PNG", ["image/webp"]),
        ("still.webp", "WEBP", []),  # the <img> is WebP already
    ],
)
def test_every_picture_source_is_a_stored_file_of_its_width(
    client, editor_client, name, fmt, types
):
    piece = uploaded_hero(editor_client, image_upload(name, fmt=fmt))
    piece.publish(by=User.objects.get(username="editor"))

    content = client.get(piece.get_absolute_url()).content.decode()

    picture_html = re.search(r"<picture>.*?</picture>", content, re.S).group(0)
    assert re.findall(r'<source type="([^"]+)"', picture_html) == types
    srcsets = re.findall(r'srcset="([^"]+)"', picture_html)
    assert len(srcsets) == len(types) + 1
    for srcset in srcsets:
        for entry in srcset.split(", "):
            url, descriptor = entry.split(" ")
            with stored_image(url.removeprefix("/media/")) as stored:
                assert f"{stored.width}w" == descriptor, url
    img_src = re.search(r'<img src="/media/([^"]+)"', picture_html).group(1)
    assert img_src == piece.hero_image.name
