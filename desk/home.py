"""The desk: what the home page of the admin lists for the person logged in."""

from dataclasses import dataclass, field
from datetime import timedelta
from itertools import groupby

from django.urls import reverse
from django.utils import timezone

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
    return Section(
        title, list(queryset.for_cards()[:SHOWN]), queryset.count(), **options
    )


def desk_for(user):
    """The sections of the desk; a writer sees no other writer's unpublished piece."""
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
            pieces.in_review().order_by("updated_at", "pk"),
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
