"""Every icon the site declares, made from one source: static/icons/favicon.svg.

Chromium draws the SVG at 512 pixels (Pillow cannot read SVG, and Chromium is
already there for the browser tests); Pillow makes the smaller sizes from that.
Run it (`make icons`) after changing the SVG, and commit what it writes.
"""

import shutil
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from PIL import Image

SOURCE = "favicon.svg"
MASTER = 512
# name: (size, opaque). Apple's home screen fills transparent corners with
# black, so its icon is laid on the tile's own colour.
PNGS = {
    "icon-512.png": (512, False),
    "icon-192.png": (192, False),
    "apple-touch-icon.png": (180, True),
}
ICO_SIZES = [(16, 16), (32, 32), (48, 48)]


class Command(BaseCommand):
    help = "Make favicon.ico and the PNG icons from static/icons/favicon.svg."

    def add_arguments(self, parser):
        parser.add_argument(
            "--folder",
            type=Path,
            default=Path(settings.BASE_DIR) / "static" / "icons",
            help="Where the SVG is and the icons go (default: static/icons).",
        )

    def handle(self, *args, folder, **options):
        source = folder / SOURCE
        if not source.is_file():
            raise CommandError(f"There is no {source} to make the icons from.")
        master = self.rasterise(source)
        for name, (size, opaque) in PNGS.items():
            icon = master.resize((size, size), Image.Resampling.LANCZOS)
            if opaque:
                tile = Image.new("RGBA", icon.size, master.getpixel((MASTER // 2, 8)))
                icon = Image.alpha_composite(tile, icon).convert("RGB")
            icon.save(folder / name, optimize=True)
        master.save(folder / "favicon.ico", sizes=ICO_SIZES)
        written = [*PNGS, "favicon.ico"]
        self.stdout.write(f"Wrote {', '.join(written)} in {folder}.")

    def rasterise(self, source):
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        if chromium is None:
            raise CommandError(
                "Chromium is needed to draw the SVG: install it "
                "(Debian: sudo apt-get install chromium, or `make browser`)."
            )
        with tempfile.TemporaryDirectory() as scratch:
            picture = Path(scratch) / "icon.png"
            subprocess.run(  # noqa: S603 - our own arguments, no shell
                [
                    chromium,
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--hide-scrollbars",
                    f"--user-data-dir={scratch}/profile",
                    "--default-background-color=00000000",
                    f"--window-size={MASTER},{MASTER}",
                    f"--screenshot={picture}",
                    source.resolve().as_uri(),
                ],
                check=True,
                capture_output=True,
                timeout=60,
            )
            with Image.open(picture) as drawn:
                return drawn.convert("RGBA")
