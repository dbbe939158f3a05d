"""Turn a finished text (plain text, Markdown, HTML or Word) into a draft piece."""

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePath

import mammoth
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
FORMATS |= {".html": "html", ".htm": "html", ".docx": "docx"}
ACCEPTED = ".txt, .md, .html or .docx"

# Word files carry pictures, which the import leaves out: they may be larger.
DOCX_MAX_BYTES = 10 * 1024 * 1024
# The text of a Word file, unpacked: a guard against a small file that unpacks huge.
DOCX_MAX_TEXT_BYTES = 20 * 1024 * 1024
# Word's own quotation styles become block quotes; headings, emphasis and lists
# come through by mammoth's defaults.
DOCX_STYLE_MAP = """
p[style-name='Quote'] => blockquote > p:fresh
p[style-name='Intense Quote'] => blockquote > p:fresh
"""

# A subheading: a short line standing alone, without closing punctuation.
SUBHEADING_MAX_WORDS = 8
CLOSING_PUNCTUATION = tuple(".!?:;,…\"'”’)")
OPENING_QUOTES = ('"', "“", "'", "‘")
CLOSING_QUOTES = ('"', "”", "'", "’")

# List items: "- ", "* " or "• " bullets, "1. " or "1) " numbers.
BULLET = re.compile(r"[-*•] +(?P<text>\S.*)")
NUMBERED = re.compile(r"\d{1,3}[.)] +(?P<text>\S.*)")
# An interview turn: a short name (at most four words, capitalised) and a colon.
TURN = re.compile(r"(?P<speaker>[^\W\d_][\w.’'-]*(?: [\w.’'-]+){0,3}): +(?P<text>\S.*)")
ALWAYS_SPEAKERS = {"Q", "A"}

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
    lists: int = 0
    mentions: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    def lines(self):
        mentions = ", ".join(self.mentions) or "none"
        return [
            *self.notes,
            f"Paragraphs: {self.paragraphs}",
            f"Subheadings: {self.subheadings}",
            f"Quotes: {self.quotes}",
            f"Lists: {self.lists}",
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
        raise ImportRefused(f"The file is binary, not text: save it as {ACCEPTED}.")
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


def _speaker(line):
    """The speaker of a line that may open an interview turn, else None."""
    turn = TURN.fullmatch(line)
    if turn and not turn["speaker"][0].islower():
        return turn["speaker"]
    return None


def _speakers(blocks):
    """Who speaks in turns: Q and A always; a name when it opens two lines or
    more, or shares a block with another turn. So one "Note: ..." stays prose."""
    seen, speakers = set(), set(ALWAYS_SPEAKERS)
    for block in blocks:
        names = [name for line in block.split("\n") if (name := _speaker(line))]
        if len(names) > 1:
            speakers.update(names)
        speakers.update(name for name in names if name in seen)
        seen.update(names)
    return speakers


def _line_kinds(block, speakers):
    """(kind, speaker, text) for each line: 'ul', 'ol', 'turn' or 'text'."""
    for line in block.split("\n"):
        if item := BULLET.fullmatch(line):
            yield "ul", None, item["text"]
        elif item := NUMBERED.fullmatch(line):
            yield "ol", None, item["text"]
        elif (speaker := _speaker(line)) in speakers:
            yield "turn", speaker, TURN.fullmatch(line)["text"]
        else:
            yield "text", None, line


def _structured(block, speakers):
    """A block with lists or turns in it, as HTML parts; None for plain prose."""
    lines = list(_line_kinds(block, speakers))
    if all(kind == "text" for kind, _, _ in lines):
        return None
    parts = []  # [kind, speaker, [texts]]: a list's items or a paragraph's lines
    for kind, speaker, text in lines:
        continues = parts and (
            (kind == parts[-1][0] and kind in ("ul", "ol"))
            or (kind == "text" and parts[-1][0] in ("turn", "text"))
        )
        if continues:
            parts[-1][2].append(text)
        else:
            parts.append([kind, speaker, [text]])
    return [_part_html(kind, speaker, texts) for kind, speaker, texts in parts]


def _part_html(kind, speaker, texts):
    if kind in ("ul", "ol"):
        items = "".join(f"<li>{escape(smarten(text))}</li>" for text in texts)
        return f"<{kind}>{items}</{kind}>"
    text = escape(smarten(" ".join(texts)))
    if kind == "turn":
        return f"<p><strong>{escape(speaker)}:</strong> {text}</p>"
    return f"<p>{text}</p>"


def _join_lists(parts):
    """Lists whose items stand in blocks of their own become one list."""
    joined = []
    for part in parts:
        kind = part[1:3]
        if (
            joined
            and kind in ("ul", "ol")
            and part.startswith(f"<{kind}>")
            and joined[-1].endswith(f"</{kind}>")
        ):
            joined[-1] = joined[-1].removesuffix(f"</{kind}>") + part[len("<ul>") :]
        else:
            joined.append(part)
    return joined


def text_to_html(text):
    """Blank lines separate paragraphs; short lone lines are subheadings;
    bulleted and numbered lines are lists; interview turns stay apart."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", _normalise_whitespace(text))]
    blocks = [b for b in blocks if b]
    speakers = _speakers(blocks)
    html = []
    for position, block in enumerate(blocks):
        between_paragraphs = 0 < position < len(blocks) - 1
        if _is_quote(block):
            lines = [re.sub(r"^>\s?", "", line) for line in block.split("\n")]
            quote = smarten(" ".join(line for line in lines if line))
            html.append(f"<blockquote><p>{escape(quote)}</p></blockquote>")
        elif structured := _structured(block, speakers):
            html.extend(structured)
        elif between_paragraphs and _is_subheading(block):
            html.append(f"<h2>{escape(smarten(block))}</h2>")
        else:
            html.append(f"<p>{escape(smarten(' '.join(block.split())))}</p>")
    return "\n".join(_join_lists(html))


def _rename_tags(html):
    def rename(match):
        slash, name, rest = match.groups()
        return f"<{slash}{TAG_RENAMES.get(name.lower(), name)}{rest}>"

    return re.sub(r"<(/?)([a-zA-Z0-9]+)([^>]*)>", rename, html)


def docx_to_html(data):
    """A Word file's headings, emphasis, lists, quotes and links, as HTML."""
    if not data:
        raise ImportRefused("The file is empty.")
    if len(data) > DOCX_MAX_BYTES:
        raise ImportRefused(
            f"The file is larger than {DOCX_MAX_BYTES // (1024 * 1024)} MB; "
            "split it or shorten it."
        )
    not_word = "The file is not a Word document (.docx); save it again from Word."
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(entry.file_size for entry in archive.infolist())
    except zipfile.BadZipFile:
        raise ImportRefused(not_word) from None
    if unpacked > DOCX_MAX_TEXT_BYTES:
        raise ImportRefused("The Word document unpacks too large to import.")
    try:
        result = mammoth.convert_to_html(
            io.BytesIO(data),
            style_map=DOCX_STYLE_MAP,
            # Pictures are not part of the body; the hero image is chosen apart.
            convert_image=mammoth.images.img_element(lambda image: {}),
        )
    # mammoth raises whatever its zip and XML readers meet in a damaged file.
    except Exception:
        raise ImportRefused(not_word) from None
    return result.value


def to_html(text, kind):
    if kind == "docx":
        html = docx_to_html(text)
    elif kind == "markdown":
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
            f"Files ending in {suffix} cannot be imported: use {ACCEPTED}."
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


def body_of(data, filename):
    """The sanitised HTML body a file makes, and a note on how it was read."""
    fmt = format_of(filename)
    if fmt == "docx":
        return to_html(data, fmt), None
    text, note = decode(data)
    return to_html(text, fmt), note


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
    body, note = body_of(data, filename)
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
        lists=len(re.findall(r"<[uo]l>", body)),
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
    body, _ = body_of(data, filename)
    headline = " ".join((headline or "").split())
    pieces = Review.objects.all() if by is None else Review.objects.visible_to(by)
    earlier = (
        pieces.filter(Q(body=body) | Q(headline__iexact=headline))
        .order_by("pk")
        .first()
    )
    if earlier is not None:
        raise AlreadyImported(earlier)
