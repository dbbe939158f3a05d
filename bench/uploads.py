"""What one large photo upload costs: a 6000 x 6000 JPEG through the upload path.

    .venv/bin/python -m bench.uploads

The photo goes through a model form of the portrait field, as the admin's form
does: validation (form field and model field), then the save, which re-encodes
the original, stores it and writes the renditions. It runs on a throwaway
SQLite database and media folder, and prints the time of each step and the
bytes stored.
"""

import io
import os
import shutil
import tempfile
import time
from pathlib import Path

import django

WORK = Path(tempfile.mkdtemp(prefix="filmdesk-bench-uploads-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "true")
os.environ["DATABASE_URL"] = f"sqlite:///{WORK / 'bench.sqlite3'}"
os.environ["MEDIA_ROOT"] = str(WORK / "media")
django.setup()

from django.core.files.uploadedfile import TemporaryUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.forms import modelform_factory  # noqa: E402
from PIL import Image  # noqa: E402

from people.models import Person  # noqa: E402

SIDE = 6000


def photo_bytes(side=SIDE):
    """A photo-like JPEG: gradients under grain, which compresses like a real photo."""
    gradient = Image.linear_gradient("L").resize((side, side))
    channels = [
        Image.blend(gradient.rotate(angle), Image.effect_noise((side, side), 17), 0.5)
        for angle in (0, 90, 45)
    ]
    output = io.BytesIO()
    Image.merge("RGB", channels).save(output, format="JPEG", quality=95)
    return output.getvalue()


def upload(data):
    file = TemporaryUploadedFile("photo.jpg", "image/jpeg", len(data), None)
    file.write(data)
    file.seek(0)
    return file


def describe(storage, name):
    with storage.open(name) as file, Image.open(file) as image:
        return f"{image.format} {image.width}x{image.height}"


def seconds(start, end):
    """Wall-clock and CPU seconds between two (perf_counter, process_time) pairs."""
    return f"{end[0] - start[0]:,.2f} s ({end[1] - start[1]:,.2f} s CPU)"


def main():
    call_command("migrate", verbosity=0)
    data = photo_bytes()
    PortraitForm = modelform_factory(
        Person, fields=["name", "portrait", "portrait_alt"]
    )
    form = PortraitForm(
        {"name": "Khaled Omar Harrah", "portrait_alt": "A rescuer"},
        {"portrait": upload(data)},
    )

    started = time.perf_counter(), time.process_time()
    valid = form.is_valid()
    validated = time.perf_counter(), time.process_time()
    if not valid:
        raise SystemExit(f"the form refused the photo: {form.errors.as_text()}")
    person = form.save()
    saved = time.perf_counter(), time.process_time()

    portrait = person.portrait
    storage = portrait.storage
    folder, _ = os.path.split(portrait.name)
    renditions = [
        f"{folder}/{name}"
        for name in storage.listdir(folder)[1]
        if f"{folder}/{name}" != portrait.name
    ]
    rendition_bytes = sum(storage.size(name) for name in renditions)

    print(f"upload:           {len(data) / 1e6:,.1f} MB JPEG, {SIDE}x{SIDE}")
    print(
        f"stored original:  {storage.size(portrait.name) / 1e6:,.1f} MB, "
        f"{describe(storage, portrait.name)}, named {Path(portrait.name).suffix}"
    )
    print(f"renditions:       {len(renditions)} files, {rendition_bytes / 1e6:,.2f} MB")
    print(f"validate:         {seconds(started, validated)}")
    print(
        f"save:             {seconds(validated, saved)} (re-encode, store, renditions)"
    )
    print(f"total:            {seconds(started, saved)}")


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(WORK)
