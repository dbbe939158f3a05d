"""Uploaded images are judged by content, never by name, and re-encoded clean."""

import io
import warnings

from django import forms
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.db.models.fields.files import FileDescriptor, ImageFileDescriptor
from PIL import Image, ImageOps

from images.encoding import EXTENSIONS, encode, resized
from images.renditions import make_renditions

# JPEG and lossy WebP originals are written back at this quality.
QUALITY = 85


def _open(file):
    file.seek(0)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        image = Image.open(file)
        image.verify()
    file.seek(0)
    return Image.open(file)


def validate_image(file):
    """Raise ValidationError unless `file` is a real image within the limits."""
    limit = settings.IMAGE_UPLOAD_MAX_BYTES
    if file.size > limit:
        raise ValidationError(
            f"This file is larger than {limit // (1024 * 1024)} MB: "
            "upload a smaller image.",
            code="too_large",
        )
    try:
        image = _open(file)
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise ValidationError(
            "This image has too many pixels to be processed safely.",
            code="too_many_pixels",
        ) from None
    except Exception:
        raise ValidationError(
            "This file is not an image we can read (JPEG, PNG or WebP), "
            "or it is damaged.",
            code="invalid_image",
        ) from None
    if image.format not in EXTENSIONS:
        raise ValidationError(
            "Upload a JPEG, PNG or WebP image.", code="unsupported_format"
        )
    file.seek(0)  # the next reader starts from the top
    if image.width * image.height > settings.IMAGE_MAX_PIXELS:
        raise ValidationError(
            "This image has too many pixels to be processed safely.",
            code="too_many_pixels",
        )


def reencode(file):
    """A copy of the image in its own format, upright, within the stored-size limits,
    without metadata (EXIF location included) except its colour profile."""
    image = _open(file)
    fmt = image.format
    limit = settings.IMAGE_MAX_DIMENSION
    # A large JPEG can be decoded at a half, quarter or eighth of its size.
    image.draft(None, _within(image.size, limit))
    icc_profile = image.info.get("icc_profile")
    ImageOps.exif_transpose(image, in_place=True)  # decodes the pixels
    lossless = fmt == "WEBP" and _is_lossless_webp(file)
    if max(image.size) > limit:
        image = resized(image, _within(image.size, limit))
    while True:
        data = encode(
            image, fmt, quality=QUALITY, lossless=lossless, icc_profile=icc_profile
        )
        if len(data) <= settings.IMAGE_STORED_MAX_BYTES or max(image.size) == 1:
            break
        # Bytes follow the pixel count: shrink the area by the overshoot, and some.
        scale = 0.9 * (settings.IMAGE_STORED_MAX_BYTES / len(data)) ** 0.5
        image = resized(image, _within(image.size, max(image.size) * scale))
    return SimpleUploadedFile(
        f"image.{EXTENSIONS[fmt]}", data, content_type=Image.MIME[fmt]
    )


def _within(size, longest):
    """`size` scaled down so that its longest side is at most `longest`."""
    scale = min(1, longest / max(size))
    return tuple(max(1, round(side * scale)) for side in size)


def _is_lossless_webp(file):
    """Whether a WebP file holds a lossless (VP8L) picture; Pillow does not say."""
    file.seek(12)  # past the RIFF header, to the first chunk
    while len(header := file.read(8)) == 8:
        chunk, size = header[:4], int.from_bytes(header[4:], "little")
        if chunk in (b"VP8 ", b"VP8L"):
            return chunk == b"VP8L"
        file.seek(size + size % 2, io.SEEK_CUR)  # chunks are padded to even sizes
    return False


class CleanImageFormField(forms.ImageField):
    """Checks size and pixels first, so the editor reads why a file is refused."""

    def to_python(self, data):
        if data and hasattr(data, "size"):
            validate_image(data)
        return super().to_python(data)


class StoredDimensionsDescriptor(ImageFileDescriptor):
    """Setting the file a field already holds (every admin save, every refresh)
    keeps the stored width and height: Django would read them again from the
    file, which from a bucket means downloading the whole picture."""

    def __set__(self, instance, value):
        previous = instance.__dict__.get(self.field.attname)
        same = previous is not None and getattr(value, "_committed", False)
        if same and value == previous:
            FileDescriptor.__set__(self, instance, value)
        else:
            super().__set__(instance, value)


class CleanImageField(models.ImageField):
    """An ImageField whose new files are validated by content and re-encoded."""

    descriptor_class = StoredDimensionsDescriptor

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": CleanImageFormField, **kwargs})

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if value and not value._committed:
            validate_image(value.file)

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        is_new = bool(file) and not file._committed
        if is_new:
            file.file = reencode(file.file)
            # Stored under its real format's extension, never the uploader's.
            file.name = file.file.name
        file = super().pre_save(model_instance, add)
        if is_new:
            # Queued in the same transaction as the row (database backend): a
            # worker makes them once the upload is committed, never for a rollback.
            make_renditions.enqueue(file.name)
        return file


def uploaded_images():
    """(file, width) of every image stored in a CleanImageField, in every model."""
    for model in apps.get_models():
        for field in model._meta.fields:
            if not isinstance(field, CleanImageField):
                continue
            if not field.width_field:  # no width: no srcset, no renditions
                continue
            rows = model._default_manager.exclude(**{field.name: ""}).order_by("pk")
            for row in rows.only("pk", field.name, field.width_field).iterator():
                yield getattr(row, field.name), getattr(row, field.width_field)
