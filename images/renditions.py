"""Smaller copies of uploaded images for responsive `srcset`s, made once per upload
by a task (a worker, or the upload's own request with the immediate backend).

A page lists only renditions that are stored: until the task has made them
the original stands alone, and the page refreshes when they are made."""

import logging
from pathlib import PurePosixPath

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.tasks import task
from PIL import Image

from images.encoding import FORMATS, encode, resized
from images.pending import is_stored, waiting_for, written

logger = logging.getLogger(__name__)

WIDTHS = (400, 800, 1200, 1600)
QUALITY = 80
# How long servers trust that an image's renditions are stored before asking
# storage again.
MADE_FOR_SECONDS = 60 * 60 * 24


def rendition_name(name, width, extension):
    path = PurePosixPath(name)
    return str(path.with_name(f"{path.stem}-{width}w.{extension}"))


def widths_for(original_width):
    return [w for w in WIDTHS if w < (original_width or 0)]


def extensions_for(name):
    """The original's own format and WebP, once each: one file per width and format."""
    return list(dict.fromkeys([PurePosixPath(name).suffix.lstrip("."), "webp"]))


def _made_key(name):
    return f"renditions-made:{name}"


@task
def make_renditions(name):
    """Write the renditions of the stored image `name`. A task: the upload's
    request (or a worker) runs it; a failure leaves pages on the original."""
    try:
        write_renditions(name)
    except Exception:
        logger.exception("Could not make the renditions of %s", name)


def write_renditions(name, missing_only=False):
    """Write every smaller width of the stored image `name`, in its own format
    and in WebP (with `missing_only`, those not stored yet: a retry), and
    refresh the pages waiting for them."""
    with default_storage.open(name, "rb") as file, Image.open(file) as image:
        image.load()
    icc_profile = image.info.get("icc_profile")
    for width in widths_for(image.width):
        smaller = resized(image, (width, round(image.height * width / image.width)))
        for extension in extensions_for(name):
            rendition = rendition_name(name, width, extension)
            if missing_only and default_storage.exists(rendition):
                continue
            data = encode(
                smaller, FORMATS[extension], quality=QUALITY, icc_profile=icc_profile
            )
            default_storage.save(rendition, ContentFile(data))
    cache.set(_made_key(name), True, MADE_FOR_SECONDS)
    written(name)


def made_widths(field_file, original_width):
    """The widths of the image's renditions, if they are stored; none while the
    task has yet to make them, and the page being rendered waits for them."""
    widths = widths_for(original_width)
    if not widths or is_made(field_file, widths):
        return widths
    waiting_for(field_file.name)
    return []


def is_made(field_file, widths):
    """Whether the renditions are stored: the cache says so, or storage has the
    one the task writes last."""
    name = field_file.name
    if cache.get(_made_key(name)):
        return True
    last = rendition_name(name, widths[-1], extensions_for(name)[-1])
    if not is_stored(field_file.storage, last):
        return False
    cache.set(_made_key(name), True, MADE_FOR_SECONDS)
    return True


def srcsets(field_file, original_width):
    """`srcset` values for WebP and for the original's format, from stored renditions.

    A WebP original needs no separate WebP source: its own `srcset` is WebP.
    """
    storage, name = field_file.storage, field_file.name
    extension = PurePosixPath(name).suffix.lstrip(".")
    widths = made_widths(field_file, original_width)

    def srcset(ext):
        return [f"{storage.url(rendition_name(name, w, ext))} {w}w" for w in widths]

    original = [*srcset(extension), f"{field_file.url} {original_width}w"]
    webp = srcset("webp") if extension != "webp" else []
    return {"webp": ", ".join(webp), "original": ", ".join(original)}
