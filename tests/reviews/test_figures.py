"""Library images placed in a piece's body: what readers get, kept fresh when
the library changes, and held back from publishing until credited and licensed."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from images.models import LibraryImage
from reviews.models import Review
from tests.factories import make_public_review, make_review
from tests.images import image_upload
from tests.reviews.test_admin import change_url, piece_form

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def library_image(**fields):
    return LibraryImage.objects.create(
        file=image_upload(),
        **{
            "alt": "Khaled Omar Harrah on a rooftop in Aleppo",
            "caption": "Waiting for the planes.",
            "credit": "Grasshopper Film/Larm Film",
            "licence": "Press kit, for reviews",
            **fields,
        },
    )


def figure(image, alt="", caption=""):
    """A figure as the body editor's figure button stores it."""
    return (
        f'<figure class="figure"><img src="{image.file.url}" alt="{alt}" '
        f'data-file="{image.pk}">'
        + (f"<figcaption>{caption}</figcaption>" if caption else "")
        + "</figure>"
    )


def prose(piece):
    response = Client().get(piece.get_absolute_url())
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one(".prose")


def test_a_placed_image_reaches_readers_in_every_size_with_its_credit():
    image = library_image()
    piece = make_public_review(body=f"<p>Before.</p>{figure(image)}<p>After.</p>")

    body = prose(piece)

    [shown] = body.select("figure.image")
    img = shown.select_one("picture img")
    assert img["src"] == image.file.url
    assert img["alt"] == "Khaled Omar Harrah on a rooftop in Aleppo"
    assert (img["width"], img["height"]) == ("1800", "1000")
    assert img["loading"] == "lazy"
    assert "-800w.jpg 800w" in img["srcset"]
    assert "-800w.webp 800w" in shown.select_one("source[type='image/webp']")["srcset"]
    assert str(shown.figcaption) == (
        "<figcaption>Waiting for the planes. "
        '<span class="credit">Photo: Grasshopper Film/Larm Film</span></figcaption>'
    )
    assert [child.name for child in body.find_all(True, recursive=False)] == [
        "p",
        "figure",
        "p",
    ]


def test_the_writers_alt_text_and_caption_come_before_the_librarys():
    image = library_image()
    piece = make_public_review(
        body=figure(image, alt="Khaled", caption="On the roof, <em>2016</em>.")
    )

    shown = prose(piece).select_one("figure.image")

    assert shown.img["alt"] == "Khaled"
    assert shown.figcaption.decode_contents().startswith("On the roof, <em>2016</em>.")


def test_a_figure_without_a_library_image_reaches_nobody():
    image = library_image()
    gone = library_image()
    body = (
        f"<p>Text.</p>{figure(gone)}"
        '<figure class="figure"><img src="https://elsewhere.example/x.jpg" alt="x">'
        "</figure>"
        '<p><img src="https://elsewhere.example/tracker.gif" alt=""></p>'
        f'<figure><img src="x" data-file="{image.pk}0"></figure>'
    )
    gone.delete()
    piece = make_public_review(body=body)

    shown = prose(piece)

    assert shown.find(["img", "figure"]) is None
    assert shown.get_text(strip=True) == "Text."


def test_a_change_in_the_library_reaches_the_pieces_showing_the_image(
    client, django_capture_on_commit_callbacks
):
    image = library_image()
    piece = make_public_review(body=figure(image))
    assert "Grasshopper" in client.get(piece.get_absolute_url()).text

    with django_capture_on_commit_callbacks(execute=True):
        image.credit = "Larm Film"
        image.save()

    page = client.get(piece.get_absolute_url()).text
    assert "Photo: Larm Film" in page and "Grasshopper" not in page
    with django_capture_on_commit_callbacks(execute=True):
        image.delete()
    assert "<figure" not in client.get(piece.get_absolute_url()).text


def test_a_piece_waits_for_its_images_credit_and_licence(editor_client):
    image = library_image(licence="")
    piece = make_review(body=f"<p>Text.</p>{figure(image)}")

    response = editor_client.post(
        change_url(piece), piece_form(piece, _publish="1"), follow=True
    )

    assert (
        "Give “Khaled Omar Harrah on a rooftop in Aleppo” its credit and licence "
        "in the image library before the piece is published."
    ) in response.content.decode()
    assert not Review.objects.public().exists()
    image.licence = "Press kit, for reviews"
    image.save()
    piece.refresh_from_db()
    editor_client.post(change_url(piece), piece_form(piece, _publish="1"))
    assert Review.objects.public().get() == piece


def test_hostile_figures_are_neutralised_on_save_and_on_render():
    image = library_image(caption='<script>alert(1)</script>"><b>')
    piece = make_public_review(
        body=(
            f'<figure class="figure" onclick="alert(2)"><img src="javascript:alert(3)" '
            f'alt="x&quot; onerror=&quot;alert(4)" data-file="{image.pk}" '
            'srcset="https://evil.example/x.jpg 1w" onerror="alert(5)"></figure>'
        )
    )

    stored = BeautifulSoup(piece.body, "html.parser")
    assert [sorted(element.attrs) for element in stored.find_all(True)] == [
        ["class"],
        ["alt", "data-file"],
    ]
    shown = prose(piece)
    assert shown.img["src"] == image.file.url
    assert shown.img["alt"] == 'x" onerror="alert(4)'
    assert "evil.example" not in str(shown)
    assert shown.find("script") is None
    for element in shown.find_all(True):
        assert not any(name.startswith("on") for name in element.attrs), element


def test_words_copied_from_the_library_follow_its_corrections(
    client, django_capture_on_commit_callbacks
):
    image = library_image()
    # As the picker fills the dialog: the library's own alt text and caption.
    piece = make_public_review(
        body=figure(image, alt=image.alt, caption="Waiting for the planes.")
    )
    stored = BeautifulSoup(piece.body, "html.parser")
    assert stored.find("figcaption") is None
    assert stored.img.attrs == {
        "src": image.file.url,
        "alt": "",
        "data-file": str(image.pk),
    }

    with django_capture_on_commit_callbacks(execute=True):
        image.alt = "Khaled Omar Harrah waits on a rooftop in Aleppo"
        image.caption = "Before the planes."
        image.save()

    shown = prose(piece).select_one("figure.image")
    assert shown.img["alt"] == "Khaled Omar Harrah waits on a rooftop in Aleppo"
    assert shown.figcaption.get_text().startswith("Before the planes.")
