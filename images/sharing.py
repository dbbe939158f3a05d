"""What a shared link shows, and what a card in a list shows: an uploaded
image, or a card drawn for the page."""

from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.files.storage import Storage, default_storage

from images.renditions import made_widths, rendition_name

# Large enough for every network's big preview, small enough for their size limits.
SHARE_WIDTH = 1200


@dataclass(frozen=True)
class StoredFile:
    """A file in storage that no model field holds (a drawn card), with what
    renditions need of a field's file."""

    name: str
    storage: Storage = default_storage

    @property
    def url(self):
        return self.storage.url(self.name)


@dataclass(frozen=True)
class ShareImage:
    url: str
    width: int
    height: int
    alt: str
    # The stored file it comes from and that file's width, so that a page can
    # offer its renditions (`srcset`); None for the stand-in of an undrawn card.
    original: object = None
    original_width: int = None
    # Drawn text (a card), which says nothing its page's text does not.
    drawn: bool = False


def uploaded_image(field_file, width, height, alt):
    """The upload itself, or its 1200-pixel rendition when it is wider than that
    and the rendition is stored."""
    kept = {"original": field_file, "original_width": width}
    if SHARE_WIDTH not in made_widths(field_file, width):
        return ShareImage(field_file.url, width, height, alt, **kept)
    extension = PurePosixPath(field_file.name).suffix.lstrip(".")
    name = rendition_name(field_file.name, SHARE_WIDTH, extension)
    # The same rounding as make_renditions, so the stated height is the real one.
    return ShareImage(
        field_file.storage.url(name),
        SHARE_WIDTH,
        round(height * SHARE_WIDTH / width),
        alt,
        **kept,
    )
