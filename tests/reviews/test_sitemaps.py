"""Sitemaps: every public page once, with lastmod, images and a news section."""

import xml.etree.ElementTree as ET
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core.cache import cache
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from reviews.models import Review, Topic
from tests.factories import make_film, make_person, make_public_review, make_review
from tests.images import image_upload

pytestmark = pytest.mark.django_db

SECTIONS = ("sections", "pieces", "films", "people", "organisations", "topics", "news")
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
IMAGE = "{http://www.google.com/schemas/sitemap-image/1.1}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@pytest.fixture(autouse=True)
def fresh_cache(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    cache.clear()  # sitemaps are cached whole; each test starts from its own data


def parsed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return ET.fromstring(response.content)


def entries(client, section):
    """{location: <url> element} of one sitemap section."""
    urlset = parsed(client, f"/sitemap-{section}.xml")
    return {url.findtext(f"{SITEMAP}loc"): url for url in urlset.iter(f"{SITEMAP}url")}


def test_every_url_of_every_section_answers_and_has_a_lastmod(client, demo):
    index = parsed(client, "/sitemap.xml")
    sections = [loc.text for loc in index.iter(f"{SITEMAP}loc")]

    assert {urlsplit(s).path for s in sections} >= {
        f"/sitemap-{name}.xml" for name in SECTIONS
    }
    checked = 0
    for section in sections:
        for url in parsed(client, urlsplit(section).path).iter(f"{SITEMAP}url"):
            location = url.findtext(f"{SITEMAP}loc")
            assert parse_datetime(url.findtext(f"{SITEMAP}lastmod")), location
            assert client.get(urlsplit(location).path).status_code == 200, location
            checked += 1
    assert checked >= 30


def test_the_home_page_and_the_lists_are_listed_as_fresh_as_their_content(client, demo):
    urls = entries(client, "sections")
    piece = Review.objects.public().latest("updated_at")

    assert set(urls) == {
        "http://testserver/",
        "http://testserver/reviews/",
        "http://testserver/films/",
    }
    lastmod = urls["http://testserver/"].findtext(f"{SITEMAP}lastmod")
    assert parse_datetime(lastmod) == piece.updated_at.replace(microsecond=0)


def test_a_topic_is_as_fresh_as_its_latest_public_piece(client):
    syria, empty = Topic.objects.create(name="Syria"), Topic.objects.create(name="New")
    with time_machine.travel(timezone.now() - timedelta(days=3)):
        old = make_public_review("Old")
    newer = make_public_review("Newer")
    draft = make_review("Draft edited last")
    for piece in (old, newer, draft):
        piece.topics.add(syria)
    draft.topics.add(empty)

    urls = entries(client, "topics")

    assert list(urls) == ["http://testserver/topics/syria/"]
    lastmod = urls["http://testserver/topics/syria/"].findtext(f"{SITEMAP}lastmod")
    assert parse_datetime(lastmod) == newer.updated_at.replace(microsecond=0)


def test_hero_images_posters_and_portraits_are_listed_as_images(client):
    film = make_film(poster=image_upload("poster.png", size=(600, 900), fmt="PNG"))
    piece = make_public_review(
        film=film, hero_image=image_upload(), hero_alt="Rescuers at work"
    )
    make_public_review("No hero image", film=film)

    pieces = entries(client, "pieces")
    films = entries(client, "films")

    hero = pieces[f"http://testserver{piece.get_absolute_url()}"]
    assert [loc.text for loc in hero.iter(f"{IMAGE}loc")] == [
        f"http://testserver/media/{piece.hero_image.name}"
    ]
    plain = pieces["http://testserver/reviews/no-hero-image/"]
    assert plain.find(f"{IMAGE}image") is None
    poster = films[f"http://testserver{film.get_absolute_url()}"]
    assert [loc.text for loc in poster.iter(f"{IMAGE}loc")] == [
        f"http://testserver/media/{film.poster.name}"
    ]


def test_the_news_sitemap_lists_the_public_pieces_of_the_last_two_days(client):
    now = timezone.now()
    recent = make_public_review("Fresh & new", publish_at=now - timedelta(hours=5))
    make_public_review("Three days old", publish_at=now - timedelta(days=3))
    make_review("Unpublished draft")

    urls = entries(client, "news")

    (location,) = urls
    assert location == f"http://testserver{recent.get_absolute_url()}"
    news = urls[location].find(f"{NEWS}news")
    assert news.findtext(f"{NEWS}publication/{NEWS}name") == "Filmdesk"
    assert news.findtext(f"{NEWS}publication/{NEWS}language") == "en"
    assert news.findtext(f"{NEWS}title") == "Fresh & new"
    published = parse_datetime(news.findtext(f"{NEWS}publication_date"))
    assert published == recent.first_published_at.replace(microsecond=0)


def test_unicode_slugs_are_listed_as_their_pages_address_them(client):
    piece = make_public_review("حلب", slug="حلب-review")
    person = make_person("فراس فياض")

    pieces = entries(client, "pieces")
    people = entries(client, "people")

    assert list(pieces) == [f"http://testserver{piece.get_absolute_url()}"]
    assert list(people) == [f"http://testserver{person.get_absolute_url()}"]
    assert "%D8%AD" in piece.get_absolute_url()
    assert client.get(urlsplit(next(iter(pieces))).path).status_code == 200


def test_times_are_written_in_the_sites_time_zone(client, settings):
    settings.TIME_ZONE = "America/New_York"
    with time_machine.travel("2026-01-15 12:00:00Z"):
        piece = make_public_review("Winter")

    urls = entries(client, "pieces")

    lastmod = urls[f"http://testserver{piece.get_absolute_url()}"].findtext(
        f"{SITEMAP}lastmod"
    )
    assert lastmod.startswith("2026-01-15T07:00:00")
    assert lastmod.endswith("-05:00")


@pytest.mark.parametrize("section", ["pieces", "films", "people"])
def test_a_section_runs_the_same_queries_for_one_or_many_urls(
    client, section, django_assert_max_num_queries
):
    make_person("First person")
    make_public_review("First", hero_image=image_upload(), hero_alt="A street")
    with django_assert_max_num_queries(3):
        assert len(entries(client, section)) == 1
    for number in range(5):
        make_person(f"Person {number}")
        make_public_review(
            f"Piece {number}",
            film=make_film(f"Film {number}", year=2000 + number),
            hero_image=image_upload(),
            hero_alt="A street",
        )
    cache.clear()
    with django_assert_max_num_queries(3):
        assert len(entries(client, section)) >= 5


def test_robots_txt_names_the_index_and_the_news_sitemap(client, db):
    content = client.get("/robots.txt").content.decode()

    assert "Sitemap: http://testserver/sitemap.xml\n" in content
    assert "Sitemap: http://testserver/sitemap-news.xml\n" in content
