"""Lighthouse 12.2.3 on nine public pages, served as deployed: seven page kinds
of the demo, its feature with a table and notes, and a piece with every body
block (made beside the demo when its page is chosen).

    make lighthouse

It loads the demo into a throwaway SQLite database and media folder under
var/lighthouse/, collects the static files, starts gunicorn with production
settings (config/gunicorn.py) and nginx in front of it with deploy/nginx.conf
(which serves /static/ and /media/) on free loopback ports, then runs npm's
Lighthouse with Debian's Chromium on each page at mobile and desktop settings,
in the light and the dark colour scheme. It prints the four scores of every
run (each run's report is kept in var/lighthouse/reports/) and exits 1 if accessibility, best practices or SEO is under 100 in any;
performance, which the machine's load moves, is printed and not judged.

LIGHTHOUSE_PAGES (names, comma-separated) and LIGHTHOUSE_SCHEMES ("light",
"dark" or both) narrow a run.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path
from types import SimpleNamespace

from bench.load import free_port, production_environment, start_gunicorn, stop
from tests.services import Nginx

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "var" / "lighthouse"
LIGHTHOUSE = WORK / "node_modules" / ".bin" / "lighthouse"
REPORTS = WORK / "reports"
CHROMIUM = "/usr/bin/chromium"
PAGES = {
    "home": "/",
    "archive": "/reviews/",
    "piece": "/reviews/last-men-in-aleppo-review/",
    "film": "/films/last-men-in-aleppo-2017/",
    "film index": "/films/",
    "person": "/people/feras-fayyad/",
    "award hub": "/awards/sundance-world-cinema-grand-jury-prize-documentary/",
    # A feature with a table, footnotes and a quote with its source.
    "feature": "/reviews/from-park-city-to-the-oscars/",
    # Beside the demo, a piece with every body block (`BLOCKS_PIECE`).
    "blocks": "/reviews/every-body-block/",
}
# The piece of the "blocks" page, made in the throwaway database when that page
# is chosen: a table, footnotes, quotes, videos and a figure of a library image
# (the demo's checked facts have neither a video nor a picture).
BLOCKS_PIECE = r"""
import io
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image
from images.models import LibraryImage
from reviews.models import Review
from tests.reviews.test_body_blocks import QUOTED, VIDEOS, WRITTEN

grain = Image.merge("RGB", [Image.effect_noise((1600, 900), 40) for _ in "RGB"])
data = io.BytesIO()
grain.save(data, "JPEG", quality=85)
still = LibraryImage.objects.create(
    file=SimpleUploadedFile("still.jpg", data.getvalue(), "image/jpeg"),
    alt="Grain like a night sky", credit="Filmdesk", licence="Our own",
)
figure = (
    f'<figure class="figure"><img src="{still.file.url}" alt="" '
    f'data-file="{still.pk}"><figcaption>Aleppo, <em>2016</em>.</figcaption></figure>'
)
now = timezone.now()
Review.objects.create(
    headline="Every body block", slug="every-body-block", kind="feature",
    standfirst="A table, notes, quotes, videos and a figure.",
    body=WRITTEN + QUOTED + VIDEOS + figure,
    status="published", publish_at=now, first_published_at=now,
)
"""
SETTINGS = ("mobile", "desktop")
JUDGED = ("accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"
# Chromium's own switch for prefers-color-scheme: dark.
DARK = "--force-dark-mode"


def chosen(variable, known):
    names = [name.strip() for name in os.environ.get(variable, "").split(",")]
    names = [name for name in names if name]
    unknown = set(names) - set(known)
    if unknown:
        raise SystemExit(
            f"{variable}: no such choice {sorted(unknown)}; one of {known}"
        )
    return names or list(known)


def prepare(site_dir, env, pages):
    """The demo and the static files, as `make serve` has them."""
    commands = [
        ["migrate", "--noinput", "--verbosity", "0"],
        ["collectstatic", "--noinput", "--verbosity", "0"],
        ["seed_demo"],
    ]
    if "blocks" in pages:
        commands.append(["shell", "--no-imports", "--command", BLOCKS_PIECE])
    for command in commands:
        subprocess.run(  # noqa: S603 - our own arguments, no shell
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )


def scores(url, setting, scheme, report):
    """{category: score out of 100} of one Lighthouse run, and the audits that
    cost points in a judged category."""
    flags = CHROME_FLAGS + (f" {DARK}" if scheme == "dark" else "")
    command = [str(LIGHTHOUSE), url, "--quiet", f"--chrome-flags={flags}"]
    command += ["--output=json", f"--output-path={report}"]
    if setting == "desktop":
        command.append("--preset=desktop")
    # Chromium now and then loses its page under load: one more try, then say why.
    for attempt in (1, 2):
        run = subprocess.run(  # noqa: S603 - our own arguments, no shell
            command,
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            capture_output=True,
            text=True,
            timeout=180,
        )
        if run.returncode == 0:
            break
        if attempt == 2:
            raise SystemExit(f"Lighthouse failed on {url}:\n{run.stderr[-2000:]}")
    result = json.loads(report.read_text())
    categories = result["categories"]
    failed = [
        f"{name}: {reference['id']}"
        for name in JUDGED
        for reference in categories[name]["auditRefs"]
        if reference["weight"]
        and result["audits"][reference["id"]]["score"] not in (1, None)
    ]
    got = {
        name: round(category["score"] * 100) for name, category in categories.items()
    }
    return got, failed


def main():
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: `make lighthouse` installs it.")
    pages = chosen("LIGHTHOUSE_PAGES", list(PAGES))
    schemes = chosen("LIGHTHOUSE_SCHEMES", ["light", "dark"])
    REPORTS.mkdir(parents=True, exist_ok=True)
    site_dir = Path(tempfile.mkdtemp(dir=WORK))
    port = free_port()
    env = {
        **production_environment(port, f"filecache://{site_dir / 'cache'}"),
        "DATABASE_URL": f"sqlite:///{site_dir / 'site.sqlite3'}",
        "MEDIA_ROOT": str(site_dir / "media"),
        "STATIC_ROOT": str(site_dir / "static"),
        "LOG_LEVEL": "warning",
    }
    prepare(site_dir, env, pages)
    server = start_gunicorn(env, port)
    nginx_dir = site_dir / "nginx"
    nginx_dir.mkdir()
    front = None
    failures = []
    try:
        front = Nginx(
            nginx_dir,
            SimpleNamespace(port=port),  # the served site, as Nginx takes it
            static_root=site_dir / "static",
            media_root=site_dir / "media",
        )
        base = f"http://127.0.0.1:{front.port}"
        for name in pages:
            # The first request renders the page and draws its pictures.
            with urllib.request.urlopen(base + PAGES[name], timeout=60):  # noqa: S310
                pass
        print(f"Lighthouse on {base}, Chromium {CHROMIUM}")
        print(f"{'page':<11} {'setting':<8} {'scheme':<6}  perf  a11y  best   seo")
        for name in pages:
            for setting in SETTINGS:
                for scheme in schemes:
                    report = REPORTS / f"{name}-{setting}-{scheme}.json".replace(
                        " ", "-"
                    )
                    got, failed = scores(base + PAGES[name], setting, scheme, report)
                    print(
                        f"{name:<11} {setting:<8} {scheme:<6}  "
                        f"{got['performance']:>4}  {got['accessibility']:>4}  "
                        f"{got['best-practices']:>4}  {got['seo']:>4}",
                        flush=True,
                    )
                    failures += [f"{name} ({setting}, {scheme}) {f}" for f in failed]
    finally:
        if front:
            front.stop()
        stop(server)
        shutil.rmtree(site_dir, ignore_errors=True)
    if failures:
        print("Under 100:\n  " + "\n  ".join(failures), file=sys.stderr)
        raise SystemExit(1)
    print("Accessibility, best practices and SEO: 100 on every page.")


if __name__ == "__main__":
    main()
