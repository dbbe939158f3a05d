"""Every public page kind is valid by the W3C's Nu Html Checker (vnu.jar from npm's
vnu-jar, which `make test` installs with Debian's Java).

One run of the checker reads every page, as files: it starts a Java machine,
which costs more than checking them all. Add each new public page kind here.
"""

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone
from django.views.defaults import server_error

from images.models import LibraryImage
from reviews.models import Correction, Review, Topic
from tests.factories import make_person, make_public_review, make_review
from tests.faults import ROOT
from tests.images import image_upload
from tests.reviews.test_body_blocks import QUOTED, VIDEOS, WRITTEN
from tests.reviews.test_figures import figure
from tests.reviews.test_preview import preview_url

pytestmark = pytest.mark.django_db

VNU_JAR = (
    ROOT / "var" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
# A feed item's HTML is a fragment; readers show it inside a page like this.
FRAGMENT_PAGE = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
    "<title>A feed item</title></head><body>{}</body></html>"
)


def checker():
    java = shutil.which("java")
    assert java and VNU_JAR.exists(), (
        "The Nu Html Checker needs Java and var/vnu: `make test` installs both "
        "(Debian's default-jre-headless, npm's vnu-jar)."
    )
    return [java, "-jar", str(VNU_JAR)]


def errors_in(folder):
    """The checker's errors for every .html file in `folder`, by file name."""
    pages = sorted(str(path) for path in folder.glob("*.html"))
    assert pages, folder
    result = subprocess.run(
        [*checker(), "--errors-only", "--format", "json", "--exit-zero-always", *pages],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [
        f"{message['url'].rsplit('/', 1)[-1]}:{message.get('lastLine')}: "
        f"{message['message']} [{message.get('extract', '').strip()}]"
        for message in messages
        if message["type"] == "error"
    ]


@pytest.fixture
def every_kind_of_piece(demo, editor):
    """Beside the demo's review: a feature with a hero image and a correction,
    an interview, a news piece, a piece with every body block, an updated
    piece and a draft to preview."""
    syria = Topic.objects.get_or_create(name="Syria")[0]
    feature = make_public_review(
        "The footage of the Aleppo Media Center",
        kind=Review.Kind.FEATURE,
        film=demo,
        standfirst="Who filmed the siege, and how.",
        hero_image=image_upload(),
        hero_alt="A rescuer in the rubble",
        hero_caption="Aleppo, 2016.",
        hero_credit="Aleppo Media Center",
        publish_at=timezone.now() - timedelta(days=3),
    )
    feature.topics.add(syria)
    Correction.objects.create(
        review=feature,
        date=timezone.localdate(),
        text="An earlier version misdated the footage.",
    )
    feature.bylines.create(person=make_person("Ana Ferreira"))
    make_public_review(
        "Feras Fayyad on filming rescue", kind=Review.Kind.INTERVIEW, film=None
    )
    make_public_review("Sundance names its winners", kind=Review.Kind.NEWS, film=None)
    still = LibraryImage.objects.create(
        file=image_upload(),
        alt="Rescuers at dusk",
        credit="Larm Film",
        licence="Press kit",
    )
    make_public_review(
        "Tables, notes, quotes, videos and figures",
        body=WRITTEN
        + QUOTED
        + VIDEOS
        + figure(still, caption="Aleppo, <em>2016</em>."),
    )
    updated = make_public_review(
        "Updated after the Oscars", publish_at=timezone.now() - timedelta(days=2)
    )
    updated.standfirst = "Revised."
    updated.save()
    return make_review("A draft about the White Helmets", created_by=editor)


def test_every_public_page_kind_is_valid_by_the_nu_checker(
    client, editor, every_kind_of_piece, tmp_path
):
    editor_client = type(client)()
    editor_client.force_login(editor)
    pages = {
        "home": client.get("/"),
        "archive": client.get("/reviews/"),
        "archive-filtered": client.get("/reviews/?kind=feature&topic=syria"),
        "film-index": client.get("/films/"),
        "film": client.get("/films/last-men-in-aleppo-2017/"),
        "awards": client.get("/awards/"),
        "award": client.get(
            "/awards/sundance-world-cinema-grand-jury-prize-documentary/"
        ),
        "person": client.get("/people/feras-fayyad/"),
        "organisation": client.get("/organisations/the-white-helmets/"),
        "topic": client.get("/topics/syria/"),
        "search": client.get("/search/?q=aleppo"),
        "search-empty": client.get("/search/"),
        "not-found": client.get("/no-such-page/"),
        "bad-request": client.get("/reviews/?year=abc"),
        "preview": editor_client.get(preview_url(editor_client, every_kind_of_piece)),
    }
    for piece in Review.objects.public():
        pages[f"piece-{piece.pk}"] = client.get(piece.get_absolute_url())
    for name, response in pages.items():
        assert response.status_code in (200, 400, 404), (name, response.status_code)
        (tmp_path / f"{name}.html").write_bytes(response.content)
    (tmp_path / "server-error.html").write_bytes(
        server_error(RequestFactory().get("/")).content
    )
    (tmp_path / "unavailable.html").write_text(render_to_string("503.html"))
    feed = ET.fromstring(client.get("/feeds/reviews.rss").content)
    for number, item in enumerate(feed.iter("item")):
        content = item.findtext(CONTENT)
        (tmp_path / f"feed-item-{number}.html").write_text(
            FRAGMENT_PAGE.format(content)
        )

    errors = errors_in(tmp_path)

    assert not errors, "\n".join(errors)


def test_the_checker_finds_what_it_should(tmp_path):
    """The run above can fail: an Updated time with microseconds, as pieces
    carried before issue 47, is an error."""
    (tmp_path / "broken.html").write_text(
        FRAGMENT_PAGE.format(
            '<p><time datetime="2026-12-06T21:45:51.677001+00:00">6 December</time></p>'
        )
    )

    [error] = errors_in(tmp_path)

    assert re.search(r"datetime", error), error
