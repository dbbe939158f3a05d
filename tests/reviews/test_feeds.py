import xml.etree.ElementTree as ET

import html5lib
import pytest

from tests.factories import make_public_review

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_rss_feed_lists_public_pieces_with_every_field(client, demo):
    response = client.get("/feeds/reviews.rss")

    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title") == "Filmdesk: latest pieces"
    (item,) = channel.findall("item")
    assert (
        item.findtext("title") == "Last Men in Aleppo: the rescuers who chose to stay"
    )
    assert (
        item.findtext("link") == "http://testserver/reviews/last-men-in-aleppo-review/"
    )
    assert item.findtext("description").startswith("Feras Fayyad")
    assert "Ana Ferreira" in item.findtext("{http://purl.org/dc/elements/1.1/}creator")
    assert item.findtext("pubDate").startswith("Mon, 02 Nov 2026 09:00:00")
    assert {c.text for c in item.findall("category")} >= {"Review", "Syria"}


def test_atom_feed_is_valid_atom_with_authors_and_dates(client, demo):
    response = client.get("/feeds/reviews.atom")

    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    assert feed.find(f"{ATOM}id") is not None
    assert feed.find(f"{ATOM}updated") is not None
    (entry,) = feed.findall(f"{ATOM}entry")
    assert entry.find(f"{ATOM}author/{ATOM}name").text == "Ana Ferreira"
    assert entry.findtext(f"{ATOM}published").startswith("2026-11-02T09:00:00")
    assert entry.find(f"{ATOM}updated") is not None
    assert entry.find(f"{ATOM}summary").text.startswith("Feras Fayyad")


def test_sitemap_index_names_every_section(client, demo):
    index = ET.fromstring(client.get("/sitemap.xml").content)

    locations = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    for section in ("pieces", "films", "people", "organisations", "topics"):
        assert f"http://testserver/sitemap-{section}.xml" in locations


def test_sitemap_sections_list_urls_with_lastmod(client, demo):
    pieces = ET.fromstring(client.get("/sitemap-pieces.xml").content)
    people = ET.fromstring(client.get("/sitemap-people.xml").content)

    (url,) = pieces.findall(f"{SITEMAP}url")
    assert url.findtext(f"{SITEMAP}loc").endswith("/reviews/last-men-in-aleppo-review/")
    assert url.findtext(f"{SITEMAP}lastmod")
    people_urls = [u.findtext(f"{SITEMAP}loc") for u in people.findall(f"{SITEMAP}url")]
    assert "http://testserver/people/feras-fayyad/" in people_urls


def test_robots_txt_names_the_sitemap(client, db):
    content = client.get("/robots.txt").content.decode()

    assert "Sitemap: http://testserver/sitemap.xml" in content
    assert "Disallow: /preview/" in content


def _feed_summaries(client):
    """Each feed's HTML summary of the one piece, as a feed reader receives it."""
    rss = ET.fromstring(client.get("/feeds/reviews.rss").content)
    atom = ET.fromstring(client.get("/feeds/reviews.atom").content)
    summary = atom.find(f"{ATOM}entry/{ATOM}summary")
    assert summary.get("type") == "html"
    return [rss.find("channel/item").findtext("description"), summary.text]


def _as_a_feed_reader_renders(html):
    fragment = html5lib.parseFragment(html, namespaceHTMLElements=False)
    return list(fragment), "".join(fragment.itertext())


def test_a_standfirst_reaches_feed_readers_as_text_not_markup(client):
    standfirst = 'Rescue <img src=x onerror="alert(1)"> & ruin'
    make_public_review(standfirst=standfirst)

    for html in _feed_summaries(client):
        elements, text = _as_a_feed_reader_renders(html)
        assert elements == []
        assert text == standfirst


def test_without_a_standfirst_feeds_summarise_the_body_as_text(client):
    make_public_review(
        standfirst="",
        body="<p>After the bombs drop</p><p>Type &lt;img src=x onerror=alert(1)&gt;"
        "</p><script>alert(2)</script>",
    )

    for html in _feed_summaries(client):
        elements, text = _as_a_feed_reader_renders(html)
        assert elements == []
        assert text == "After the bombs drop Type <img src=x onerror=alert(1)>"
