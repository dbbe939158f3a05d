"""Smaller copies of uploaded images for responsive `srcset`s, made once at upload."""

import io
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from PIL import Image

WIDTHS = (400, 800, 1200, 1600)
WEBP_QUALITY = 80


def rendition_name(name, width, extension):
    path = PurePosixPath(name)
    return str(path.with_name(f"{path.stem}-{width}w.{extension}"))


def widths_for(original_width):
    return [w for w in WIDTHS if w < (original_width or 0)]


def make_renditions(field_file):
    """Write every smaller width of the image, in its own format and in WebP."""
    storage = field_file.storage
    field_file.open("rb")
    with Image.open(field_file) as image:
        image.load()
    field_file.close()
    extension = PurePosixPath(field_file.name).suffix.lstrip(".")
    for width in widths_for(image.width):
        height = round(image.height * width / image.width)
        resized = image.resize((width, height), Image.Resampling.LANCZOS)
        for fmt, ext in ((image.format, extension), ("WEBP", "webp")):
            output = io.BytesIO()
            copy = resized.convert("RGB") if fmt == "JPEG" else resized
            copy.save(output, format=fmt, quality=WEBP_QUALITY)
            storage.save(
                rendition_name(field_file.name, width, ext),
                ContentFile(output.getvalue()),
            )


def srcsets(field_file, original_width):
    """`srcset` values for the original format and for WebP, from stored renditions."""
    storage, name = field_file.storage, field_file.name
    extension = PurePosixPath(name).suffix.lstrip(".")
    widths = widths_for(original_width)

    def srcset(ext):
        entries = [f"{storage.url(rendition_name(name, w, ext))} {w}w" for w in widths]
        if ext == extension:
            entries.append(f"{field_file.url} {original_width}w")
        return ", ".join(entries)

    return {"webp": srcset("webp") if widths else "", "original": srcset(extension)}
