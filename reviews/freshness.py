"""What keeps readers' pages fresh beyond a piece's own save (see web/pages.py):
bodies rendered again when their mentions, a mentioned name or a placed
library image change, bylines, topics and corrections stored again when they
or a name in them change, and pages refreshed when a scheduled piece's time
comes, with nobody saving."""

import math
from datetime import UTC, datetime

from django.core.cache import cache
from django.db import transaction
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver
from django.tasks import task
from django.utils import timezone

from films.models import Film
from images.models import LibraryImage
from people.models import Organisation, Person
from reviews.models import Byline, Correction, Mention, Review, Topic
from web.derived import store_once_linked
from web.pages import changed, tag, watch_clock

CHECKED_KEY = "pieces:due-checked-at"
NEXT_DUE_KEY = "pieces:next-due-at"


@task
def render_bodies(piece_ids):
    """Render these pieces' bodies again, and refresh their pages."""
    for piece in Review.objects.filter(pk__in=piece_ids):
        piece.render_body()
        changed(tag(Review, piece.pk))


def _render_later(piece_ids):
    piece_ids = list(piece_ids)
    if piece_ids:
        transaction.on_commit(lambda: render_bodies.enqueue(piece_ids))


@receiver(post_save, sender=Mention)
@receiver(post_delete, sender=Mention)
def mention_changed(sender, instance, **kwargs):
    """An editor added, corrected or removed a mention: its link changes."""
    _render_later([instance.review_id])


@receiver(post_save, sender=Review)
def restored(sender, instance, raw, **kwargs):
    """A restored version keeps no rendered body: render it from what it keeps."""
    if raw:
        instance.render_body()


@receiver(post_save, sender=Person)
@receiver(post_save, sender=Organisation)
@receiver(post_save, sender=Film)
def mentioned_name_changed(sender, instance, **kwargs):
    """A mentioned name or address changed: the links to it change."""
    kind = sender._meta.model_name
    mentioning = Mention.objects.filter(**{kind: instance}).values_list("review")
    _render_later(review for (review,) in mentioning)


@receiver(post_save, sender=LibraryImage)
@receiver(post_delete, sender=LibraryImage)
def library_image_changed(sender, instance, **kwargs):
    """A placed image's description, credit or file changed, or it went: the
    figures showing it change."""
    placing = Review.objects.filter(body__contains=f'data-file="{instance.pk}"')
    _render_later(placing.values_list("pk", flat=True))


def _store_furniture(raw, piece_ids):
    pieces = Review.objects.filter(pk__in=set(piece_ids))
    store_once_linked(raw, pieces.store_furniture)


@receiver(post_save, sender=Review)
def piece_saved(sender, instance, created, raw, **kwargs):
    """A new or restored piece; a piece's own fields are not its furniture, so
    other saves (an autosave, a headline) leave it as stored."""
    if created or raw:
        _store_furniture(raw, [instance.pk])


@receiver(post_save, sender=Byline)
@receiver(post_delete, sender=Byline)
@receiver(post_save, sender=Correction)
@receiver(post_delete, sender=Correction)
def byline_or_correction_changed(sender, instance, raw=False, **kwargs):
    _store_furniture(raw, [instance.review_id])


@receiver(m2m_changed, sender=Review.topics.through)
def topics_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """`instance` is the piece whose topics changed, or (`reverse`) the topic
    whose pieces `pk_set` did."""
    if reverse and action == "pre_clear":
        # Once cleared, the topic names no pieces: note them first.
        instance.pieces_cleared = list(instance.pieces.values_list("pk", flat=True))
    elif action in {"post_add", "post_remove", "post_clear"}:
        if not reverse:
            pieces = [instance.pk]
        elif action == "post_clear":
            pieces = instance.pieces_cleared
        else:
            pieces = pk_set
        _store_furniture(False, pieces)


@receiver(post_save, sender=Person)
@receiver(post_save, sender=Topic)
def bylined_name_or_topic_changed(sender, instance, raw, **kwargs):
    """A name or address that pieces show by their text changed."""
    related = "bylines__person" if sender is Person else "topics"
    pieces = Review.objects.filter(**{related: instance}).values_list("pk", flat=True)
    _store_furniture(raw, pieces)


@receiver(pre_delete, sender=Topic)
def topic_deleting(sender, instance, **kwargs):
    """Its pieces lose it without a signal of their own: note them first."""
    instance.pieces_losing_it = list(instance.pieces.values_list("pk", flat=True))


@receiver(post_delete, sender=Topic)
def topic_deleted(sender, instance, **kwargs):
    _store_furniture(False, instance.pieces_losing_it)


@receiver(post_save, sender=Review)
def schedule_changed(sender, instance, **kwargs):
    """Work out again when the next scheduled piece comes due."""
    transaction.on_commit(lambda: cache.delete(NEXT_DUE_KEY))


def record_pieces_that_came_due(known):
    """Refresh the pages of pieces whose publication time has passed since the
    last look; `known`: the cache's values of the clock's keys. Costs nothing
    beyond the page's own cache read until the next one comes due."""
    now = timezone.now()
    if known.get(NEXT_DUE_KEY, 0) > now.timestamp():
        return False
    came_due = False
    # Without a last look, the cache is new: it holds no page to refresh.
    if CHECKED_KEY in known:
        since = datetime.fromtimestamp(known[CHECKED_KEY], tz=UTC)
        pieces = Review.objects.public().filter(publish_at__gt=since)
        came_due = pieces.exists()
        if came_due:
            changed(*pieces.page_tags())
    next_due = Review.objects.scheduled().aggregate(at=Min("publish_at"))["at"]
    cache.set_many(
        {
            CHECKED_KEY: now.timestamp(),
            NEXT_DUE_KEY: next_due.timestamp() if next_due else math.inf,
        },
        timeout=None,
    )
    return came_due


def next_piece_due(known):
    """When the next scheduled piece comes due (a timestamp), or None."""
    if NEXT_DUE_KEY in known:
        return known[NEXT_DUE_KEY]
    # A schedule changed since the last look: asked, not kept, since keeping
    # it is the last look's job (`record_pieces_that_came_due`).
    next_due = Review.objects.scheduled().aggregate(at=Min("publish_at"))["at"]
    return next_due.timestamp() if next_due else None


watch_clock([CHECKED_KEY, NEXT_DUE_KEY], record_pieces_that_came_due, next_piece_due)
