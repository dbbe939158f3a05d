"""What a shared link shows: Open Graph and Twitter tags, share cards, JSON-LD images."""

from decimal import Decimal

import pytest
from django.core.cache import cache
from django.templatetags.static import static
from PIL import Image

from films.models import Credit
from images.cards import STAND_IN
from people.models import Organisation, Person
from reviews.models import Review, Topic
from tests.factories import make_credit, make_film, make_person, make_public_review
from tests.html import json_ld, meta
from tests.images import image_upload

pytestmark = pytest.mark.django_db

PIECE = "/reviews/last-men-in-aleppo-review/"
DEMO_PAGES = [
    "/",
    "/reviews/",
    "/films/",
    "/search/?q=aleppo",
    "/topics/syria/",
    PIECE,
    "/films/last-men-in-aleppo-2017/",
    "/people/feras-fayyad/",
    "/people/khaled-omar-harrah/",
    "/organisations/the-white-helmets/",
    "/organisations/sundance-film-festival/",
]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    cache.clear()  # forget cards stored under an earlier test's folder
    return tmp_path


def share_tags(client, url):
    content = client.get(url).content.decode()
    return {
        name: meta(content, attribute, name)
        for attribute, names in {
            "property": ["og:image", "og:image:width", "og:image:height"],
            "name": ["twitter:card", "twitter:image"],
        }.items()
        for name in names
    } | {"og:image:alt": meta(content, "property", "og:image:alt")}


def stored(media_root, url):
    """The stored file behind a /media/ URL."""
    return media_root / url.split("/media/", 1)[1]


# One test for all the demo's pages: the demo takes seconds to load.
def test_every_page_names_a_large_share_image_with_its_size_and_alt_text(
    client, demo, media_root
):
    for url in DEMO_PAGES:
        tags = share_tags(client, url)

        assert tags["og:image"].startswith("http://testserver/media/cards/"), url
        assert tags["twitter:image"] == tags["og:image"], url
        assert tags["twitter:card"] == "summary_large_image", url
        assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
        assert tags["og:image:alt"], url
        with Image.open(stored(media_root, tags["og:image"])) as card:
            assert (card.format, card.size) == ("PNG", (1200, 630)), url


def test_a_rated_and_an_unrated_piece_get_cards_that_say_so(client, media_root):
    rated = make_public_review("Rated", rating=Decimal("3.5"))
    unrated = make_public_review("Unrated", kind=Review.Kind.FEATURE, film=None)

    rated_tags = share_tags(client, rated.get_absolute_url())
    unrated_tags = share_tags(client, unrated.get_absolute_url())

    assert rated_tags["og:image:alt"] == (
        "Rated · Last Men in Aleppo (2017) · 3.5 out of 5 · Filmdesk"
    )
    assert unrated_tags["og:image:alt"] == "Unrated · Filmdesk"
    for tags in (rated_tags, unrated_tags):
        with Image.open(stored(media_root, tags["og:image"])) as card:
            card.load()
            assert card.size == (1200, 630)
            assert len(card.getcolors(maxcolors=100_000)) > 2  # something is drawn


def test_a_card_is_drawn_once_and_again_when_the_headline_changes(client, media_root):
    piece = make_public_review("First headline")

    first = share_tags(client, piece.get_absolute_url())["og:image"]
    file = stored(media_root, first)
    drawn = file.stat()
    cache.clear()  # a fresh worker finds the stored card
    again = share_tags(client, piece.get_absolute_url())["og:image"]
    piece.headline = "Second headline"
    piece.save()
    changed = share_tags(client, piece.get_absolute_url())["og:image"]

    assert again == first
    assert (file.stat().st_mtime_ns, file.stat().st_ino) == (
        drawn.st_mtime_ns,
        drawn.st_ino,
    )
    assert changed != first
    assert stored(media_root, changed).is_file()
    cards = [f for f in (media_root / "cards").glob("piece-*.png") if "w" not in f.stem]
    assert len(cards) == 2


def test_the_hero_image_is_shared_at_its_1200_pixel_rendition(client, media_root):
    piece = make_public_review(hero_image=image_upload(), hero_alt="Rescuers at work")

    tags = share_tags(client, piece.get_absolute_url())

    stem = piece.hero_image.name.removesuffix(".jpg")
    assert tags["og:image"] == f"http://testserver/media/{stem}-1200w.jpg"
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "667")
    assert tags["og:image:alt"] == "Rescuers at work"
    with Image.open(stored(media_root, tags["og:image"])) as shared:
        assert shared.size == (1200, 667)
    (data,) = json_ld(client.get(piece.get_absolute_url()).content.decode())
    assert data["image"] == tags["og:image"]


def test_without_a_hero_image_the_film_poster_is_shared(client, media_root):
    film = make_film(
        poster=image_upload("poster.png", size=(600, 900), fmt="PNG"),
        poster_alt="A rescuer carries a child",
    )
    piece = make_public_review(film=film)

    tags = share_tags(client, piece.get_absolute_url())
    (data,) = json_ld(client.get(piece.get_absolute_url()).content.decode())

    assert tags["og:image"] == f"http://testserver/media/{film.poster.name}"
    assert (tags["og:image:width"], tags["og:image:height"]) == ("600", "900")
    assert tags["og:image:alt"] == "A rescuer carries a child"
    assert data["image"] == tags["og:image"]
    assert data["itemReviewed"]["image"] == tags["og:image"]


def test_the_review_and_its_movie_have_absolute_images_in_json_ld(client, demo):
    (data,) = json_ld(client.get(PIECE).content.decode())
    (movie,) = json_ld(client.get(demo.get_absolute_url()).content.decode())

    assert data["image"].startswith("http://testserver/media/cards/piece-")
    assert data["itemReviewed"]["image"].startswith("http://testserver/media/cards/")
    assert movie["image"] == data["itemReviewed"]["image"]


def test_person_and_organisation_pages_share_a_card_with_the_name(client):
    person = make_person("Khaled Omar Harrah", birth_year=1983)
    organisation = Organisation.objects.create(
        name="Aleppo Media Center", kind=Organisation.Kind.MEDIA_COLLECTIVE
    )
    topic = Topic.objects.create(name="Syria")

    assert share_tags(client, person.get_absolute_url())["og:image:alt"] == (
        "Khaled Omar Harrah · 1983– · Filmdesk"
    )
    assert share_tags(client, organisation.get_absolute_url())["og:image:alt"] == (
        "Aleppo Media Center · Filmdesk"
    )
    assert share_tags(client, topic.get_absolute_url())["og:image:alt"] == (
        "Syria · Filmdesk"
    )


def test_a_portrait_is_shared_when_there_is_one(client):
    person = Person.objects.create(
        name="Feras Fayyad",
        portrait=image_upload("face.jpg", size=(800, 1000)),
        portrait_alt="Feras Fayyad in Copenhagen",
    )
    make_credit(make_film(), person, Credit.Role.DIRECTOR)

    tags = share_tags(client, person.get_absolute_url())

    assert tags["og:image"] == f"http://testserver/media/{person.portrait.name}"
    assert tags["og:image:alt"] == "Feras Fayyad in Copenhagen"


def test_a_page_renders_when_its_card_cannot_be_stored(client, settings, tmp_path):
    (tmp_path / "not-a-folder").write_text("media storage is broken")
    settings.MEDIA_ROOT = tmp_path / "not-a-folder" / "media"
    piece = make_public_review()

    response = client.get(piece.get_absolute_url())

    assert response.status_code == 200
    # Not the card, which is not there: the stand-in, which is.
    assert meta(response.content.decode(), "property", "og:image") == (
        f"http://testserver{static(STAND_IN)}"
    )


REQUIRED = {
    "property": [
        "og:site_name",
        "og:type",
        "og:title",
        "og:description",
        "og:url",
        "og:image",
        "og:image:width",
        "og:image:height",
        "og:image:alt",
    ],
    "name": [
        "description",
        "twitter:card",
        "twitter:title",
        "twitter:description",
        "twitter:image",
    ],
}


def test_every_public_page_has_every_required_property(client, demo):
    for url in [url for url in DEMO_PAGES if "?" not in url]:
        content = client.get(url).content.decode()

        missing = [
            name
            for attribute, names in REQUIRED.items()
            for name in names
            if not meta(content, attribute, name)
        ]
        assert missing == [], url
        for data in json_ld(content):
            for key in ("@type", "name", "url", "description"):
                assert data[key], (url, key)
            if data["@type"] in ("Review", "Movie"):
                assert data["image"].startswith("http://testserver/"), url
            if data["@type"] == "Review":
                image = data["itemReviewed"]["image"]
                assert image.startswith("http://testserver/"), url
