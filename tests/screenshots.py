"""Screenshots held against committed baselines (tests/e2e/test_look.py).

`make screenshots` writes the baselines (UPDATE_SCREENSHOTS=1); otherwise a
screenshot that differs from its baseline by more than TOLERATED_PIXELS leaves
the actual image and a difference image in FAILURES for a person to look at.
"""

import io
import os
from pathlib import Path

from PIL import Image, ImageChops

ROOT = Path(__file__).resolve().parent.parent
BASELINES = Path(__file__).resolve().parent / "e2e" / "baselines"
FAILURES = ROOT / "var" / "screenshots"

# A pixel differs when one of its channels moves by more than this (of 255):
# anti-aliasing that moves by a shade is not a change anyone would see.
CHANNEL_THRESHOLD = 24
TOLERATED_PIXELS = 200


def updating():
    return os.environ.get("UPDATE_SCREENSHOTS") == "1"


def differing_pixels(actual, baseline):
    """The mask (mode "L", 255 where changed) of the pixels where the images
    differ, over the area of both: what only one of them covers has changed."""
    size = (max(actual.width, baseline.width), max(actual.height, baseline.height))
    actual, baseline = (_on_canvas(image, size) for image in (actual, baseline))
    channels = ImageChops.difference(actual, baseline).split()
    changed = [
        channel.point(lambda value: 255 if value > CHANNEL_THRESHOLD else 0)
        for channel in channels
    ]
    return ImageChops.lighter(ImageChops.lighter(changed[0], changed[1]), changed[2])


def _on_canvas(image, size):
    canvas = Image.new("RGB", size, (255, 0, 255))
    canvas.paste(image.convert("RGB"))
    return canvas


def difference_image(actual, mask):
    """The actual image faded, with the pixels that changed in solid red."""
    faded = Image.blend(
        _on_canvas(actual, mask.size), Image.new("RGB", mask.size, "white"), 0.7
    )
    faded.paste((255, 0, 0), mask=mask)
    return faded


def check(name, png):
    """Hold the PNG bytes against the baseline called `name`; return a sentence
    saying what is wrong, or None when it matches (or was written anew)."""
    baseline_path = BASELINES / f"{name}.png"
    actual = Image.open(io.BytesIO(png))
    if updating():
        BASELINES.mkdir(parents=True, exist_ok=True)
        actual.save(baseline_path, optimize=True)
        return None
    if not baseline_path.exists():
        return f"{name}: no baseline (run make screenshots and commit it)"
    baseline = Image.open(baseline_path)
    mask = differing_pixels(actual, baseline)
    changed = mask.histogram()[255]
    if actual.size == baseline.size and changed <= TOLERATED_PIXELS:
        return None
    FAILURES.mkdir(parents=True, exist_ok=True)
    actual.save(FAILURES / f"{name}.actual.png")
    difference_image(actual, mask).save(FAILURES / f"{name}.difference.png")
    sizes = (
        ""
        if actual.size == baseline.size
        else f", {actual.size} against {baseline.size}"
    )
    return f"{name}: {changed} pixels differ (at most {TOLERATED_PIXELS} may){sizes}"
