"""Known XSS payloads through every field an editor or an imported file fills."""

import html5lib
import pytest
from django.core.exceptions import ValidationError

from films.models import Credit
from reviews.importing import import_piece
from tests.factories import (
    make_credit,
    make_film,
    make_organisation,
    make_person,
    make_public_review,
)
from tests.html import json_ld

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert('xss')</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
    "javascript:alert(1)",
    "</script><script>alert(1)</script>",
    '<a href="javascript:alert(1)">x</a>',
    "'-alert(1)-'",
    "<iframe src=//evil.example>",
    "<body onload=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
]


def assert_inert(content):
    """No payload survives as live markup: the parsed page has no handler
    attributes, no script but JSON-LD data, no frames or SVG, no javascript: URLs."""
    document = html5lib.parse(content, namespaceHTMLElements=False)
    for element in document.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        assert tag not in ("iframe", "svg", "object", "embed", "math"), tag
        if tag == "script":
            assert element.get("type") == "application/ld+json"
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (tag, name)
            if name in ("href", "src", "action"):
                assert not value.strip().lower().startswith("javascript:"), value
        if tag == "img":
            assert element.get("src") != "x"


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_in_piece_fields_render_inert(client, payload):
    critic = make_person(f"Critic {payload}", also_known_as=payload)
    film = make_film(f"Film {payload}", synopsis=payload)
    helmets = make_organisation(f"Group {payload}", also_known_as=payload)
    make_credit(film, helmets, Credit.Role.SUBJECT, character=payload)
    piece = make_public_review(
        headline=f"Headline {payload}",
        film=film,
        standfirst=payload,
        body=f"<p>{payload}</p>{payload}",
        verdict=payload,
        hero_caption=payload,
        hero_credit=payload,
        seo_title=payload[:70],
        seo_description=payload,
    )
    piece.bylines.create(person=critic)

    pages = [
        piece.get_absolute_url(),
        film.get_absolute_url(),
        critic.get_absolute_url(),
        helmets.get_absolute_url(),
        "/reviews/",
        f"/search/?q={payload}",
    ]
    for url in pages:
        content = client.get(url).content.decode()
        assert_inert(content)
    for data in json_ld(client.get(piece.get_absolute_url()).content.decode()):
        assert data["headline"] == f"Headline {payload}"


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_in_feeds_are_escaped(client, payload):
    make_public_review(headline=payload, standfirst=payload)

    for url in ("/feeds/reviews.rss", "/feeds/reviews.atom"):
        content = client.get(url).content.decode()
        assert "<script" not in content
        assert "<svg" not in content


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_in_imported_files_are_sanitised(payload):
    for filename in ("piece.html", "piece.md", "piece.txt"):
        report = import_piece(
            f"<p>Before</p>{payload}<p>After</p>".encode(),
            headline="Imported",
            filename=filename,
        )
        assert_inert(report.piece.body)


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>"]
)
def test_unsafe_website_urls_are_refused(url):
    with pytest.raises(ValidationError) as error:
        make_organisation(website=url)

    assert "website" in error.value.message_dict
