"""Autosave: a draft is saved as it stands; a public piece is never changed by it."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from reversion.models import Version

from desk.models import KeptText
from reviews.models import Review
from tests.factories import make_public_review, make_review
from tests.reviews.test_admin import change_url, piece_form

pytestmark = pytest.mark.django_db

BODY = "<p>The rescuers dig again.</p>"


def autosave_url(piece):
    return f"/admin/reviews/review/{piece.pk}/autosave/"


def autosave(client, piece, **text):
    return client.post(
        autosave_url(piece), {"lock_token": str(piece.lock_token), **text}
    )


def versions(piece):
    return Version.objects.get_for_object(piece)


def test_a_draft_is_saved_with_one_quiet_version_and_a_new_token(writer_client, writer):
    piece = make_review(body=BODY, created_by=writer)
    before = versions(piece).count()

    response = autosave(writer_client, piece, body="<p>The rescuers dig on.</p>")

    reply = response.json()
    piece.refresh_from_db()
    assert response.status_code == 200
    assert reply["status"] == "saved"
    assert reply["message"].startswith("Draft saved at ")
    assert piece.body == "<p>The rescuers dig on.</p>"
    assert piece.last_edited_by == writer
    assert reply["lock_token"] == str(piece.lock_token)
    assert versions(piece).count() == before + 1
    assert versions(piece).first().revision.comment == "Autosaved"
    assert piece.status == "draft"


def test_unchanged_text_is_not_saved_again(writer_client, writer):
    piece = make_review(body=BODY, created_by=writer)
    token, before = piece.lock_token, versions(piece).count()

    reply = autosave(writer_client, piece, body=BODY, headline=piece.headline).json()

    piece.refresh_from_db()
    assert reply["status"] == "unchanged"
    assert piece.lock_token == token
    assert versions(piece).count() == before


def test_the_forms_save_after_an_autosave_goes_through(writer_client, writer):
    piece = make_review(body=BODY, created_by=writer)
    reply = autosave(writer_client, piece, body="<p>Autosaved words.</p>").json()

    form = piece_form(piece, body="<p>Saved words.</p>", lock_token=reply["lock_token"])
    response = writer_client.post(change_url(piece), form)

    assert response.status_code == 302
    assert Review.objects.get().body == "<p>Saved words.</p>"


def test_a_public_piece_is_left_alone_and_the_text_kept_for_its_writer(
    editor_client, editor
):
    piece = make_public_review(body=BODY)
    updated_at, before = piece.updated_at, versions(piece).count()

    reply = autosave(editor_client, piece, body="<p>A correction in progress.</p>")

    piece.refresh_from_db()
    assert reply.json()["status"] == "kept"
    assert "Readers see them only when you save" in reply.json()["message"]
    assert (piece.body, piece.updated_at) == (BODY, updated_at)
    assert versions(piece).count() == before
    kept = KeptText.objects.get(user=editor, piece=piece)
    assert kept.text == {"body": "<p>A correction in progress.</p>"}


def test_typing_back_to_the_saved_text_forgets_the_kept_changes(editor_client):
    piece = make_public_review(body=BODY)
    autosave(editor_client, piece, body="<p>A change.</p>")

    reply = autosave(editor_client, piece, body=BODY).json()

    assert reply["status"] == "unchanged"
    assert not KeptText.objects.exists()


def test_a_scheduled_piece_is_left_alone_too(editor_client):
    piece = make_public_review(body=BODY, publish_at=timezone.now() + timedelta(days=1))

    reply = autosave(editor_client, piece, body="<p>Rewritten.</p>").json()

    piece.refresh_from_db()
    assert reply["status"] == "kept"
    assert piece.body == BODY


def test_the_form_offers_kept_changes_and_restores_them(editor_client, editor):
    piece = make_public_review(body=BODY)
    autosave(editor_client, piece, body="<p>A correction in progress.</p>")

    offer = editor_client.get(change_url(piece)).content.decode()
    restored = editor_client.get(change_url(piece), {"restore": "1"})

    assert "You have unsaved changes from" in offer
    assert 'href="?restore=1">Restore</a>' in offer
    assert ">Discard</button>" in offer
    assert "are back in the form below" in restored.content.decode()
    assert restored.context["adminform"].form.initial["body"] == (
        "<p>A correction in progress.</p>"
    )
    assert Review.objects.get().body == BODY


def test_saving_the_form_uses_up_the_kept_changes(editor_client, editor):
    piece = make_public_review(body=BODY)
    autosave(editor_client, piece, body="<p>A correction in progress.</p>")

    form = piece_form(piece, body="<p>A correction in progress.</p>")
    response = editor_client.post(change_url(piece), form)

    assert response.status_code == 302
    assert not KeptText.objects.exists()
    assert Review.objects.get().body == "<p>A correction in progress.</p>"


def test_discarding_forgets_the_kept_changes(editor_client, editor):
    piece = make_public_review(body=BODY)
    autosave(editor_client, piece, body="<p>Not wanted after all.</p>")

    response = editor_client.post(f"{autosave_url(piece)}discard/")

    assert response.status_code == 302
    assert response["Location"] == change_url(piece)
    assert not KeptText.objects.exists()
    offer = editor_client.get(change_url(piece)).content.decode()
    assert "You have unsaved changes" not in offer


def test_a_draft_saved_meanwhile_by_someone_else_is_not_overwritten(
    writer_client, writer, editor
):
    piece = make_review(body=BODY, created_by=writer)
    stale_token = str(piece.lock_token)
    piece.body, piece.last_edited_by = "<p>The editor's cut.</p>", editor
    piece.save()

    reply = writer_client.post(
        autosave_url(piece),
        {"lock_token": stale_token, "body": "<p>The writer's rewrite.</p>"},
    ).json()

    assert reply["status"] == "kept"
    assert reply["message"].startswith("editor saved this piece at ")
    assert "Save to see both versions side by side" in reply["message"]
    assert Review.objects.get().body == "<p>The editor's cut.</p>"
    assert KeptText.objects.get(user=writer).text["body"] == (
        "<p>The writer's rewrite.</p>"
    )


def test_text_that_the_form_would_refuse_is_not_saved(writer_client, writer):
    piece = make_review(body=BODY, created_by=writer)

    response = autosave(writer_client, piece, headline="")

    assert response.status_code == 400
    assert response.json()["message"] == (
        "Not saved automatically. Headline: This field is required."
    )
    assert Review.objects.get().headline == piece.headline


def test_only_those_who_may_edit_the_piece_autosave(writer, other_writer):
    piece = make_review(body=BODY, created_by=writer)
    client = Client()
    client.force_login(other_writer)

    response = autosave(client, piece, body="<p>Not mine to change.</p>")

    assert response.status_code == 404
    assert client.get(autosave_url(piece)).status_code == 405
    assert Review.objects.get().body == BODY


def test_autosave_needs_the_csrf_token(writer):
    piece = make_review(body=BODY, created_by=writer)
    client = Client(enforce_csrf_checks=True)
    client.force_login(writer)

    assert autosave(client, piece, body="<p>Forged.</p>").status_code == 403
    assert Review.objects.get().body == BODY
