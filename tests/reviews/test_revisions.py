import pytest
from reversion.models import Version

from reviews.models import Review
from tests.factories import make_review
from tests.reviews.test_admin import change_url, piece_form

pytestmark = pytest.mark.django_db


def edit(client, piece, **fields):
    piece.refresh_from_db()
    response = client.post(change_url(piece), piece_form(piece, **fields))
    assert response.status_code == 302
    piece.refresh_from_db()


def test_every_save_keeps_a_version_and_the_history_lists_them(editor_client):
    piece = make_review("First headline")
    edit(editor_client, piece, headline="Second headline")
    edit(editor_client, piece, headline="Third headline")

    versions = Version.objects.get_for_object(piece)
    history = editor_client.get(f"/admin/reviews/review/{piece.pk}/history/")

    assert versions.count() == 3
    assert history.status_code == 200
    for version in versions:
        assert f"history/{version.pk}/" in history.content.decode()


def test_two_versions_can_be_compared(editor_client):
    piece = make_review("First headline")
    edit(editor_client, piece, headline="Second headline")
    newer, older = Version.objects.get_for_object(piece)[:2]

    response = editor_client.get(
        f"/admin/reviews/review/{piece.pk}/history/compare/",
        {"version_id1": older.pk, "version_id2": newer.pk},
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert "First headline" in content
    assert "Second headline" in content


def test_an_editor_restores_an_earlier_version(editor_client):
    piece = make_review("First headline", body="<p>The original text.</p>")
    edit(editor_client, piece, headline="Rewritten", body="<p>A worse text.</p>")
    original = Version.objects.get_for_object(piece).last()
    url = f"/admin/reviews/review/{piece.pk}/history/{original.pk}/"

    form = editor_client.get(url)
    assert form.status_code == 200
    assert "First headline" in form.content.decode()
    # The form shows the old version, its lock token included, as a browser posts it.
    shown = form.context["adminform"].form
    restored = editor_client.post(
        url,
        piece_form(
            piece,
            headline=shown["headline"].value(),
            body=shown["body"].value(),
            lock_token=shown["lock_token"].value(),
        ),
    )

    assert restored.status_code == 302
    piece.refresh_from_db()
    assert (piece.headline, piece.body) == (
        "First headline",
        "<p>The original text.</p>",
    )


def test_a_writer_cannot_restore_versions(writer_client, writer):
    piece = make_review("First headline", created_by=writer)
    version = Version.objects.get_for_object(piece).first()

    response = writer_client.get(
        f"/admin/reviews/review/{piece.pk}/history/{version.pk}/"
    )

    assert response.status_code == 403


def test_an_editor_recovers_a_deleted_piece(editor_client):
    piece = make_review("Deleted by mistake")
    editor_client.post(f"/admin/reviews/review/{piece.pk}/delete/", {"post": "yes"})
    assert not Review.objects.exists()

    recover_list = editor_client.get("/admin/reviews/review/recover/")
    assert "Deleted by mistake" in recover_list.content.decode()
    version = Version.objects.get_deleted(Review).get()
    recover_url = f"/admin/reviews/review/recover/{version.pk}/"
    shown = editor_client.get(recover_url).context["adminform"].form
    response = editor_client.post(
        recover_url, piece_form(piece, lock_token=shown["lock_token"].value())
    )

    assert response.status_code == 302
    assert Review.objects.get().headline == "Deleted by mistake"
