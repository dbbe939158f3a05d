"""The history an editor reads: a version for each saved change, and a compare
page that shows the changed words of the changed paragraphs."""

import uuid

import pytest
from reversion.models import Version

from tests.factories import make_person, make_review
from tests.reviews.test_admin import change_url, piece_form

pytestmark = pytest.mark.django_db

BODY = (
    "<p>The opening sets the scene in a quiet town.</p>"
    "<p>The middle drags for an hour without purpose.</p>"
    "<p>The ending lands with real force.</p>"
)


def versions(piece):
    return Version.objects.get_for_object(piece)


def save(client, piece, **fields):
    piece.refresh_from_db()
    response = client.post(change_url(piece), piece_form(piece, **fields))
    piece.refresh_from_db()
    return response


def compare(client, piece):
    newer, older = versions(piece)[:2]
    response = client.get(
        f"/admin/reviews/review/{piece.pk}/history/compare/",
        {"version_id1": older.pk, "version_id2": newer.pk},
    )
    assert response.status_code == 200
    return response.content.decode()


def test_editing_the_body_makes_one_version(editor_client):
    piece = make_review(body=BODY)

    response = save(editor_client, piece, body=BODY.replace("drags", "races"))

    assert response.status_code == 302
    assert versions(piece).count() == 2


def test_saving_without_a_change_makes_no_version(editor_client):
    piece = make_review(body=BODY)

    response = save(editor_client, piece)

    assert response.status_code == 302
    assert versions(piece).count() == 1


def test_changing_only_the_byline_makes_a_version(editor_client):
    piece = make_review(body=BODY)
    writer = make_person("Agnès Varda")

    response = save(
        editor_client,
        piece,
        **{
            "bylines-TOTAL_FORMS": "1",
            "bylines-0-person": writer.pk,
            "bylines-0-order": "0",
        },
    )

    assert response.status_code == 302
    assert versions(piece).count() == 2


def test_a_refused_save_makes_no_version(editor_client):
    piece = make_review(body=BODY)

    response = save(
        editor_client, piece, body="<p>Overwrites.</p>", lock_token=str(uuid.uuid4())
    )

    assert response.status_code == 200
    assert "while you were editing" in response.content.decode()
    assert versions(piece).count() == 1


def test_a_form_error_makes_no_version(editor_client):
    piece = make_review(body=BODY)

    response = save(editor_client, piece, headline="", body="<p>Changed.</p>")

    assert response.status_code == 200
    assert versions(piece).count() == 1


def test_a_workflow_step_makes_one_version_with_its_comment(writer_client, writer):
    piece = make_review(body=BODY, created_by=writer)

    response = save(writer_client, piece, _submit="Submit for review")

    assert response.status_code == 302
    assert versions(piece).count() == 2
    assert versions(piece).first().revision.comment == f"Submitted by {writer}"


def test_compare_marks_the_changed_words_of_the_changed_paragraph(editor_client):
    piece = make_review("A quiet film", body=BODY)
    save(
        editor_client,
        piece,
        headline="A loud film",
        body=BODY.replace("drags for an hour", "races for ten minutes"),
    )

    page = compare(editor_client, piece)

    assert (
        "The middle <del>drags</del> <ins>races</ins> for <del>an hour</del> "
        "<ins>ten minutes</ins> without purpose." in page
    )
    assert "A <del>quiet</del> <ins>loud</ins> film" in page
    # The unchanged paragraphs stay as they were, unmarked.
    assert (
        '<p class="diff-same">The opening sets the scene in a quiet town.</p>' in page
    )
    assert "&lt;p&gt;" not in page
    for internal in ("lock token", "Lock token", "updated at", "Updated at"):
        assert internal not in page


def test_compare_escapes_markup_written_as_text(editor_client):
    piece = make_review(body="<p>Plain.</p>")
    save(
        editor_client, piece, body="<p>Plain. &lt;script&gt;alert(1)&lt;/script&gt;</p>"
    )

    page = compare(editor_client, piece)

    assert "<ins>&lt;script&gt;alert(1)&lt;/script&gt;</ins>" in page
    assert "<script>alert(1)" not in page
