"""Smaller copies of uploaded images for responsive `srcset`s, made once per upload
by a task (a worker, or the upload's own request with the immediate backend)."""

from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.tasks import task
from PIL import Image

from images.encoding import FORMATS, encode, resized

WIDTHS = (400, 800, 1200, 1600)
QUALITY = 80


def rendition_name(name, width, extension):
    path = PurePosixPath(name)
    return str(path.with_name(f"{path.stem}-{width}w.{extension}"))


def widths_for(original_width):
    return [w for w in WIDTHS if w < (original_width or 0)]


def extensions_for(name):
    """The original's own format and WebP, once each: one file per width and format."""
    return list(dict.fromkeys([PurePosixPath(name).suffix.lstrip("."), "webp"]))


@task
def make_renditions(name):
    """Write every smaller width of the stored image `name`, in its own format and
    in WebP. A task: the upload's request (or a worker) runs it."""
    with default_storage.open(name, "rb") as file, Image.open(file) as image:
        image.load()
    icc_profile = image.info.get("icc_profile")
    for width in widths_for(image.width):
        smaller = resized(image, (width, round(image.height * width / image.width)))
        for extension in extensions_for(name):
            data = encode(
                smaller, FORMATS[extension], quality=QUALITY, icc_profile=icc_profile
            )
            default_storage.save(
                rendition_name(name, width, extension), ContentFile(data)
            )


def srcsets(field_file, original_width):
    """`srcset` values for WebP and for the original's format, from stored renditions.

    A WebP original needs no separate WebP source: its own `srcset` is WebP.
    """
    storage, name = field_file.storage, field_file.name
    extension = PurePosixPath(name).suffix.lstrip(".")
    widths = widths_for(original_width)

    def srcset(ext):
        return [f"{storage.url(rendition_name(name, w, ext))} {w}w" for w in widths]

    original = [*srcset(extension), f"{field_file.url} {original_width}w"]
    webp = srcset("webp") if extension != "webp" else []
    return {"webp": ", ".join(webp), "original": ", ".join(original)}
