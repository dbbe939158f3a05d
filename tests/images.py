"""Real image files made with Pillow, for upload tests."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageCms

GPS_IFD = 0x8825
ORIENTATION = 0x0112
SRGB_PROFILE = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def picture(size=(1800, 1000), grain=False):
    """A flat red picture, or with `grain` a noisy one that compresses like a photo."""
    if not grain:
        return Image.new("RGB", size, (140, 30, 30))
    return Image.merge("RGB", [Image.effect_noise(size, 40) for _ in "RGB"])


def image_upload(
    name="photo.jpg",
    size=(1800, 1000),
    fmt="JPEG",
    gps=False,
    orientation=None,
    grain=False,
    **save_options,
):
    """An upload of a real image; `save_options` go to Pillow (icc_profile=...)."""
    return image_file(
        picture(size, grain),
        name,
        fmt,
        gps=gps,
        orientation=orientation,
        **save_options,
    )


def image_file(image, name, fmt, gps=False, orientation=None, **save_options):
    exif = Image.Exif()
    if gps:
        exif[0x010F] = "Camera maker"
        exif.get_ifd(GPS_IFD)[2] = (36.0, 12.0, 0.0)  # latitude of Aleppo
    if orientation:
        exif[ORIENTATION] = orientation
    if gps or orientation:
        save_options["exif"] = exif
    output = io.BytesIO()
    image.save(output, format=fmt, **save_options)
    return SimpleUploadedFile(name, output.getvalue(), content_type=Image.MIME[fmt])


def not_an_image(name="photo.jpg"):
    return SimpleUploadedFile(name, b"this is plain text, not a picture")


def svg_upload(name="picture.svg"):
    return SimpleUploadedFile(
        name,
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>',
        content_type="image/svg+xml",
    )
