"""Cards: every list of pieces shows each one with its picture (the hero
image, else the film's poster, else its drawn card) in every stored size,
with its width and height, and its rating as stars with words."""

import re
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.test import Client

from reviews.models import Review
from tests.factories import make_film, make_public_review
from tests.html import assert_valid_html
from tests.images import image_upload

pytestmark = pytest.mark.django_db

SECOND = "Aleppo after the siege"
STANDFIRST = ">What the siege left.<"
# Each page that lists pieces, and what the card says below its headline.
LISTS = {
    "home": ("/", STANDFIRST),
    "archive": ("/reviews/", STANDFIRST),
    "topic": ("/topics/syria/", STANDFIRST),
    "film": ("/films/last-men-in-aleppo-2017/", STANDFIRST),
    "person (written)": ("/people/ana-ferreira/", STANDFIRST),
    "person (mentioned)": ("/people/feras-fayyad/", STANDFIRST),
    "organisation": ("/organisations/the-white-helmets/", STANDFIRST),
    # Search shows the words around what was searched for.
    "search": ("/search/?q=siege", "What the <mark>siege</mark> left."),
    "related on a piece": ("/reviews/last-men-in-aleppo-review/", STANDFIRST),
}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    cache.clear()  # forget cards stored under an earlier test's folder
    return tmp_path


@pytest.fixture
def second_piece(demo):
    """Another rated review of the demo's film by its critic, on Syria,
    naming Feras Fayyad and the White Helmets."""
    piece = make_public_review(
        SECOND,
        film=demo,
        rating=Decimal("3.5"),
        standfirst="What the siege left.",
        body="<p>Feras Fayyad returns to The White Helmets after the siege.</p>",
    )
    demo_piece = Review.objects.get(slug="last-men-in-aleppo-review")
    piece.bylines.create(person=demo_piece.bylines.get().person, order=0)
    piece.topics.set(demo_piece.topics.all())
    return piece


def card_of(content, headline):
    """The card whose headline is `headline`."""
    for card in re.findall(
        r"<article class=\"card[^\"]*\">.*?</article>", content, re.S
    ):
        if f">{headline}</a>" in card:
            return card
    raise AssertionError(f"No card for {headline!r}")


# One test for every list: the demo takes seconds to load.
def test_every_list_of_pieces_shows_cards_with_picture_and_stars(second_piece):
    for where, (url, summary) in LISTS.items():
        content = Client().get(url).content.decode()

        card = card_of(content, SECOND)
        image = re.search(r"<img [^>]+>", card).group(0)
        assert re.search(r'width="\d+" height="\d+"', image), where
        assert 'alt=""' in image, where  # the card's own text says what it shows
        assert re.search(r'srcset="[^"]*-400w\.png 400w', image), where
        assert '<source type="image/webp"' in card, where
        assert '<span aria-hidden="true">★★★½☆</span>' in card, where
        assert 'Rated </span><span class="rating-text">3.5 out of 5' in card, where
        assert summary in card, where
        assert "By Ana Ferreira" in card, where
        assert_valid_html(content)


def test_a_card_shows_the_hero_image_in_every_stored_size(demo):
    piece = make_public_review(
        "With a hero", hero_image=image_upload(), hero_alt="Rescuers at work"
    )

    card = card_of(Client().get("/reviews/").content.decode(), piece.headline)

    stem = piece.hero_image.name.removesuffix(".jpg")
    assert f"/media/{stem}-400w.webp 400w" in card
    assert f"/media/{stem}-800w.jpg 800w" in card
    assert f"/media/{piece.hero_image.name} 1800w" in card
    assert 'width="1200" height="667"' in card


def test_without_a_hero_a_card_shows_the_films_poster(demo):
    film = make_film("Poster film", poster=image_upload("poster.jpg", (1000, 1500)))
    piece = make_public_review("About a film with a poster", film=film)

    card = card_of(Client().get("/reviews/").content.decode(), piece.headline)

    assert f"/media/{film.poster.name} 1000w" in card
    assert "/media/cards/" not in card


def test_an_unrated_card_shows_no_stars(demo):
    piece = make_public_review(
        "An unrated feature", kind=Review.Kind.FEATURE, film=None
    )

    card = card_of(Client().get("/reviews/").content.decode(), piece.headline)

    assert "rating" not in card
    assert "Feature" in card


def test_cards_of_one_film_share_its_colour_and_others_differ(demo, media_root):
    from PIL import Image

    other = make_film("Another film", year=2019)
    pieces = [
        make_public_review(f"On {film.title}, {n}", film=film)
        for film in (demo, demo, other)
        for n in range(1)
    ] + [make_public_review("Second on the demo film", film=demo)]
    content = Client().get("/reviews/").content.decode()

    def ground(piece):
        src = re.search(r'<img src="/media/([^"]+)"', card_of(content, piece.headline))
        with Image.open(media_root / src.group(1)) as drawn:
            return drawn.convert("RGB").getpixel((400, 600))

    first, _, third, fourth = pieces
    assert ground(first) == ground(fourth)
    assert ground(first) != ground(third)
