"""Reading a file: which format it is, how its bytes decode, and the
sanitised HTML body, standfirst and list of what was left out it makes."""

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePath

import mammoth
import markdown

from reviews.importing.keeping import in_blocks, keep
from reviews.importing.plain_text import text_to_html
from reviews.sanitising import sanitise

MAX_BYTES = 2 * 1024 * 1024
FORMATS = {".txt": "text", ".md": "markdown", ".markdown": "markdown"}
FORMATS |= {".html": "html", ".htm": "html", ".docx": "docx"}
ACCEPTED = ".txt, .md, .html or .docx"

# Word files carry their pictures, which go into the image library: they may be larger.
DOCX_MAX_BYTES = 10 * 1024 * 1024
# The text of a Word file, unpacked: a guard against a small file that unpacks huge.
DOCX_MAX_TEXT_BYTES = 20 * 1024 * 1024
# Word's own quotation styles become block quotes; headings, emphasis and lists
# come through by mammoth's defaults.
# Word's title is the article's own heading, its subtitle or a "Standfirst"
# paragraph the standfirst (reviews/importing/keeping.py).
DOCX_STYLE_MAP = """
p[style-name='Quote'] => blockquote > p:fresh
p[style-name='Intense Quote'] => blockquote > p:fresh
p[style-name='Title'] => h1:fresh
p[style-name='Subtitle'] => p.standfirst:fresh
p[style-name='Standfirst'] => p.standfirst:fresh
"""

# Tags the design has no place for, turned into ones it has.
TAG_RENAMES = {"h1": "h2", "h4": "h3", "h5": "h3", "h6": "h3", "b": "strong"}
TAG_RENAMES |= {"i": "em"}


class ImportRefused(Exception):
    """The file cannot become a piece; the message says why, in one sentence."""


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


def _rename_tags(html):
    def rename(match):
        slash, name, rest = match.groups()
        return f"<{slash}{TAG_RENAMES.get(name.lower(), name)}{rest}>"

    return re.sub(r"<(/?)([a-zA-Z0-9]+)([^>]*)>", rename, html)


@dataclass
class Picture:
    """A picture a Word file carries, in the order the file shows them."""

    data: bytes
    alt: str
    content_type: str


def docx_to_html(data, pictures):
    """A Word file's headings, emphasis, lists, quotes and links, as HTML; its
    pictures go to `pictures`, each leaving an <img> where it stood."""
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
            convert_image=mammoth.images.img_element(
                lambda image: _kept_picture(image, pictures)
            ),
        )
    # mammoth raises whatever its zip and XML readers meet in a damaged file.
    except Exception:
        raise ImportRefused(not_word) from None
    return result.value


def _kept_picture(image, pictures):
    with image.open() as file:
        alt = " ".join((image.alt_text or "").split())
        pictures.append(Picture(file.read(), alt, image.content_type or ""))
    # No address: keeping.py leaves a numbered note where it stood, which the
    # import makes a figure once the picture is in the library (placing.py).
    return {"alt": alt, "data-picture": str(len(pictures))}


def to_html(text, kind, pictures):
    """The HTML a file's text makes, before anything is left out."""
    if kind == "docx":
        return docx_to_html(text, pictures)
    if kind == "markdown":
        return markdown.markdown(
            text, extensions=["tables", "footnotes"], output_format="html"
        )
    if kind == "html":
        return text
    return text_to_html(text)


def format_of(filename):
    suffix = PurePath(filename or "").suffix.lower()
    if not suffix:
        return "text"
    if suffix not in FORMATS:
        raise ImportRefused(
            f"Files ending in {suffix} cannot be imported: use {ACCEPTED}."
        )
    return FORMATS[suffix]


@dataclass
class Reading:
    """What a file makes: the sanitised body, the standfirst it marks, how it
    was read (`notes`) and what it could not keep (`left_out`), a sentence
    each, and the pictures it carries, one a note in the body."""

    body: str
    standfirst: str = ""
    notes: list = field(default_factory=list)
    left_out: list = field(default_factory=list)
    pictures: list = field(default_factory=list)


def read(data, filename, headline):
    fmt = format_of(filename)
    note = None
    pictures = []
    if fmt == "docx":
        html = to_html(data, fmt, pictures)
    else:
        text, note = decode(data)
        html = to_html(text, fmt, pictures)
    kept = keep(html, headline, at_hand=len(pictures))
    body = sanitise(in_blocks(sanitise(_rename_tags(kept.html))))
    notes = [note] if note else []
    return Reading(body, kept.standfirst, notes, kept.left_out, pictures)
