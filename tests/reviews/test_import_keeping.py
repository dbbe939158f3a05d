"""What an import brings into the body, keeps another way or names: the
article's own headline and standfirst, tables, footnotes, pictures, embeds,
quote attributions, scripts and forms, as WordPress, Ghost, Word and Markdown
write them."""

import io
import re

import docx
import pytest
from bs4 import BeautifulSoup, NavigableString
from django.core.files.uploadedfile import SimpleUploadedFile
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from PIL import Image

from images.models import LibraryImage
from reviews.models import Review
from tests.reviews.test_admin import change_url, piece_form
from tests.reviews.test_import import blocks, run_import

pytestmark = pytest.mark.django_db

HEADLINE = "Rescue under siege"

# A post as WordPress's block editor saves it and its theme shows it.
WORDPRESS = """<!DOCTYPE html>
<html lang="en-GB"><head><title>Rescue under siege – Film Notes</title>
<script src="https://films.example/wp-includes/js/jquery.min.js"></script>
</head><body class="post-template-default single">
<article class="post type-post">
<header class="entry-header"><h1 class="entry-title">Rescue under siege</h1>
<p class="entry-dek">Feras Fayyad follows the White Helmets through a city under fire.</p>
</header>
<div class="entry-content">
<!-- wp:paragraph -->
<p>The documentary runs 104 minutes<sup><a href="#fn1" id="ref1">1</a></sup> and opens on a rooftop.</p>
<!-- /wp:paragraph -->
<!-- wp:image {"id":42} -->
<figure class="wp-block-image size-large"><img decoding="async" src="https://films.example/wp-content/uploads/2017/05/aleppo-rooftop.jpg" alt="Khaled on a rooftop, looking at the sky" class="wp-image-42"/><figcaption class="wp-element-caption">Khaled in Aleppo. Photo: Grasshopper Film</figcaption></figure>
<!-- /wp:image -->
<!-- wp:embed {"url":"https://www.youtube.com/watch?v=DaHcGh5xG8U","type":"video","providerNameSlug":"youtube"} -->
<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper">
<iframe title="Last Men in Aleppo – official trailer" width="500" height="281" src="https://www.youtube.com/embed/DaHcGh5xG8U?feature=oembed" frameborder="0" allowfullscreen></iframe>
</div></figure>
<!-- /wp:embed -->
<!-- wp:table -->
<figure class="wp-block-table"><table><thead><tr><th>Award</th><th>Festival</th></tr></thead><tbody><tr><td>World Cinema Grand Jury Prize: Documentary</td><td>Sundance 2017</td></tr></tbody></table></figure>
<!-- /wp:table -->
<!-- wp:quote -->
<blockquote class="wp-block-quote"><p>We go where the smoke is.</p><cite>Khaled Omar Harrah</cite></blockquote>
<!-- /wp:quote -->
<iframe src="https://ads.example.net/slot/7"></iframe>
<script>window.dataLayer = [];</script>
<form class="newsletter" action="/subscribe"><label>Email <input type="email" name="email"></label><button>Subscribe</button></form>
<ol class="footnotes"><li id="fn1">The festival cut. <a href="#ref1" class="footnote-backref">↩</a></li></ol>
</div></article></body></html>
"""

# A post as Ghost's Casper theme shows it: Koenig cards.
GHOST = """<article class="article post">
<header class="article-header gh-canvas">
<h1 class="article-title">Rescue under siege</h1>
<p class="article-excerpt">Inside Syria's civil defence, with the volunteers who stayed.</p>
</header>
<section class="gh-content gh-canvas">
<p>Fayyad filmed for two years.</p>
<figure class="kg-card kg-image-card kg-card-hascaption"><img src="https://ghost.example/content/images/2017/05/still.jpg" class="kg-image" alt="" loading="lazy" width="2000" height="1125"><figcaption><span style="white-space: pre-wrap;">Mahmoud searching the rubble.</span></figcaption></figure>
<figure class="kg-card kg-embed-card"><iframe src="https://player.vimeo.com/video/211349536?app_id=122963" width="640" height="360" frameborder="0" allowfullscreen title="Last Men in Aleppo"></iframe></figure>
<blockquote class="kg-blockquote-alt">Every rescue is a decision to stay.</blockquote>
<h2 id="the-city">The city</h2>
<p>Aleppo, <strong>2015–2016</strong>.</p>
</section></article>
"""


def loose_text(body):
    """Words of a stored body that are not inside a paragraph, heading or item."""
    soup = BeautifulSoup(body, "html.parser")
    return [
        text.strip()
        for text in soup.find_all(string=True)
        if isinstance(text, NavigableString)
        and text.strip()
        and not text.find_parent(["p", "h2", "h3", "li"])
    ]


def structure(body):
    """Each top-level block of a body: (tag, its words), a list's items, or a
    table's rows of (cell tag, words)."""
    soup = BeautifulSoup(body, "html.parser")
    shapes = []
    for block in soup.find_all(True, recursive=False):
        name = ".".join([block.name, *block.get("class", [])])
        if block.name == "table":
            shape = [
                [
                    (cell.name, words(cell.get_text()))
                    for cell in row.find_all(True)
                    if cell.name in ("th", "td")
                ]
                for row in block.find_all("tr")
            ]
        elif block.name in ("ol", "ul"):
            shape = [words(item.get_text()) for item in block.find_all("li")]
        else:
            shape = words(block.get_text())
        shapes.append((name, shape))
    return shapes


def words(text):
    return " ".join(text.split())


def not_kept(lines):
    return [
        line.removeprefix("Not kept: ")
        for line in lines
        if line.startswith("Not kept: ")
    ]


def test_a_wordpress_post_keeps_its_text_and_names_what_it_left_out(tmp_path):
    lines = run_import(tmp_path, "post.html", WORDPRESS, headline=HEADLINE)

    piece = Review.objects.get()
    assert piece.standfirst == (
        "Feras Fayyad follows the White Helmets through a city under fire."
    )
    assert structure(piece.body) == [
        ("p", "The documentary runs 104 minutes1 and opens on a rooftop."),
        (
            "p.image-to-add",
            "alt text “Khaled on a rooftop, looking at the sky”; caption “Khaled "
            "in Aleppo. Photo: Grasshopper Film”; from https://films.example/"
            "wp-content/uploads/2017/05/aleppo-rooftop.jpg.",
        ),
        ("p", "Last Men in Aleppo – official trailer"),
        (
            "table",
            [
                [("th", "Award"), ("th", "Festival")],
                [
                    ("td", "World Cinema Grand Jury Prize: Documentary"),
                    ("td", "Sundance 2017"),
                ],
            ],
        ),
        ("blockquote", "We go where the smoke is.Khaled Omar Harrah"),
        ("h2", "Notes"),
        ("ol.notes", ["The festival cut."]),
    ]
    assert "104 minutes<sup>1</sup>" in piece.body
    assert (
        '<a href="https://www.youtube.com/watch?v=DaHcGh5xG8U" '
        'rel="noopener noreferrer">' in piece.body
    )
    assert '<p class="attribution">Khaled Omar Harrah</p></blockquote>' in piece.body
    # The headline is not repeated as a subheading, nor the form's words kept.
    assert HEADLINE not in piece.body
    assert "Subscribe" not in piece.body and "↩" not in piece.body
    assert loose_text(piece.body) == []

    left_out = [
        "A script was left out.",
        "A form was left out.",
        "An embed from ads.example.net was left out: only YouTube and Vimeo "
        "videos are kept.",
        "A picture from films.example was not brought in (alt text “Khaled on a "
        "rooftop, looking at the sky”, captioned “Khaled in Aleppo. Photo: "
        "Grasshopper Film”): an “image to add” note keeps its place in the body.",
    ]
    assert piece.left_out_on_import.splitlines() == left_out
    assert not_kept(lines) == left_out
    assert "Standfirst: from the file" in lines


def test_a_ghost_post_keeps_its_excerpt_caption_and_loose_quote(tmp_path):
    run_import(tmp_path, "post.html", GHOST, headline="Rescue Under Siege")

    piece = Review.objects.get()
    assert piece.standfirst == (
        "Inside Syria's civil defence, with the volunteers who stayed."
    )
    assert blocks(piece.body) == [
        ("p", "Fayyad filmed for two years."),
        ("p", "Last Men in Aleppo"),
        ("blockquote", "Every rescue is a decision to stay."),
        ("h2", "The city"),
        ("p", "Aleppo, 2015–2016."),
    ]
    assert '<a href="https://vimeo.com/211349536"' in piece.body
    assert (
        "<p>Fayyad filmed for two years.</p>\n"
        '<p class="image-to-add">no alt text; caption “Mahmoud searching the rubble.”; '
        "from https://ghost.example/content/images/2017/05/still.jpg.</p>"
    ) in piece.body
    assert "<blockquote><p>Every rescue is a decision to stay.</p></blockquote>" in (
        piece.body
    )
    assert loose_text(piece.body) == []
    assert piece.left_out_on_import.splitlines() == [
        "A picture from ghost.example was not brought in (captioned “Mahmoud "
        "searching the rubble.”): an “image to add” note keeps its place in the body.",
    ]


def test_an_opening_heading_that_is_not_the_headline_stays(tmp_path):
    run_import(
        tmp_path,
        "piece.md",
        "# Rescue under siege\n\n# The rooftop\n\nKhaled waits.\n",
        headline=HEADLINE,
    )

    piece = Review.objects.get()
    assert blocks(piece.body) == [("h2", "The rooftop"), ("p", "Khaled waits.")]
    assert piece.left_out_on_import == ""


def word_document_with_pictures(*alts):
    """A Word file with a real PNG picture for each alt text ("" for none)."""
    document = docx.Document()
    document.add_paragraph(HEADLINE, style="Title")
    document.add_paragraph("Fayyad's film, two years in Aleppo.", style="Subtitle")
    document.add_paragraph("The volunteers wait for the planes.")
    for number, alt in enumerate(alts):
        picture = io.BytesIO()
        Image.new("RGB", (640, 360), "steelblue").save(picture, "PNG")
        document.add_picture(picture)
        # Word's "alt text" box.
        document.inline_shapes[number]._inline.docPr.set("descr", alt)
    document.add_paragraph("They go where the smoke is.")
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def test_a_word_documents_pictures_go_into_the_library_as_figures(tmp_path):
    lines = run_import(
        tmp_path, "review.docx", word_document_with_pictures("A rooftop at dawn", "")
    )

    piece = Review.objects.get()
    assert piece.standfirst == "Fayyad's film, two years in Aleppo."
    [image] = LibraryImage.objects.all()
    assert (image.alt, image.width, image.height) == ("A rooftop at dawn", 640, 360)
    assert not image.is_cleared
    assert structure(piece.body) == [
        ("p", "The volunteers wait for the planes."),
        ("figure.figure", ""),
        ("p.image-to-add", "no alt text; picture 2 of the file."),
        ("p", "They go where the smoke is."),
    ]
    # The alt text is the library's, which the figure follows (reviews/figures.py).
    placed = BeautifulSoup(piece.body, "html.parser").img
    assert placed.attrs == {
        "src": image.file.url,
        "alt": "",
        "data-file": str(image.pk),
    }
    assert piece.left_out_on_import == (
        "Picture 2 of the file has no alt text, so it did not go into the image "
        "library: its note keeps its place."
    )
    assert (
        "Pictures: 1 put in the image library; give each its credit and licence "
        "there before the piece is published"
    ) in lines


def test_a_repeated_word_import_is_refused_by_its_headline(editor_client):
    data = word_document_with_pictures("A rooftop at dawn")

    for _ in range(2):
        response = editor_client.post(
            "/admin/reviews/review/import/",
            {
                "file": SimpleUploadedFile("review.docx", data),
                "headline": HEADLINE,
                "kind": "feature",
            },
            follow=True,
        )

    assert "has this text or this headline already" in response.content.decode()
    assert Review.objects.count() == 1
    assert LibraryImage.objects.count() == 1


def test_the_desk_shows_what_was_left_out_until_the_editor_empties_it(editor_client):
    upload = SimpleUploadedFile("post.html", WORDPRESS.encode())
    response = editor_client.post(
        "/admin/reviews/review/import/",
        {"file": upload, "headline": HEADLINE, "kind": "review"},
        follow=True,
    )

    piece = Review.objects.get()
    page = response.content.decode()
    assert "Left out on import" in page
    assert page.count("A form was left out.") == 2  # the message and the box
    form = response.context["adminform"].form
    assert form["left_out_on_import"].value() == piece.left_out_on_import

    emptied = editor_client.post(
        change_url(piece), piece_form(piece, left_out_on_import="")
    )

    assert emptied.status_code == 302
    piece.refresh_from_db()
    assert piece.left_out_on_import == ""
    assert (
        "Left out on import"
        not in editor_client.get(change_url(piece)).content.decode()
    )


def test_what_was_left_out_never_reaches_a_reader(client, tmp_path):
    run_import(tmp_path, "post.html", WORDPRESS, headline=HEADLINE)
    piece = Review.objects.get()
    # The editor deals with the picture, as a piece with its note cannot be published.
    [note] = re.findall(r'<p class="image-to-add">.*?</p>', piece.body)
    piece.body = piece.body.replace(note, "")
    piece.status = Review.Status.PUBLISHED
    piece.publish_at = piece.first_published_at = piece.created_at
    piece.save()

    addresses = [piece.get_absolute_url(), "/", "/reviews/", "/feeds/reviews.rss"]
    for address in [*addresses, f"/search/?q={piece.headline}"]:
        response = client.get(address)
        assert response.status_code == 200, address
        page = response.content.decode()
        assert "Feras Fayyad follows the White Helmets" in page, address
        assert "left out" not in page.lower(), address
        assert "not brought in" not in page, address


def test_markdown_footnotes_and_a_table_come_through(tmp_path):
    markdown = (
        "# Rescue under siege\n\n"
        "The film runs 104 minutes[^1] and won at Sundance.[^sundance]\n\n"
        "| Award | Festival |\n| --- | --- |\n| Grand *Jury* Prize | Sundance 2017 |\n\n"
        "[^1]: The festival cut.\n"
        "[^sundance]: World Cinema, Documentary.\n"
    )

    run_import(tmp_path, "piece.md", markdown)

    piece = Review.objects.get()
    assert structure(piece.body) == [
        ("p", "The film runs 104 minutes1 and won at Sundance.2"),
        (
            "table",
            [
                [("th", "Award"), ("th", "Festival")],
                [("td", "Grand Jury Prize"), ("td", "Sundance 2017")],
            ],
        ),
        ("h2", "Notes"),
        ("ol.notes", ["The festival cut.", "World Cinema, Documentary."]),
    ]
    assert "<td><p>Grand <em>Jury</em> Prize</p></td>" in piece.body
    assert "minutes<sup>1</sup>" in piece.body and "Sundance.<sup>2</sup>" in piece.body
    assert "↩" not in piece.body and "&nbsp;" not in piece.body
    assert piece.left_out_on_import == ""


def word_document_with_a_table_and_a_footnote():
    """A real .docx with a footnote part, as Word writes one."""
    document = docx.Document()
    opening = document.add_paragraph("The film runs 104 minutes.")
    opening.add_run()._r.append(
        parse_xml(f'<w:footnoteReference {nsdecls("w")} w:id="1"/>')
    )
    table = document.add_table(rows=2, cols=2)
    for row, cells in enumerate([("Award", "Festival"), ("Grand Jury Prize", "2017")]):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    notes = (
        f'<w:footnotes {nsdecls("w")}><w:footnote w:id="1"><w:p><w:r>'
        "<w:t>The festival cut.</w:t></w:r></w:p></w:footnote></w:footnotes>"
    )
    part = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        notes.encode(),
        document.part.package,
    )
    document.part.relate_to(part, RT.FOOTNOTES)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def test_a_word_table_and_footnote_come_through(tmp_path):
    run_import(tmp_path, "review.docx", word_document_with_a_table_and_a_footnote())

    piece = Review.objects.get()
    assert piece.body == (
        "<p>The film runs 104 minutes.<sup>1</sup></p>"
        "<table><tbody><tr><td><p>Award</p></td><td><p>Festival</p></td></tr>"
        "<tr><td><p>Grand Jury Prize</p></td><td><p>2017</p></td></tr></tbody></table>"
        '<h2>Notes</h2><ol class="notes"><li><p>The festival cut.</p></li></ol>'
    )
    assert piece.left_out_on_import == ""


def test_hostile_embeds_and_pictures_are_left_out_harmlessly(tmp_path):
    hostile = (
        "<p>Before.</p>"
        '<iframe src="javascript:alert(1)"></iframe>'
        '<iframe src="https://www.youtube.com/embed/x&quot;&gt;&lt;script&gt;"></iframe>'
        '<iframe title="&lt;img src=x onerror=alert(2)&gt;" '
        'src="https://www.youtube-nocookie.com/embed/DaHcGh5xG8U"></iframe>'
        '<figure><img src="x" onerror="alert(3)"><figcaption>'
        "<script>alert(4)</script>Caption</figcaption></figure>"
        '<p><a href="#top" onclick="alert(5)">Back up</a></p>'
    )

    run_import(tmp_path, "post.html", hostile)

    piece = Review.objects.get()
    elements = BeautifulSoup(piece.body, "html.parser").find_all(True)
    assert {element.name for element in elements} == {"p", "a"}
    assert [element.attrs for element in elements if element.name == "a"] == [
        {
            "href": "https://www.youtube.com/watch?v=DaHcGh5xG8U",
            "rel": ["noopener", "noreferrer"],
        }
    ]
    assert "javascript" not in piece.body
    assert blocks(piece.body) == [
        ("p", "Before."),
        ("p", "&lt;img src=x onerror=alert(2)&gt;"),
        ("p", "Back up"),
    ]
    assert '<p class="image-to-add">no alt text; caption “Caption”.</p>' in piece.body
    left_out = piece.left_out_on_import.splitlines()
    assert left_out[0] == "A script was left out."
    assert (
        left_out.count(
            "An embed from www.youtube.com was left out: its address names no video."
        )
        == 1
    )
    assert "An embedded frame with no web address was left out." in left_out


def test_nested_tables_notes_and_figures_come_through_once(tmp_path):
    nested = (
        "<table><tr><td>Festival<table><tr><td>Sundance</td><td>2017</td></tr>"
        "</table></td><td>Won</td></tr></table>"
        "<p>Runs 104 minutes<sup>1<sup>2</sup></sup>.</p>"
        "<figure><figure><img src='still.jpg' alt='A rooftop'>"
        "<figcaption>Inside</figcaption></figure><figcaption>Outside</figcaption>"
        "</figure>"
    )

    run_import(tmp_path, "post.html", nested)

    piece = Review.objects.get()
    assert structure(piece.body) == [
        ("table", [[("td", "Festival Sundance · 2017"), ("td", "Won")]]),
        ("p", "Runs 104 minutes12."),
        ("p.image-to-add", "alt text “A rooftop”; caption “Inside”."),
        ("p", "Outside"),
    ]
    assert loose_text(piece.body) == []
    assert (
        "A table inside a table cell became text in the cell, its cells separated "
        "by “ · ”."
    ) in piece.left_out_on_import.splitlines()


# WordPress's footnotes block as it renders (Gutenberg's own tests), one back
# link drawn as an emoji picture, as WordPress draws emoji.
WORDPRESS_FOOTNOTES = (
    '<p>It premiered at Sundance<sup data-fn="b100" class="fn">'
    '<a href="#b100" id="b100-link">1</a></sup> and ran 104 minutes'
    '<sup data-fn="c200" class="fn"><a href="#c200" id="c200-link">2</a></sup>.</p>'
    '<hr class="wp-block-separator"><ol class="wp-block-footnotes">'
    '<li id="b100">In January 2017. <a href="#b100-link" '
    'aria-label="Jump to footnote reference 1">↩︎</a></li>'
    '<li id="c200"><em>102</em> at the premiere. <a href="#c200-link">'
    '<img alt="↩" class="wp-smiley" src="https://s.w.org/images/core/emoji/'
    '17.0.2/72x72/21a9.png" style="height: 1em;" />︎</a></li></ol>'
)


def test_wordpress_footnotes_become_markers_and_a_notes_list(tmp_path):
    run_import(tmp_path, "post.html", WORDPRESS_FOOTNOTES)

    piece = Review.objects.get()
    assert piece.body == (
        "<p>It premiered at Sundance<sup>1</sup> and ran 104 minutes<sup>2</sup>.</p>"
        '<h2>Notes</h2><ol class="notes"><li>In January 2017.</li>'
        "<li><em>102</em> at the premiere.</li></ol>"
    )
    assert piece.left_out_on_import == ""


QUOTES = """<p>What the rescuers said.</p>
<figure><blockquote><p>We go where the smoke is.</p></blockquote>
<figcaption>— Khaled Omar Harrah</figcaption></figure>
<blockquote><p>Every rescue is a decision.</p><p><cite>Mahmoud</cite></p></blockquote>
<blockquote><p>We stay.</p><footer>– <cite>Subhi</cite></footer></blockquote>
<blockquote><p>As in <cite>The White Helmets</cite>, the city is the subject.</p></blockquote>
"""


def test_a_quote_keeps_its_source_in_every_shape_exports_give_it(tmp_path):
    run_import(tmp_path, "post.html", QUOTES)

    piece = Review.objects.get()
    sources = [
        [(p.get("class"), p.get_text()) for p in quote.find_all("p")]
        for quote in BeautifulSoup(piece.body, "html.parser").find_all("blockquote")
    ]
    assert sources == [
        [(None, "We go where the smoke is."), (["attribution"], "Khaled Omar Harrah")],
        [(None, "Every rescue is a decision."), (["attribution"], "Mahmoud")],
        [(None, "We stay."), (["attribution"], "Subhi")],
        # A <cite> in a sentence names a work: the quote has no source.
        [(None, "As in The White Helmets, the city is the subject.")],
    ]
    assert "<figure" not in piece.body
    assert loose_text(piece.body) == []


def test_a_markdown_quote_ending_in_a_dash_keeps_its_source(tmp_path):
    run_import(
        tmp_path,
        "piece.md",
        "Said on the roof:\n\n> We go where the smoke is.\n>\n> — Khaled Omar Harrah\n",
    )

    piece = Review.objects.get()
    assert piece.body.replace("\n", "") == (
        "<p>Said on the roof:</p><blockquote><p>We go where the smoke is.</p>"
        '<p class="attribution">Khaled Omar Harrah</p></blockquote>'
    )
