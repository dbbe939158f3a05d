"""The home page as editors arrange it: the pieces they put on it, in their
order. The first of them that readers may see leads; without any, the
newest public piece does."""

from dataclasses import dataclass, field

from django.db import models

from people.models import ValidatedModel

# How many of the newest pieces follow the chosen ones, and how many of each
# kind its section shows after those.
LATEST_ON_HOME = 6
PER_KIND_ON_HOME = 3


class FrontPagePlace(ValidatedModel):
    piece = models.OneToOneField(
        "reviews.Review", on_delete=models.CASCADE, related_name="front_page_place"
    )
    position = models.PositiveSmallIntegerField(
        default=1, help_text="1 leads the home page; the others follow in order."
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "place on the front page"
        verbose_name_plural = "places on the front page"

    def __str__(self):
        return f"{self.position}. {self.piece}"


@dataclass
class HomePage:
    """What the home page shows, each piece once: the lead, the other chosen
    pieces, the newest of the rest, then sections by kind."""

    lead: object = None
    chosen: list = field(default_factory=list)
    latest: list = field(default_factory=list)
    # (kind, pieces): Review.Kind members
    sections: list = field(default_factory=list)

    @classmethod
    def of(cls, public, kinds):
        """The home page of the `public` pieces (newest first), with a section
        for each of `kinds` that has pieces."""
        chosen = list(public.on_front_page())
        lead = chosen.pop(0) if chosen else public.first()
        if lead is None:
            return cls()
        shown = {piece.pk for piece in (lead, *chosen)}
        latest = list(public.exclude(pk__in=shown)[:LATEST_ON_HOME])
        shown.update(piece.pk for piece in latest)
        sections = []
        for kind in kinds:
            rest = public.filter(kind=kind).exclude(pk__in=shown)[:PER_KIND_ON_HOME]
            if pieces := list(rest):
                sections.append((kind, pieces))
        return cls(lead, chosen, latest, sections)
