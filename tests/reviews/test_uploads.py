import re

import pytest
from django.contrib.auth.models import User
from PIL import Image

from reviews.models import Review
from tests.factories import make_review
from tests.images import image_upload, not_an_image, svg_upload
from tests.reviews.test_admin import change_url, piece_form

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
    settings.IMAGE_UPLOAD_MAX_BYTES = 1024
    piece = make_review()

    response = upload_hero(editor_client, piece, image_upload(), hero_alt="x")

    errors = response.context["adminform"].form.errors["hero_image"]
    assert "larger than" in errors[0]


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
        editor_client, piece, image_upload(size=(1800, 1000)), hero_alt="Rescuers"
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
