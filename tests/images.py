"""Real image files made with Pillow, for upload tests."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

GPS_IFD = 0x8825


def image_upload(name="photo.jpg", size=(1800, 1000), fmt="JPEG", gps=False):
    image = Image.new("RGB", size, (140, 30, 30))
    output = io.BytesIO()
    options = {}
    if gps:
        exif = Image.Exif()
        exif[0x010F] = "Camera maker"
        exif.get_ifd(GPS_IFD)[2] = (36.0, 12.0, 0.0)  # latitude of Aleppo
        options["exif"] = exif
    image.save(output, format=fmt, **options)
    return SimpleUploadedFile(name, output.getvalue(), content_type="image/jpeg")


def not_an_image(name="photo.jpg"):
    return SimpleUploadedFile(name, b"this is plain text, not a picture")


def svg_upload(name="picture.svg"):
    return SimpleUploadedFile(
        name,
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>',
        content_type="image/svg+xml",
    )
