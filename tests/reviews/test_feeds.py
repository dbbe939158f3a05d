import re
import xml.etree.ElementTree as ET
from datetime import timedelta

import feedparser
import html5lib
import pytest
from django.utils import timezone

from reviews.models import Byline, Mention, Review, Topic
from tests.factories import (
    make_film,
    make_organisation,
    make_person,
    make_public_review,
    make_review,
)
from tests.images import image_upload

pytestmark = pytest.mark.django_db

PIECE_URL = "http://testserver/reviews/last-men-in-aleppo-review/"
FEED_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml"}

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_rss_feed_lists_public_pieces_with_every_field(client, demo):
    response = client.get("/feeds/reviews.rss")

    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title") == "Filmdesk: latest pieces"
    items = channel.findall("item")
    assert len(items) == Review.objects.public().count()
    (item,) = [i for i in items if i.findtext("title").startswith("Last Men")]
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
    (entry,) = [
        e
        for e in feed.findall(f"{ATOM}entry")
        if e.findtext(f"{ATOM}title").startswith("Last Men")
    ]
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

    urls = pieces.findall(f"{SITEMAP}url")
    assert len(urls) == Review.objects.public().count()
    assert "http://testserver/reviews/last-men-in-aleppo-review/" in {
        url.findtext(f"{SITEMAP}loc") for url in urls
    }
    assert all(url.findtext(f"{SITEMAP}lastmod") for url in urls)
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


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(FEED_TYPES[url.rsplit(".", 1)[1]])
    # Left relative, addresses show whether the feed made them absolute itself.
    feed = feedparser.parse(response.content, resolve_relative_uris=False)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.mark.parametrize("url", ["/feeds/reviews.rss", "/feeds/reviews.atom"])
def test_the_demo_review_comes_whole_with_absolute_links(client, demo, url):
    (entry,) = [e for e in parse(client, url).entries if e.title.startswith("Last Men")]

    content = entry.content[0].value
    assert entry.content[0].type == "text/html"
    assert "<h2>Targeting civilians</h2>" in content
    assert content.count("<h2>") == 3
    assert "harder to forget." in content
    assert "<blockquote>" in content
    assert "<strong>Verdict:</strong> An urgent, humane record" in content
    assert "4.5 out of 5" in content
    assert 'href="http://testserver/people/feras-fayyad/"' in content
    assert 'href="http://testserver/organisations/the-white-helmets/"' in content
    assert not re.search(r'(href|src)="(?!https?://)', content)
    assert entry.summary.startswith("Feras Fayyad")
    assert "Targeting civilians" not in entry.summary
    assert entry.link == PIECE_URL
    assert [author.name for author in entry.authors] == ["Ana Ferreira"]
    assert {tag.term for tag in entry.tags} == {"Review", "Documentary", "Syria"}


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def illustrated_piece(media_root):
    critic = make_person("Ana Ferreira")
    second = make_person("Søren Steen")
    piece = make_public_review(
        standfirst="",
        body="<p>Rescuers wait on a roof. <a href='/films/'>All films</a>.</p>"
        + "<p>More words. </p>" * 80
        + "<p><a href='https://example.org/a?b=1&amp;c=2'>Elsewhere</a> and "
        + "<a href='mailto:desk@example.org'>write to us</a>.</p>",
        hero_image=image_upload("rooftop.jpg"),
        hero_alt="Rescuers on a rooftop",
        hero_caption="Waiting for the planes.",
        hero_credit="Aleppo Media Center",
    )
    Byline.objects.create(review=piece, person=critic, order=0)
    Byline.objects.create(review=piece, person=second, order=1)
    return piece


@pytest.mark.parametrize("url", ["/feeds/reviews.rss", "/feeds/reviews.atom"])
def test_the_hero_image_is_an_enclosure_and_leads_the_content(
    client, illustrated_piece, media_root, url
):
    (entry,) = parse(client, url).entries

    (enclosure,) = entry.enclosures
    image_url = f"http://testserver{illustrated_piece.hero_image.url}"
    assert enclosure.href == image_url
    assert enclosure.type == "image/jpeg"
    assert (
        int(enclosure.length)
        == (media_root / illustrated_piece.hero_image.name).stat().st_size
    )
    content = entry.content[0].value
    figure = re.match(r"<figure><img ([^>]*)>", content)
    assert f'src="{image_url}"' in figure.group(1)
    assert 'alt="Rescuers on a rooftop"' in figure.group(1)
    assert (
        "<figcaption>Waiting for the planes. Photo: Aleppo Media Center</figcaption>"
        in content
    )
    assert 'href="http://testserver/films/"' in content
    assert 'href="https://example.org/a?b=1&amp;c=2"' in content
    assert 'href="mailto:desk@example.org"' in content


@pytest.mark.parametrize("url", ["/feeds/reviews.rss", "/feeds/reviews.atom"])
def test_every_byline_is_an_author(client, illustrated_piece, url):
    (entry,) = parse(client, url).entries

    assert [author.name for author in entry.authors] == ["Ana Ferreira", "Søren Steen"]


def test_atom_authors_link_to_their_pages(client, illustrated_piece):
    feed = ET.fromstring(client.get("/feeds/reviews.atom").content)

    authors = feed.findall(f"{ATOM}entry/{ATOM}author")
    assert [a.findtext(f"{ATOM}uri") for a in authors] == [
        "http://testserver/people/ana-ferreira/",
        "http://testserver/people/soren-steen/",
    ]


@pytest.mark.parametrize("url", ["/feeds/reviews.rss", "/feeds/reviews.atom"])
def test_without_a_standfirst_the_summary_is_the_start_of_the_body(
    client, illustrated_piece, url
):
    (entry,) = parse(client, url).entries

    assert entry.summary.startswith("Rescuers wait on a roof. All films")
    assert entry.summary.endswith(" …")
    assert len(entry.summary.removesuffix(" …").split()) == 60


@pytest.mark.usefixtures("uncached")
def test_every_feed_costs_a_fixed_number_of_queries_however_many_pieces(
    client, django_assert_max_num_queries
):
    people = [make_person(f"Critic {n}") for n in range(3)]
    topics = [Topic.objects.create(name=f"Topic {n}") for n in range(3)]
    make_organisation("Larm Film")
    shared = make_film("The Cave", year=2019)
    for n in range(12):
        piece = make_public_review(
            f"Piece {n}",
            body="<p>Critic 0, Larm Film and The Cave.</p>",
            film=make_film(f"Film {n}"),
        )
        piece.other_films.add(shared)
        piece.topics.set(topics)
        for order, person in enumerate(people):
            Byline.objects.create(review=piece, person=person, order=order)

    for url in (
        "/feeds/reviews.rss",
        "/people/critic-0/feed.atom",
        "/topics/topic-1/feed.rss",
        "/films/the-cave-2019/feed.atom",
        "/organisations/larm-film/feed.rss",
    ):
        with django_assert_max_num_queries(5):
            entries = parse(client, url).entries
        assert len(entries) == 12, url


def subject_feed_titles(client, url):
    return sorted(entry.title for entry in parse(client, url).entries)


@pytest.fixture
def subjects(db):
    """Pieces on a film, a topic, a person and an organisation, and some that are not."""
    film = make_film()
    other_film = make_film("The Cave", year=2019)
    fayyad = make_person("Feras Fayyad")
    critic = make_person("Ana Ferreira")
    make_organisation("The White Helmets")
    syria = Topic.objects.create(name="Syria")

    review = make_public_review("The review", film=film, body="<p>By Feras Fayyad.</p>")
    review.topics.add(syria)
    Byline.objects.create(review=review, person=critic)
    feature = make_public_review(
        "The feature",
        kind=Review.Kind.FEATURE,
        film=other_film,
        body="<p>The White Helmets at work.</p>",
    )
    feature.other_films.add(film)
    make_public_review(
        "Wrongly matched",
        film=other_film,
        body="<p>Feras Fayyad and Last Men in Aleppo.</p>",
    ).mentions.update(wrong=True)
    draft = make_review("A draft", film=film, body="<p>Feras Fayyad.</p>")
    draft.topics.add(syria)
    Byline.objects.create(review=draft, person=critic)
    make_public_review(
        "Scheduled",
        film=film,
        body="<p>The White Helmets and Feras Fayyad.</p>",
        publish_at=timezone.now() + timedelta(days=1),
    ).topics.add(syria)
    assert Mention.objects.filter(person=fayyad, wrong=False).count() == 3


@pytest.mark.parametrize("extension", ["rss", "atom"])
@pytest.mark.parametrize(
    ("url", "titles"),
    [
        ("/topics/syria/feed", ["The review"]),
        ("/films/last-men-in-aleppo-2017/feed", ["The feature", "The review"]),
        ("/people/feras-fayyad/feed", ["The review"]),
        ("/people/ana-ferreira/feed", ["The review"]),
        ("/organisations/the-white-helmets/feed", ["The feature"]),
    ],
)
def test_subject_feeds_list_only_their_public_pieces(
    client, subjects, url, titles, extension
):
    assert subject_feed_titles(client, f"{url}.{extension}") == titles


SUBJECT_FEEDS = {
    "/topics/syria/": "/topics/syria/feed",
    "/films/last-men-in-aleppo-2017/": "/films/last-men-in-aleppo-2017/feed",
    "/people/feras-fayyad/": "/people/feras-fayyad/feed",
    "/organisations/the-white-helmets/": "/organisations/the-white-helmets/feed",
}


# One test for every kind of subject: the demo takes seconds to load.
def test_subject_pages_announce_their_feeds(client, demo):
    for page, feed in SUBJECT_FEEDS.items():
        content = client.get(page).content.decode()

        for extension, mime_type in FEED_TYPES.items():
            link = re.search(
                rf'<link rel="alternate" type="{re.escape(mime_type)}" title="([^"]+)" '
                rf'href="{re.escape(feed)}\.{extension}">',
                content,
            )
            assert link, f"no {extension} feed link on {page}"
            assert link.group(1).startswith("Filmdesk: ")
            assert parse(client, f"{feed}.{extension}").feed.title


def test_the_home_page_announces_the_main_feeds(client, demo):
    content = client.get("/").content.decode()

    assert (
        'type="application/rss+xml" title="Filmdesk: latest pieces (RSS)" href="/feeds/reviews.rss"'
        in content
    )
    assert (
        'type="application/atom+xml" title="Filmdesk: latest pieces (Atom)" href="/feeds/reviews.atom"'
        in content
    )


@pytest.mark.parametrize(
    "url",
    ["/topics/nothing/feed.rss", "/films/nothing/feed.atom", "/people/nobody/feed.rss"],
)
def test_a_feed_of_nothing_is_404(client, db, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("make_subject", "path"),
    [
        (lambda name: Topic.objects.create(name=name), "topics"),
        (lambda name: make_film(name), "films"),
        (lambda name: make_person(name), "people"),
        (lambda name: make_organisation(name), "organisations"),
    ],
)
def test_a_channel_description_carries_the_name_as_text(client, make_subject, path):
    """RSS readers render the channel's description as HTML: a name with markup
    in it must read as written, as items' descriptions do; Atom's subtitle is text."""
    name = "Ana <b>Bold</b> & Co"
    subject = make_subject(name)

    rss = ET.fromstring(client.get(f"/{path}/{subject.slug}/feed.rss").content)
    atom = ET.fromstring(client.get(f"/{path}/{subject.slug}/feed.atom").content)

    description = rss.findtext("channel/description")
    assert "Ana &lt;b&gt;Bold&lt;/b&gt; &amp; Co" in description
    assert "<b>" not in description
    assert "Ana <b>Bold</b> & Co" in atom.findtext(f"{ATOM}subtitle")
