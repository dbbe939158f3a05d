"""Building a draft piece from a file's body: its headline, film, author and
topics, the audit event, and the report of what it contains."""

import re
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q

from audit.models import Event, record
from films.models import Film
from people.models import Person
from reviews.importing.placing import into_library
from reviews.importing.reading import ImportRefused, read
from reviews.models import Byline, Review, Topic


@dataclass
class ImportReport:
    piece: Review
    paragraphs: int
    subheadings: int
    quotes: int
    lists: int = 0
    mentions: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    left_out: list = field(default_factory=list)

    def lines(self):
        mentions = ", ".join(self.mentions) or "none"
        return [
            *self.notes,
            f"Standfirst: {'from the file' if self.piece.standfirst else 'none'}",
            f"Paragraphs: {self.paragraphs}",
            f"Subheadings: {self.subheadings}",
            f"Quotes: {self.quotes}",
            f"Lists: {self.lists}",
            f"Mentions: {mentions}",
            *(f"Not kept: {sentence}" for sentence in self.left_out),
        ]


def _may_add(by, permission):
    """The command (no user) is the operator; people at the desk need the permission."""
    return by is None or by.has_perm(permission)


def _author(name, by):
    name = " ".join(name.split())
    existing = Person.objects.matching_name(name).first()
    if existing:
        return existing
    if not _may_add(by, "people.add_person"):
        raise ImportRefused(
            f"Nobody called “{name}” is in the film world yet, and adding people is "
            "for editors: choose an existing name, or leave the author empty and ask "
            "an editor."
        )
    return Person.objects.create(name=name)


def _topics(names, by):
    names = [" ".join(name.split()) for name in names if name.strip()]
    existing = {topic.name.casefold(): topic for topic in Topic.objects.all()}
    missing = [name for name in names if name.casefold() not in existing]
    if missing and not _may_add(by, "reviews.add_topic"):
        raise ImportRefused(
            f"There is no topic “{missing[0]}”, and adding topics is for editors: "
            "choose existing topics, or leave them empty."
        )
    return [
        existing.get(name.casefold()) or Topic.objects.get_or_create(name=name)[0]
        for name in names
    ]


def _placed_pictures(reading, by):
    """The body with the file's pictures in the library, for those who may add
    to it; (body, the images placed, a sentence for each picture not placed)."""
    if reading.pictures and not _may_add(by, "images.add_libraryimage"):
        return (
            reading.body,
            [],
            [
                "The file's pictures did not go into the image library, which is "
                "for writers and editors: their notes keep their places."
            ],
        )
    return into_library(reading.body, reading.pictures, by)


@transaction.atomic
def import_piece(
    data,
    *,
    headline,
    filename="",
    film_slug="",
    author="",
    kind=Review.Kind.REVIEW,
    topics=(),
    by=None,
):
    """Create a draft from `data` (bytes) and report what it contains."""
    headline = " ".join((headline or "").split())
    if not headline:
        raise ImportRefused("Give the piece a headline.")
    if kind not in Review.Kind.values:
        raise ImportRefused(
            f"“{kind}” is not a kind of piece: use one of "
            f"{', '.join(Review.Kind.values)}."
        )
    film = None
    if film_slug:
        film = Film.objects.filter(slug=film_slug).first()
        if film is None:
            raise ImportRefused(f"There is no film with the slug “{film_slug}”.")
    reading = read(data, filename, headline)
    if not reading.body:
        raise ImportRefused("The file has no text to import.")
    body, placed, not_placed = _placed_pictures(reading, by)
    left_out = [*reading.left_out, *not_placed]

    piece = Review.objects.create(
        headline=headline,
        kind=kind,
        film=film,
        standfirst=reading.standfirst,
        body=body,
        left_out_on_import="\n".join(left_out),
        created_by=by,
    )
    if author.strip():
        Byline.objects.create(review=piece, person=_author(author, by))
    piece.topics.set(_topics(topics, by))
    record(
        Event.Action.IMPORTED,
        piece,
        by=by,
        message=f"Imported from {filename or 'pasted text'}"
        + (f" by {by}" if by else " by the import_piece command"),
    )
    return ImportReport(
        piece=piece,
        paragraphs=len(re.findall(r"(?<!<blockquote>)<p>", body)),
        subheadings=len(re.findall(r"<h[23]>", body)),
        quotes=body.count("<blockquote>"),
        lists=len(re.findall(r"<[uo]l>", body)),
        mentions=[str(m) for m in piece.mentions.all()],
        notes=[
            *reading.notes,
            *(
                [
                    f"Pictures: {len(placed)} put in the image library; give each "
                    "its credit and licence there before the piece is published"
                ]
                if placed
                else []
            ),
        ],
        left_out=left_out,
    )


class AlreadyImported(ImportRefused):
    """A piece has this text or this headline already; `piece` is the first of them."""

    def __init__(self, piece):
        self.piece = piece
        super().__init__(f"“{piece}” has this text or this headline already.")


def refuse_repeat(data, *, headline, filename="", by=None):
    """Raise AlreadyImported if a piece `by` may see has this body or headline.

    Importing the same file twice would otherwise make a second piece, "…-2".
    """
    headline = " ".join((headline or "").split())
    body = read(data, filename, headline).body
    pieces = Review.objects.all() if by is None else Review.objects.visible_to(by)
    earlier = (
        pieces.filter(Q(body=body) | Q(headline__iexact=headline))
        .order_by("pk")
        .first()
    )
    if earlier is not None:
        raise AlreadyImported(earlier)
