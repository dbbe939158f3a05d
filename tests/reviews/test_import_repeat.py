"""Importing the same text twice warns and links to the piece it made the first time."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from reviews.models import Review
from tests.factories import make_review

pytestmark = pytest.mark.django_db

IMPORT = "/admin/reviews/review/import/"
TEXT = "The rescuers stay.\n\nAfter the bombs drop\n\nThey dig with their hands."


def upload(name="piece.txt", text=TEXT):
    return SimpleUploadedFile(name, text.encode())


def test_the_same_file_twice_warns_with_a_link_and_makes_no_copy(editor_client):
    editor_client.post(IMPORT, {"file": upload(), "headline": "Rescue", "kind": "news"})
    first = Review.objects.get()

    response = editor_client.post(
        IMPORT, {"file": upload(), "headline": "Another headline", "kind": "news"}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert f'<a href="/admin/reviews/review/{first.pk}/change/">“Rescue”</a>' in page
    assert "has this text or this headline already" in page
    assert Review.objects.count() == 1


def test_the_same_headline_warns_too(editor_client):
    make_review("Rescue under siege")

    response = editor_client.post(
        IMPORT,
        {
            "text": "A different text.",
            "headline": "rescue  under siege",
            "kind": "news",
        },
    )

    assert "has this text or this headline already" in response.content.decode()
    assert Review.objects.count() == 1


def test_import_anyway_makes_a_second_piece(editor_client):
    editor_client.post(IMPORT, {"file": upload(), "headline": "Rescue", "kind": "news"})

    response = editor_client.post(
        IMPORT,
        {"file": upload(), "headline": "Rescue", "kind": "news", "import_anyway": "on"},
    )

    assert response.status_code == 302
    assert sorted(Review.objects.values_list("slug", flat=True)) == [
        "rescue",
        "rescue-2",
    ]


def test_a_new_text_imports_without_a_warning(editor_client):
    make_review("Something else entirely")

    response = editor_client.post(
        IMPORT, {"file": upload(), "headline": "Rescue", "kind": "news"}
    )

    assert response.status_code == 302
    assert Review.objects.count() == 2


def test_a_writer_is_not_shown_a_colleagues_unpublished_piece(
    writer_client, other_writer
):
    make_review("A colleague's secret draft", created_by=other_writer)

    response = writer_client.post(
        IMPORT,
        {
            "text": "Her own text.",
            "headline": "A colleague's secret draft",
            "kind": "news",
        },
    )

    # Her import goes ahead: a warning would show the colleague's headline.
    assert response.status_code == 302
    assert Review.objects.count() == 2
