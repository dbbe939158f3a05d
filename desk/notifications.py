"""E-mail to the people a step concerns: editors on submit, bylines on publish,
the piece's writers and commenters on a comment."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, mailers
from django.db.models import Q
from django.tasks import task
from django.urls import reverse
from django.utils import timezone

from audit.models import Event
from desk.models import Comment, UserSettings
from reviews.models import Review
from reviews.models.workflow import PUBLISH_PERMISSION, local_time
from web.text import without_control_characters

logger = logging.getLogger("desk.notifications")

# What each step tells the bylined contributors.
CONTRIBUTOR_NEWS = {
    Event.Action.PUBLISHED: "{actor} published “{piece}”",
    Event.Action.SCHEDULED: "{actor} scheduled “{piece}” for {at}",
    Event.Action.WITHDRAWN: "{actor} withdrew “{piece}”",
}


def _link(path):
    return settings.SITE_URL + path


def _editors():
    return get_user_model().objects.with_perm(
        PUBLISH_PERMISSION, backend="django.contrib.auth.backends.ModelBackend"
    )


def _contributors(piece):
    return get_user_model().objects.filter(
        is_active=True, person__bylines__review=piece
    )


def _concerned(piece):
    """Who a comment on `piece` is for: whoever started it, its bylines, and
    everyone who has commented on it."""
    commenters = Comment.objects.filter(piece=piece).values("author")
    return get_user_model().objects.filter(
        Q(pk=piece.created_by_id)
        | Q(person__bylines__review=piece)
        | Q(pk__in=commenters),
        is_active=True,
    )


def messages_for(event):
    """The mails `event` calls for, one per person, each in the reader's time zone."""
    piece = Review.objects.filter(pk=event.object_id).first()
    if piece is None:
        return []
    if event.action == Event.Action.SUBMITTED:
        recipients, news = _editors(), "{actor} submitted “{piece}” for review"
    elif event.action == Event.Action.COMMENTED:
        recipients, news = _concerned(piece), "{actor} commented on “{piece}”"
    elif event.action in CONTRIBUTOR_NEWS:
        recipients, news = _contributors(piece), CONTRIBUTOR_NEWS[event.action]
    else:
        return []
    recipients = recipients.exclude(email="").exclude(pk=event.actor_id).distinct()
    admin_url = _link(reverse("admin:reviews_review_change", args=[piece.pk]))
    mails = []
    for user in recipients:
        with timezone.override(UserSettings.time_zone_of(user)):
            subject = news.format(
                actor=event.actor_name or "A command",
                piece=piece.headline,
                at=local_time(piece.publish_at) if piece.publish_at else "",
            )
        # A row saved before text was cleaned on save must not break the header.
        subject = without_control_characters(subject)
        body = [f"{subject}.", "", f"Open it at the desk: {admin_url}"]
        if event.action == Event.Action.COMMENTED:
            body[1:] = [
                "",
                event.message,
                "",
                f"Answer it at the desk: {admin_url}#comments",
            ]
        if event.action == Event.Action.PUBLISHED:
            body.append(f"Read it on the site: {_link(piece.get_absolute_url())}")
        mails.append(
            EmailMessage(
                f"[{settings.SITE_NAME}] {subject}", "\n".join(body), to=[user.email]
            )
        )
    return mails


@task
def notify(event_pk):
    """Mail the people `event` concerns; a task, so a slow mail server holds up no
    request when a worker runs it (TASKS_BACKEND=database)."""
    event = Event.objects.filter(pk=event_pk).first()
    if event is None:
        return
    mails = messages_for(event)
    if not mails:
        return
    try:
        mailers.default.send_messages(mails)
    except OSError:  # SMTPException too: the step is done, the mail is a courtesy
        logger.exception("Could not send %d mail(s) about %s", len(mails), event)
