"""What a piece shows around its text: its bylines, topics and corrections.

Stored with the piece, as its body is, when the piece, a byline, topic or
correction of it, or a bylined name changes (reviews/freshness.py), so a
page or a list of cards reads them with the piece instead of querying and
joining people, topics and corrections on every view.
"""

import functools
import sys
from dataclasses import dataclass
from datetime import date

from people import models as people_models
from reviews.models import topic as topic_models
from web.derived import source_digest
from web.pages import shows, tag


@dataclass(frozen=True)
class Link:
    name: str
    url: str


@dataclass(frozen=True)
class CorrectionNote:
    date: date
    text: str


@dataclass(frozen=True)
class Furniture:
    bylines: tuple[Link, ...]
    topics: tuple[Link, ...]
    corrections: tuple[CorrectionNote, ...]

    @classmethod
    def from_stored(cls, stored):
        # The page being rendered shows these people and topics: it refreshes
        # when they change, and a CDN can purge it by them.
        shows(*stored["tags"])
        return cls(
            bylines=tuple(Link(**byline) for byline in stored["bylines"]),
            topics=tuple(Link(**topic) for topic in stored["topics"]),
            corrections=tuple(
                CorrectionNote(date.fromisoformat(note["date"]), note["text"])
                for note in stored["corrections"]
            ),
        )

    @property
    def author_names(self):
        return [byline.name for byline in self.bylines]


def furnish(piece):
    """What to store of `piece`, whose bylines (with their people), topics and
    corrections are prefetched."""
    people = [byline.person for byline in piece.bylines.all()]
    topics = list(piece.topics.all())
    return {
        "format": furniture_format(),
        "bylines": [_link(person) for person in people],
        "topics": [_link(topic) for topic in topics],
        "corrections": [
            {"date": note.date.isoformat(), "text": note.text}
            for note in piece.corrections.all()
        ],
        "tags": [tag(type(row), row.pk) for row in (*people, *topics)],
    }


def is_current(stored):
    return stored.get("format") == furniture_format()


def _link(row):
    return {"name": row.name, "url": row.get_absolute_url()}


@functools.cache
def furniture_format():
    """A digest of what makes the stored furniture: this module, and the
    models whose names and addresses it keeps."""
    return source_digest(sys.modules[__name__], people_models, topic_models)
