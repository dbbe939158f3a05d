"""Uploaded images are judged by content, never by name, and re-encoded clean."""

import io
import warnings

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from PIL import Image, ImageOps

from images.renditions import make_renditions

# Formats Pillow can open that we serve, and what we write them back as.
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


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
    if image.format not in FORMATS:
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
    """A copy of the image without its metadata (EXIF location included)."""
    image = _open(file)
    image = ImageOps.exif_transpose(image)
    fmt = image.format or "PNG"
    if fmt == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    output = io.BytesIO()
    image.save(output, format=fmt, **({"quality": 88} if fmt == "JPEG" else {}))
    return SimpleUploadedFile(
        f"image.{FORMATS.get(fmt, 'png')}",
        output.getvalue(),
        content_type=Image.MIME.get(fmt, "application/octet-stream"),
    )


class CleanImageFormField(forms.ImageField):
    """Checks size and pixels first, so the editor reads why a file is refused."""

    def to_python(self, data):
        if data and hasattr(data, "size"):
            validate_image(data)
        return super().to_python(data)


class CleanImageField(models.ImageField):
    """An ImageField whose new files are validated by content and re-encoded."""

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
        file = super().pre_save(model_instance, add)
        if is_new:
            make_renditions(file)
        return file
