"""Writing images for the web: each format its settings, no metadata but colour."""

import io

from PIL import Image

# The formats we serve, and the extension each is stored under.
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
FORMATS = {extension: fmt for fmt, extension in EXTENSIONS.items()}


def resized(image, size):
    """`image` at `size`, smoothly (Pillow resizes palette images by nearest pixel)."""
    if image.mode in ("1", "P"):
        image = image.convert("RGBA" if image.has_transparency_data else "RGB")
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def encode(image, fmt, *, quality, lossless=False, icc_profile=None):
    """The bytes of `image` in `fmt`, with its colour profile and no other metadata."""
    if fmt == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    if fmt == "WEBP" and image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if image.has_transparency_data else "RGB")
    # A grey or CMYK profile (bytes 16-20 of its header) does not describe RGB pixels.
    space = b"GRAY" if Image.getmodebase(image.mode) == "L" else b"RGB "
    if icc_profile and icc_profile[16:20] != space:
        icc_profile = None
    if fmt == "JPEG":
        # An empty comment, or Pillow copies the one the source carried.
        options = {
            "quality": quality,
            "optimize": True,
            "progressive": True,
            "comment": b"",
        }
    elif fmt == "WEBP":
        options = {"lossless": True} if lossless else {"quality": quality}
    else:
        options = {"optimize": True}
    output = io.BytesIO()
    image.save(output, format=fmt, icc_profile=icc_profile, **options)
    return output.getvalue()
