"""The desk: what the home page of the admin lists for the person logged in."""

from dataclasses import dataclass, field
from datetime import timedelta
from itertools import groupby

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone

from audit.models import Event
from reviews.models import Review
from reviews.models.workflow import is_editor

SHOWN = 10  # pieces listed per section; the count and a link cover the rest
RECENT_DAYS = 7


@dataclass
class Section:
    title: str
    pieces: list
    count: int
    more_url: str = ""
    empty: str = "Nothing here."
    days: list = field(default_factory=list)  # (date, pieces), for the schedule


def _changelist(query=""):
    return reverse("admin:reviews_review_changelist") + query


def _section(title, queryset, **options):
    """Pieces the user may open, each of them: their own or public ones."""
    pieces = list(queryset.for_cards()[:SHOWN])
    return Section(title, pieces, queryset.count(), **options)


def with_submission(pieces):
    """Who last submitted each piece for review, and when: from the audit log."""
    submissions = Event.objects.filter(
        content_type=ContentType.objects.get_for_model(Review),
        object_id=Cast(OuterRef("pk"), CharField()),
        action=Event.Action.SUBMITTED,
    ).order_by("-at", "-pk")
    return pieces.annotate(
        submitted_at=Subquery(submissions.values("at")[:1]),
        submitted_by=Subquery(submissions.values("actor_name")[:1]),
    )


def desk_for(user):
    """The sections of the desk; a writer sees only the unpublished pieces she
    started or is bylined on."""
    pieces = Review.objects.all()
    editor = is_editor(user)
    sections = {
        "drafts": _section(
            "My drafts",
            pieces.drafts_of(user).order_by("-updated_at"),
            empty="No drafts: write a piece or import one.",
        )
    }
    if editor:
        sections["queue"] = _section(
            "Waiting for review",
            with_submission(pieces.in_review()).order_by(
                F("submitted_at").asc(nulls_first=True), "updated_at", "pk"
            ),
            more_url=_changelist("?status=in_review"),
            empty="Nothing is waiting for review.",
        )
    scheduled = pieces.scheduled() if editor else pieces.of(user).scheduled()
    sections["scheduled"] = schedule = _section(
        "Scheduled",
        scheduled.order_by("publish_at", "pk"),
        more_url=_changelist("?status=scheduled"),
        empty="Nothing is scheduled.",
    )
    schedule.days = [
        (day, list(day_pieces))
        for day, day_pieces in groupby(
            schedule.pieces, key=lambda piece: timezone.localdate(piece.publish_at)
        )
    ]
    since = timezone.now() - timedelta(days=RECENT_DAYS)
    sections["published"] = _section(
        f"Published in the last {RECENT_DAYS} days",
        pieces.published_since(since).order_by("-publish_at", "-pk"),
        more_url=_changelist("?status=published"),
        empty=f"Nothing published in the last {RECENT_DAYS} days.",
    )
    if editor:
        # A writer's own withdrawn pieces are among her drafts.
        sections["withdrawn"] = _section(
            "Withdrawn",
            pieces.withdrawn().order_by("-updated_at"),
            more_url=_changelist("?status=withdrawn"),
            empty="Nothing is withdrawn.",
        )
    return sections
