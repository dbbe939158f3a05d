"""What a shared link shows: an uploaded image, or a card drawn for the page."""

from dataclasses import dataclass
from pathlib import PurePosixPath

from images.renditions import made_widths, rendition_name

# Large enough for every network's big preview, small enough for their size limits.
SHARE_WIDTH = 1200


@dataclass(frozen=True)
class ShareImage:
    url: str
    width: int
    height: int
    alt: str


def uploaded_image(field_file, width, height, alt):
    """The upload itself, or its 1200-pixel rendition when it is wider than that
    and the rendition is stored."""
    if SHARE_WIDTH not in made_widths(field_file, width):
        return ShareImage(field_file.url, width, height, alt)
    extension = PurePosixPath(field_file.name).suffix.lstrip(".")
    name = rendition_name(field_file.name, SHARE_WIDTH, extension)
    # The same rounding as make_renditions, so the stated height is the real one.
    return ShareImage(
        field_file.storage.url(name),
        SHARE_WIDTH,
        round(height * SHARE_WIDTH / width),
        alt,
    )
