import logging
import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from reviews.models import Review
from tests.factories import make_film, make_person, make_public_review, make_review

pytestmark = pytest.mark.django_db


def piece_form(piece=None, **fields):
    """What the admin's piece form posts; a piece fills in its current values."""
    data = {
        "kind": "review",
        "headline": "The rescuers who chose to stay",
        "slug": "",
        "standfirst": "",
        "body": "<p>A long look at rescue under siege.</p>",
        "film": "",
        "rating": "",
        "verdict": "",
        "hero_alt": "",
        "hero_caption": "",
        "hero_credit": "",
        "seo_title": "",
        "seo_description": "",
        "schedule_for_0": "",
        "schedule_for_1": "",
        "bylines-TOTAL_FORMS": "0",
        "bylines-INITIAL_FORMS": "0",
        "corrections-TOTAL_FORMS": "0",
        "corrections-INITIAL_FORMS": "0",
        "mentions-TOTAL_FORMS": "0",
        "mentions-INITIAL_FORMS": "0",
        # A new piece's form carries a fresh token, as the add page renders it.
        "lock_token": str(uuid.uuid4()),
    }
    if piece is not None:
        data.update(
            kind=piece.kind,
            headline=piece.headline,
            slug=piece.slug,
            standfirst=piece.standfirst,
            body=piece.body,
            film=piece.film_id or "",
            lock_token=str(piece.lock_token),
        )
    data.update(fields)
    return data


def change_url(piece):
    return f"/admin/reviews/review/{piece.pk}/change/"


def test_a_writer_creates_a_draft_through_the_admin(writer_client, writer):
    film = make_film()
    critic = make_person("Ana Ferreira")

    response = writer_client.post(
        "/admin/reviews/review/add/",
        piece_form(
            film=film.pk,
            **{
                "bylines-TOTAL_FORMS": "1",
                "bylines-0-person": critic.pk,
                "bylines-0-order": "0",
            },
        ),
    )

    assert response.status_code == 302
    piece = Review.objects.get()
    assert (piece.status, piece.created_by) == (Review.Status.DRAFT, writer)
    assert [b.person for b in piece.bylines.all()] == [critic]


def test_writers_see_only_the_buttons_they_may_use(writer_client, writer):
    piece = make_review(created_by=writer)

    content = writer_client.get(change_url(piece)).content.decode()

    assert 'name="_submit"' in content
    assert 'name="_publish"' not in content
    assert 'name="_schedule"' not in content
    assert 'name="_withdraw"' not in content
    assert 'name="featured"' not in content


def test_editors_see_publish_schedule_and_withdraw(editor_client):
    draft = make_review()
    published = make_public_review("Published already")

    draft_page = editor_client.get(change_url(draft)).content.decode()
    published_page = editor_client.get(change_url(published)).content.decode()

    assert 'name="_publish"' in draft_page
    assert 'name="_schedule"' in draft_page
    assert 'name="_withdraw"' in published_page
    assert 'name="_publish"' not in published_page


def test_a_writer_submits_through_the_admin(writer_client, writer):
    piece = make_review(created_by=writer)

    response = writer_client.post(change_url(piece), piece_form(piece, _submit="1"))

    assert response.status_code == 302
    assert Review.objects.get().status == Review.Status.IN_REVIEW


def test_a_forged_publish_by_a_writer_is_refused_and_logged(
    writer_client, writer, caplog
):
    piece = make_review(created_by=writer)

    with caplog.at_level(logging.WARNING, logger="reviews.workflow"):
        response = writer_client.post(
            change_url(piece), piece_form(piece, _publish="1"), follow=True
        )

    assert "Only editors can publish or schedule pieces." in response.content.decode()
    assert Review.objects.get().status == Review.Status.DRAFT
    assert "Refused publish" in caplog.text


def test_a_forged_status_field_is_ignored(writer_client, writer):
    piece = make_review(created_by=writer)

    writer_client.post(change_url(piece), piece_form(piece, status="published"))

    assert Review.objects.get().status == Review.Status.DRAFT


def test_a_writer_cannot_edit_someone_elses_piece(writer_client, other_writer):
    piece = make_review(created_by=other_writer)

    response = writer_client.post(
        change_url(piece), piece_form(piece, headline="Hijacked")
    )

    # Another writer's draft is not even said to exist.
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert Review.objects.get().headline != "Hijacked"


def test_a_writer_cannot_edit_their_own_published_piece(writer_client, writer):
    piece = make_public_review(created_by=writer)

    response = writer_client.post(
        change_url(piece), piece_form(piece, headline="Changed after publication")
    )

    assert response.status_code == 403
    assert Review.objects.get().headline == piece.headline


def test_a_writer_cannot_delete(writer_client, writer):
    piece = make_review(created_by=writer)

    response = writer_client.post(
        f"/admin/reviews/review/{piece.pk}/delete/", {"post": "yes"}
    )

    assert response.status_code == 403
    assert Review.objects.exists()


def test_a_writer_cannot_use_the_bulk_publish_action(writer_client, writer):
    piece = make_review(created_by=writer)

    writer_client.post(
        "/admin/reviews/review/",
        {"action": "publish_selected", "_selected_action": [piece.pk]},
    )

    assert Review.objects.get().status == Review.Status.DRAFT


def test_an_editor_publishes_from_the_admin(editor_client):
    piece = make_review()

    response = editor_client.post(change_url(piece), piece_form(piece, _publish="1"))

    assert response.status_code == 302
    assert Review.objects.public().get() == piece


def test_an_editor_schedules_and_the_changelist_says_so(editor_client):
    piece = make_review()
    at = timezone.localtime() + timedelta(days=3)

    editor_client.post(
        change_url(piece),
        piece_form(
            piece,
            _schedule="1",
            schedule_for_0=at.strftime("%Y-%m-%d"),
            schedule_for_1=at.strftime("%H:%M:%S"),
        ),
    )

    piece.refresh_from_db()
    assert piece.is_scheduled
    changelist = editor_client.get("/admin/reviews/review/").content.decode()
    assert "Scheduled for" in changelist
    scheduled = editor_client.get("/admin/reviews/review/", {"status": "scheduled"})
    assert list(scheduled.context["cl"].result_list) == [piece]


def test_scheduling_in_the_past_is_refused(editor_client):
    piece = make_review()

    response = editor_client.post(
        change_url(piece),
        piece_form(
            piece, _schedule="1", schedule_for_0="2001-01-01", schedule_for_1="10:00"
        ),
        follow=True,
    )

    assert "a date and time in the future" in response.content.decode()
    assert Review.objects.get().status == Review.Status.DRAFT


def test_editors_bulk_publish_and_withdraw(editor_client):
    first, second = make_review("One"), make_review("Two")

    editor_client.post(
        "/admin/reviews/review/",
        {"action": "publish_selected", "_selected_action": [first.pk, second.pk]},
    )
    assert Review.objects.public().count() == 2

    editor_client.post(
        "/admin/reviews/review/",
        {"action": "withdraw_selected", "_selected_action": [first.pk]},
    )
    assert list(Review.objects.public()) == [second]


def test_changelist_search_filters_and_columns(editor_client):
    critic = make_person("Ana Ferreira")
    piece = make_review(body="<p>The goldfish pond in the courtyard.</p>")
    piece.bylines.create(person=critic)
    make_review("Another piece")

    response = editor_client.get("/admin/reviews/review/", {"q": "goldfish"})

    assert list(response.context["cl"].result_list) == [piece]
    assert "Ana Ferreira" in response.content.decode()
    by_author = editor_client.get(
        "/admin/reviews/review/", {"authors__id__exact": critic.pk}
    )
    assert list(by_author.context["cl"].result_list) == [piece]


def test_a_second_save_from_a_stale_form_is_refused_and_keeps_its_text(
    editor_client, writer_client, writer
):
    piece = make_review(created_by=writer)
    stale = piece_form(piece, body="<p>The writer's careful rewrite.</p>")

    editor_client.post(
        change_url(piece), piece_form(piece, body="<p>The editor's cut.</p>")
    )
    response = writer_client.post(change_url(piece), stale)

    content = response.content.decode()
    assert response.status_code == 200
    assert "saved this piece at" in content
    assert "The writer&#x27;s careful rewrite." in content
    assert Review.objects.get().body == "<p>The editor's cut.</p>"


def test_word_count_and_reading_time_are_shown(editor_client):
    piece = make_review(body="<p>" + "word " * 500 + "</p>")

    content = editor_client.get(change_url(piece)).content.decode()

    assert "500 words, about 3 min to read" in content
