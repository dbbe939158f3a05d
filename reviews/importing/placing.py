"""The pictures a file carries (a Word document's), put into the image library
and placed as figures where their notes stood; a picture that cannot go in
keeps its note, and the editor is told why."""

import re

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.html import escape

from images.models import LibraryImage

NUMBERED_NOTE = re.compile(
    r'<p class="image-to-add">[^<]*picture ([1-9][0-9]*) of the file\.</p>'
)
EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}


def _in_library(picture, number, by):
    """A new library image of `picture`, or the sentence saying why not."""
    what = f"Picture {number} of the file"
    if not picture.alt:
        return f"{what} has no alt text, so it did not go into the image library: its note keeps its place."
    extension = EXTENSIONS.get(picture.content_type, "bin")
    image = LibraryImage(
        file=ContentFile(picture.data, name=f"picture.{extension}"),
        alt=picture.alt[:300],
        uploaded_by=by,
    )
    try:
        image.full_clean()
    except ValidationError as error:
        reason = " ".join(error.message_dict.get("file", ["it is not an image"]))
        return f"{what} did not go into the image library ({reason}): its note keeps its place."
    image.save()
    return image


def into_library(body, pictures, by):
    """(body, what was placed, what was not): each picture of the file whose
    note the body still holds, in the library and placed as a figure."""
    placed, not_placed = [], []
    notes = {int(match.group(1)): match for match in NUMBERED_NOTE.finditer(body)}
    figures = {}
    for number, picture in enumerate(pictures, 1):
        if number not in notes:
            not_placed.append(
                f"Picture {number} of the file stood where the body holds no "
                "figure (a table cell, a heading) and was not brought in."
            )
            continue
        image = _in_library(picture, number, by)
        if isinstance(image, str):
            not_placed.append(image)
            continue
        # No alt text of its own: the figure follows the library's (figures.py).
        figures[number] = (
            f'<figure class="figure"><img src="{escape(image.file.url)}" '
            f'alt="" data-file="{image.pk}"></figure>'
        )
        placed.append(image)

    def figure_or_note(match):
        return figures.get(int(match.group(1)), match.group(0))

    return NUMBERED_NOTE.sub(figure_or_note, body), placed, not_placed
