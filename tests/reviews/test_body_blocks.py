"""Tables and footnotes in a piece's body: what the editor writes, the
sanitiser keeps and readers follow, on the page and in the feed."""

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django_prose_editor.config import allowlist_from_extensions

from reviews.models import Review
from reviews.sanitising import ALLOWED_TAGS, EDITOR_EXTENSIONS
from tests.factories import make_public_review
from tests.pages import TABLE_AND_NOTES_PAGE
from tests.reviews.test_admin import change_url, piece_form

pytestmark = pytest.mark.django_db

CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"

# As the editor (Tiptap's table, superscript and the "Notes" list style) saves it.
WRITTEN = (
    "<p>The film runs 104 minutes<sup>1</sup> in release and won at Sundance"
    "<sup>2</sup>; again<sup>1</sup>, and 9<sup>3</sup> is no note.</p>"
    '<table style="min-width: 75px"><colgroup><col style="min-width: 25px">'
    '<col style="min-width: 25px"></colgroup><tbody><tr>'
    '<th colspan="1" rowspan="1"><p>Award</p></th>'
    '<th colspan="1" rowspan="1"><p>Result</p></th></tr><tr>'
    '<td colspan="1" rowspan="1"><p>World Cinema Grand Jury Prize</p></td>'
    '<td colspan="1" rowspan="1"><p>Won</p></td></tr></tbody></table>'
    "<h2>Notes</h2>"
    '<ol class="notes"><li><p>102 minutes at the premiere.</p></li>'
    "<li><p>In January 2017.</p></li></ol>"
)


def public_page(piece):
    response = Client().get(piece.get_absolute_url())
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_the_sanitiser_keeps_every_element_the_editor_writes():
    allowed = allowlist_from_extensions(EDITOR_EXTENSIONS)

    assert set(allowed["tags"]) <= ALLOWED_TAGS


def test_a_table_and_notes_written_on_the_desk_reach_readers_linked(editor_client):
    piece = make_public_review()

    response = editor_client.post(
        change_url(piece), piece_form(piece, body=WRITTEN, _continue="1")
    )

    assert response.status_code == 302
    piece.refresh_from_db()
    # The body keeps what the editor can edit again; the editor's styles go.
    assert piece.body.startswith("<p>The film runs 104 minutes<sup>1</sup>")
    assert "<table><tbody><tr><th" in piece.body
    assert "style" not in piece.body and "colgroup" not in piece.body
    assert 'id="' not in piece.body

    prose = public_page(piece).select_one(".prose")
    markers = prose.select("sup")
    assert [(sup.get_text(), sup.a and sup.a.get("href")) for sup in markers] == [
        ("1", "#note-1"),
        ("2", "#note-2"),
        ("1", "#note-1"),
        ("3", None),  # two notes: a third number is only a number
    ]
    # The first marker of a note is where its note leads back to; ids are unique.
    assert [sup.a.get("id") for sup in markers[:3]] == [
        "note-ref-1",
        "note-ref-2",
        None,
    ]
    assert markers[0].a["aria-label"] == "Note 1"
    notes = prose.select("ol.notes > li")
    assert [note["id"] for note in notes] == ["note-1", "note-2"]
    back = notes[0].select_one('a[href="#note-ref-1"]')
    assert back.get_text() == "↩"
    assert back["aria-label"] == "Back to the text of note 1"
    assert notes[0].p.get_text() == "102 minutes at the premiere. ↩"

    table = prose.select_one("table")
    assert [[cell.name for cell in row.select("th, td")] for row in table("tr")] == [
        ["th", "th"],
        ["td", "td"],
    ]
    assert table.select_one("td").get_text() == "World Cinema Grand Jury Prize"


def test_the_feed_links_each_marker_to_its_note_on_the_page(client):
    piece = make_public_review(body=WRITTEN)

    feed = ET.fromstring(client.get("/feeds/reviews.rss").content)

    [item] = feed.iter("item")
    content = BeautifulSoup(item.findtext(CONTENT), "html.parser")
    page = f"http://testserver{piece.get_absolute_url()}"
    assert content.select_one("sup a")["href"] == f"{page}#note-1"
    assert content.select_one("ol.notes a")["href"] == f"{page}#note-ref-1"


HOSTILE = (
    '<p id="main">One<sup onclick="alert(1)">1</sup>'
    '<a href="#x" id="content" aria-label="Click to win">two</a></p>'
    '<table onmouseover="alert(2)" class="x"><tr>'
    '<td colspan="0" rowspan="9999" style="background:url(javascript:alert(3))">'
    '<p>cell</p></td><td colspan="2&quot; onclick=&quot;alert(4)"><p>b</p></td></tr>'
    "</table>"
    '<ol class="notes hidden" id="note-1"><li id="skip-link" class="x">'
    "<p>A note.</p></li></ol>"
)


def test_hostile_tables_and_notes_are_neutralised_on_save_and_on_render():
    piece = make_public_review(body=HOSTILE)

    assert piece.body == (
        '<p>One<sup>1</sup><a href="#x">two</a></p>'
        "<table><tbody><tr><td><p>cell</p></td><td><p>b</p></td></tr></tbody></table>"
        '<ol class="notes"><li><p>A note.</p></li></ol>'
    )
    prose = public_page(piece).select_one(".prose")
    ids = [element["id"] for element in prose.find_all(id=True)]
    assert ids == ["note-ref-1", "note-1"]
    for element in prose.find_all(True):
        assert not any(name.startswith("on") for name in element.attrs), element
        assert "style" not in element.attrs


def test_a_body_without_a_notes_list_keeps_its_raised_numbers_plain():
    piece = make_public_review(
        body="<p>A room of 40 m<sup>2</sup>.</p><ol><li><p>A list.</p></li></ol>"
    )

    prose = public_page(piece).select_one(".prose")

    assert str(prose.select_one("sup")) == "<sup>2</sup>"
    assert prose.find(id=True) is None
    assert Review.objects.get().body_html == piece.body


def test_the_demo_feature_shows_its_table_and_notes(client, demo):
    response = client.get(TABLE_AND_NOTES_PAGE)

    assert response.status_code == 200
    prose = BeautifulSoup(response.content, "html.parser").select_one(".prose")
    rows = prose.select("table tr")
    assert [cell.get_text() for cell in rows[0].select("th")] == [
        "Film",
        "At Sundance",
        "At the Oscars",
    ]
    assert len(rows) == 6
    assert [sup.a["href"] for sup in prose.select("sup")] == ["#note-1", "#note-2"]
    assert len(prose.select("ol.notes > li[id] a[href^='#note-ref-']")) == 2
