"""Tables, footnotes, quotes with their source and videos in a piece's body:
what the editor writes, the sanitiser keeps and readers follow, on the page
and in the feed."""

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django_prose_editor.config import allowlist_from_extensions

from reviews.models import Review
from reviews.sanitising import ALLOWED_TAGS, EDITOR_EXTENSIONS
from tests.factories import make_public_review, make_review
from tests.pages import TABLE_AND_NOTES_PAGE
from tests.reviews.test_admin import change_url, piece_form
from tests.reviews.test_preview import preview_url

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


def test_the_demo_feature_shows_its_table_notes_and_quote(client, demo):
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
    assert prose.select_one("figure.quote figcaption").get_text() == (
        "— Ana Ferreira, our documentary critic"
    )


QUOTED = (
    "<blockquote><p>We go where the smoke is.</p>"
    '<p class="attribution">— Khaled Omar Harrah, <em>White Helmets</em></p>'
    "</blockquote>"
    '<blockquote><p class="attribution">Only a source, no quote.</p></blockquote>'
    '<p class="attribution">A source outside any quote.</p>'
)


def test_a_quote_with_its_source_reaches_readers_as_a_captioned_figure():
    piece = make_public_review(body=QUOTED)

    # Stored as the editor writes it, to be edited again.
    assert piece.body == QUOTED
    prose = public_page(piece).select_one(".prose")
    [figure] = prose.select("figure.quote")
    assert [child.name for child in figure.find_all(True, recursive=False)] == [
        "blockquote",
        "figcaption",
    ]
    assert figure.blockquote.get_text() == "We go where the smoke is."
    assert str(figure.figcaption) == (
        "<figcaption>— Khaled Omar Harrah, <em>White Helmets</em></figcaption>"
    )
    # Without a quote before it, a source is a paragraph as written.
    assert [quote.get_text() for quote in prose.select(".prose > blockquote")] == [
        "Only a source, no quote."
    ]
    assert prose.select_one(".prose > p.attribution").get_text() == (
        "A source outside any quote."
    )


VIDEOS = (
    '<p><a href="https://youtu.be/DaHcGh5xG8U">Last Men in Aleppo – trailer</a></p>'
    '<p><a href="https://vimeo.com/211349536">https://vimeo.com/211349536</a></p>'
    '<p>The <a href="https://vimeo.com/1234567">director on Vimeo</a>, in a line.</p>'
    '<p><a href="https://video.example/watch?v=DaHcGh5xG8U">Elsewhere</a></p>'
)


def test_a_video_link_on_a_line_of_its_own_reaches_readers_as_a_player_to_start():
    piece = make_public_review(body=VIDEOS)

    response = Client().get(piece.get_absolute_url())

    page = BeautifulSoup(response.content, "html.parser")
    videos = page.select(".prose > figure.video > a")
    assert [
        (video["href"], video.select_one(".video-title").get_text()) for video in videos
    ] == [
        ("https://www.youtube.com/watch?v=DaHcGh5xG8U", "Last Men in Aleppo – trailer"),
        ("https://vimeo.com/211349536", "The video on Vimeo"),
    ]
    assert videos[0].select_one(".video-provider").get_text() == "Play on YouTube"
    # A link in a sentence, or to another site, stays a link.
    assert [link["href"] for link in page.select(".prose > p > a")] == [
        "https://vimeo.com/1234567",
        "https://video.example/watch?v=DaHcGh5xG8U",
    ]
    # Nothing loads from the video sites until the reader starts one.
    assert not page.select("iframe, img[src*='youtube'], img[src*='vimeo']")
    assert page.select('script[src$="js/video.js"]')
    policy = response.headers["Content-Security-Policy"]
    assert "frame-src https://www.youtube-nocookie.com https://player.vimeo.com" in (
        policy
    )


def test_a_page_without_a_video_loads_no_script(client):
    piece = make_public_review(body="<p>No video here.</p>")

    assert b"<script src" not in client.get(piece.get_absolute_url()).content


HOSTILE_BLOCKS = (
    '<figure class="video"><a href="javascript:alert(1)">'
    '<span class="video-title" onclick="alert(2)">Play</span></a></figure>'
    '<p><a href="https://www.youtube.com/watch?v=DaHcGh5xG8U&amp;x=&quot;&gt;">'
    "<img src=x onerror=alert(3)>Trailer</a></p>"
    '<blockquote><p>Said.</p><p class="attribution" onclick="alert(4)">'
    "<script>alert(5)</script>Someone</p></blockquote>"
)


def test_hostile_quotes_and_videos_are_neutralised_on_save_and_on_render():
    piece = make_public_review(body=HOSTILE_BLOCKS)

    # A video's figure is the renderer's to make: a stored body has none.
    assert 'class="video"' not in piece.body and "<span" not in piece.body
    prose = public_page(piece).select_one(".prose")
    [video] = prose.select("figure.video > a")
    assert video["href"] == "https://www.youtube.com/watch?v=DaHcGh5xG8U"
    assert str(prose.select_one("figure.quote figcaption")) == (
        "<figcaption>— Someone</figcaption>"
    )
    assert prose.find(["script", "img"]) is None
    for element in prose.find_all(True):
        assert not any(name.startswith("on") for name in element.attrs), element
        assert not element.get("href", "").startswith("javascript")


def test_the_feed_gives_a_video_as_a_link_to_it(client):
    make_public_review(body=VIDEOS)

    feed = ET.fromstring(client.get("/feeds/reviews.rss").content)

    [item] = feed.iter("item")
    content = BeautifulSoup(item.findtext(CONTENT), "html.parser")
    assert content.select_one("figure.video a")["href"] == (
        "https://www.youtube.com/watch?v=DaHcGh5xG8U"
    )


IMAGE_TO_ADD = (
    "<p>Khaled waits on the roof.</p>"
    '<p class="image-to-add">alt text “Khaled on a rooftop at dawn”; caption '
    "“Aleppo, 2016”; from https://films.example/uploads/rooftop.jpg.</p>"
    "<p>Then the planes come.</p>"
)


def test_an_image_to_add_stays_on_the_desk(editor_client):
    piece = make_review(kind=Review.Kind.FEATURE, film=None, body=IMAGE_TO_ADD)

    # Kept for the editor, in the body they edit; the preview shows the piece
    # as readers will get it.
    assert piece.body == IMAGE_TO_ADD
    preview = editor_client.get(preview_url(editor_client, piece)).content.decode()
    assert "Khaled waits on the roof." in preview
    assert "dawn" not in preview and "image-to-add" not in preview
    assert "image-to-add" not in piece.body_html
    assert piece.word_count == 9


def test_a_piece_with_an_image_to_add_is_not_published(editor_client):
    piece = make_review(body=IMAGE_TO_ADD)

    response = editor_client.post(
        change_url(piece), piece_form(piece, _publish="1"), follow=True
    )

    assert (
        "The body still has 1 “image to add” note: place each picture (the hero "
        "image can take one) and delete its note before the piece is published."
    ) in response.content.decode()
    piece.refresh_from_db()
    assert piece.status == Review.Status.DRAFT
    assert piece.body == IMAGE_TO_ADD
    assert not Review.objects.public().exists()


def test_a_published_piece_cannot_take_an_image_to_add(editor_client):
    piece = make_public_review(body="<p>Khaled waits on the roof.</p>")

    response = editor_client.post(
        change_url(piece), piece_form(piece, body=IMAGE_TO_ADD, _continue="1")
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["body"] == [
        "The body still has 1 “image to add” note: place each picture (the hero "
        "image can take one) and delete its note before the piece is published."
    ]
    assert Review.objects.get().body == "<p>Khaled waits on the roof.</p>"
