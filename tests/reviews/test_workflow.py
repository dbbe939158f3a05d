from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from reviews.models import Review
from tests.factories import make_review

pytestmark = pytest.mark.django_db


def test_a_writer_submits_a_draft_for_review(writer):
    piece = make_review(created_by=writer)

    piece.submit(by=writer)

    assert piece.status == Review.Status.IN_REVIEW
    with pytest.raises(ValidationError, match="Only a draft can be submitted"):
        piece.submit(by=writer)


def test_a_writer_cannot_submit_someone_elses_piece(writer, other_writer):
    piece = make_review(created_by=other_writer)

    with pytest.raises(ValidationError, match="only your own pieces"):
        piece.submit(by=writer)


def test_a_writer_cannot_publish_or_withdraw(writer, editor):
    piece = make_review(created_by=writer)

    with pytest.raises(ValidationError, match="Only editors can publish"):
        piece.publish(by=writer)
    piece.publish(by=editor)
    with pytest.raises(ValidationError, match="Only editors can withdraw"):
        piece.withdraw(by=writer)

    assert Review.objects.public().get() == piece


def test_an_editor_publishes_and_withdraws(editor):
    piece = make_review()

    piece.publish(by=editor)
    assert piece.first_published_at == piece.publish_at
    assert list(Review.objects.public()) == [piece]
    with pytest.raises(ValidationError, match="already published"):
        piece.publish(by=editor)

    piece.withdraw(by=editor)
    assert not Review.objects.public().exists()
    with pytest.raises(ValidationError, match="Only a published or scheduled"):
        piece.withdraw(by=editor)


def test_a_review_needs_its_film_before_publication(editor):
    piece = make_review(film=None)

    with pytest.raises(ValidationError, match="Choose the film under review"):
        piece.publish(by=editor)
    assert Review.objects.get().status == Review.Status.DRAFT


def test_a_feature_needs_no_film(editor):
    piece = make_review(kind=Review.Kind.FEATURE)

    piece.publish(by=editor)

    assert piece.is_public


def test_a_scheduled_piece_becomes_public_exactly_at_its_time(editor):
    at = timezone.now().replace(microsecond=0) + timedelta(days=1)
    piece = make_review()
    piece.publish(by=editor, at=at)

    with time_machine.travel(at - timedelta(seconds=1), tick=False):
        assert not Review.objects.public().exists()
        assert list(Review.objects.scheduled()) == [piece]
    with time_machine.travel(at, tick=False):
        assert list(Review.objects.public()) == [piece]
        assert not Review.objects.scheduled().exists()


def test_rescheduling_before_the_time_moves_first_publication(editor):
    piece = make_review()
    piece.publish(by=editor, at=timezone.now() + timedelta(days=2))
    piece.withdraw(by=editor)

    later = timezone.now() + timedelta(days=5)
    piece.publish(by=editor, at=later)

    assert piece.first_published_at == later


def test_body_is_sanitised_on_save():
    piece = make_review(
        body='<p style="color:red" onclick="steal()">Hi <a href="javascript:alert(1)">x</a>'
        '<a href="https://example.org/">ok</a></p><script>alert(1)</script>'
        "<h1>Big</h1><h2>Sub</h2><img src=x onerror=alert(1)>"
    )

    assert "script" not in piece.body
    assert "onclick" not in piece.body
    assert "style" not in piece.body
    assert "javascript:" not in piece.body
    assert "onerror" not in piece.body
    # A picture outside a library figure reaches no reader (reviews/figures.py).
    assert "<img" not in piece.body_html
    assert "<h1>" not in piece.body
    assert "<h2>Sub</h2>" in piece.body
    assert 'href="https://example.org/"' in piece.body


@pytest.mark.parametrize("rating", ["0", "5.5", "3.3", "-1"])
def test_ratings_are_half_steps_from_half_to_five(rating):
    with pytest.raises(ValidationError) as error:
        make_review(rating=rating)

    assert "rating" in error.value.message_dict


def test_the_database_refuses_an_off_scale_rating():
    piece = make_review(rating="4.5")

    with pytest.raises(IntegrityError):
        Review.objects.filter(pk=piece.pk).update(rating="7.0")


def test_a_stale_copy_cannot_overwrite_a_newer_save():
    first = make_review()
    second = Review.objects.get(pk=first.pk)
    first.headline = "First editor's headline"
    first.save()

    second.headline = "Second editor's headline"
    with pytest.raises(ValidationError, match="Someone else saved this piece"):
        second.save()

    assert Review.objects.get().headline == "First editor's headline"


def test_word_count_and_reading_time():
    piece = make_review(body="<p>" + "word " * 460 + "</p>")

    assert (piece.word_count, piece.reading_minutes) == (460, 2)


def test_words_across_blocks_are_counted_apart():
    piece = make_review(body="<h2>After the bombs drop</h2><p>Feras Fayyad follows</p>")

    assert piece.word_count == 7
