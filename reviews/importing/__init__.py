"""Turn a finished text (plain text, Markdown, HTML or Word) into a draft
piece: `reading` makes the body of each format, `building` the piece."""

from reviews.importing.building import (
    AlreadyImported,
    ImportReport,
    import_piece,
    refuse_repeat,
)
from reviews.importing.reading import ImportRefused

__all__ = [
    "AlreadyImported",
    "ImportRefused",
    "ImportReport",
    "import_piece",
    "refuse_repeat",
]
