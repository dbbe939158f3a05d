"""Turn a finished text (plain text, Markdown or HTML) into a draft piece."""

import re
from dataclasses import dataclass, field
from pathlib import PurePath

import markdown
from django.db import transaction
from django.db.models import Q
from django.utils.html import escape

from audit.models import Event, record
from films.models import Film
from people.models import Person
from reviews.models import Byline, Review, Topic
from reviews.sanitising import sanitise

MAX_BYTES = 2 * 1024 * 1024
FORMATS = {".txt": "text", ".md": "markdown", ".markdown": "markdown"}
FORMATS |= {".html": "html", ".htm": "html"}

# A subheading: a short line standing alone, without closing punctuation.
SUBHEADING_MAX_WORDS = 8
CLOSING_PUNCTUATION = tuple(".!?:;,…\"'”’)")
OPENING_QUOTES = ('"', "“", "'", "‘")
CLOSING_QUOTES = ('"', "”", "'", "’")

# Tags the design has no place for, turned into ones it has.
TAG_RENAMES = {"h1": "h2", "h4": "h3", "h5": "h3", "h6": "h3", "b": "strong"}
TAG_RENAMES |= {"i": "em"}


class ImportRefused(Exception):
    """The file cannot become a piece; the message says why, in one sentence."""


@dataclass
class ImportReport:
    piece: Review
    paragraphs: int
    subheadings: int
    quotes: int
    mentions: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    def lines(self):
        mentions = ", ".join(self.mentions) or "none"
        return [
            *self.notes,
            f"Paragraphs: {self.paragraphs}",
            f"Subheadings: {self.subheadings}",
            f"Quotes: {self.quotes}",
            f"Mentions: {mentions}",
        ]


def decode(data):
    """UTF-8 (a BOM is dropped), else Windows-1252; returns (text, note or None)."""
    if not data.strip():
        raise ImportRefused("The file is empty.")
    if len(data) > MAX_BYTES:
        raise ImportRefused(
            f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB; "
            "split it or shorten it."
        )
    if b"\x00" in data:
        raise ImportRefused(
            "The file is binary, not text: save it as .txt, .md or .html."
        )
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ImportRefused(
            "The file is neither UTF-8 nor Windows-1252 text."
        ) from None
    return text, "The file was not valid UTF-8; it was read as Windows-1252."


def _normalise_whitespace(text):
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\t", " ")
    return "\n".join(" ".join(line.split()) for line in text.split("\n"))


def smarten(text):
    """Straight quotes and apostrophes become typographic ones."""
    text = re.sub(r'(^|[\s(\[{—–-])"', "\\1“", text)
    text = text.replace('"', "”")
    text = re.sub(r"(^|[\s(\[{—–-])'", "\\1‘", text)
    return text.replace("'", "’")


def _is_subheading(block):
    lines = block.split("\n")
    words = block.split()
    return (
        len(lines) == 1
        and 0 < len(words) <= SUBHEADING_MAX_WORDS
        and not block.endswith(CLOSING_PUNCTUATION)
        and not block.startswith(OPENING_QUOTES)
    )


def _is_quote(block):
    return block.startswith(">") or (
        block.startswith(OPENING_QUOTES) and block.rstrip().endswith(CLOSING_QUOTES)
    )


def text_to_html(text):
    """Blank lines separate paragraphs; short lone lines are subheadings."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", _normalise_whitespace(text))]
    blocks = [b for b in blocks if b]
    html = []
    for position, block in enumerate(blocks):
        between_paragraphs = 0 < position < len(blocks) - 1
        if between_paragraphs and _is_subheading(block):
            html.append(f"<h2>{escape(smarten(block))}</h2>")
        elif _is_quote(block):
            lines = [re.sub(r"^>\s?", "", line) for line in block.split("\n")]
            quote = smarten(" ".join(line for line in lines if line))
            html.append(f"<blockquote><p>{escape(quote)}</p></blockquote>")
        else:
            html.append(f"<p>{escape(smarten(' '.join(block.split())))}</p>")
    return "\n".join(html)


def _rename_tags(html):
    def rename(match):
        slash, name, rest = match.groups()
        return f"<{slash}{TAG_RENAMES.get(name.lower(), name)}{rest}>"

    return re.sub(r"<(/?)([a-zA-Z0-9]+)([^>]*)>", rename, html)


def to_html(text, kind):
    if kind == "markdown":
        html = markdown.markdown(text, output_format="html")
    elif kind == "html":
        html = text
    else:
        html = text_to_html(text)
    return sanitise(_rename_tags(html))


def format_of(filename):
    suffix = PurePath(filename or "").suffix.lower()
    if not suffix:
        return "text"
    if suffix not in FORMATS:
        raise ImportRefused(
            f"Files ending in {suffix} cannot be imported: use .txt, .md or .html."
        )
    return FORMATS[suffix]


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
    fmt = format_of(filename)
    text, note = decode(data)
    body = to_html(text, fmt)
    if not body:
        raise ImportRefused("The file has no text to import.")

    piece = Review.objects.create(
        headline=headline, kind=kind, film=film, body=body, created_by=by
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
        mentions=[str(m) for m in piece.mentions.all()],
        notes=[note] if note else [],
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
    body = to_html(decode(data)[0], format_of(filename))
    headline = " ".join((headline or "").split())
    pieces = Review.objects.all() if by is None else Review.objects.visible_to(by)
    earlier = (
        pieces.filter(Q(body=body) | Q(headline__iexact=headline))
        .order_by("pk")
        .first()
    )
    if earlier is not None:
        raise AlreadyImported(earlier)
