"""The film index: a grid of posters readers narrow by year, decade, genre,
country, kind and whether a film has a review, and sort; plain GET forms,
one address per combination, stored and refreshed exactly."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from films.models import Film, Genre
from tests.factories import make_credit, make_film, make_person, make_public_review
from tests.html import assert_valid_html
from tests.pages import assert_stored

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("one_clock")]


@pytest.fixture
def films():
    documentary = Genre.objects.create(name="Documentary")
    drama = Genre.objects.create(name="Drama")
    aleppo = make_film(
        "Last Men in Aleppo", year=2017, countries=["DK", "SY"], kind="documentary"
    )
    honeyland = make_film("Honeyland", year=2019, countries=["MK"], kind="documentary")
    helmets = make_film(
        "The White Helmets", year=2016, countries=["GB"], kind="short_documentary"
    )
    early = make_film("An Early Drama", year=1999, countries=["FR"], kind="feature")
    for film in (aleppo, honeyland, helmets):
        film.genres.add(documentary)
    early.genres.add(drama)
    make_credit(aleppo, make_person("Feras Fayyad"))
    now = timezone.now()
    make_public_review(
        "On Honeyland", film=honeyland, publish_at=now - timedelta(days=9)
    )
    make_public_review("On Aleppo", film=aleppo, publish_at=now - timedelta(days=1))
    return {
        "aleppo": aleppo,
        "honeyland": honeyland,
        "helmets": helmets,
        "early": early,
    }


def titles(response):
    assert response.status_code == 200
    return re.findall(r'<h3><a href="/films/[^"]+/">([^<]+)</a></h3>', response.text)


def index(query=""):
    return Client().get(f"/films/{query}")


def test_the_index_is_a_grid_of_pictures_with_year_kind_and_directors(films):
    response = index()

    assert_valid_html(response.text)
    assert titles(response) == [
        "An Early Drama",
        "Honeyland",
        "Last Men in Aleppo",
        "The White Helmets",
    ]
    card = re.search(
        r'<article class="card film-card">.*?Aleppo.*?</article>', response.text, re.S
    )
    assert re.search(r'<img src="/media/cards/film-\d+-[0-9a-f]+\.png"', card.group(0))
    assert re.search(r'width="1200" height="630"', card.group(0))
    assert "2017 · Documentary" in card.group(0)
    assert "By Feras Fayyad" in card.group(0)
    assert '<h2 id="films-heading">4 films</h2>' in response.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?year=2017", ["Last Men in Aleppo"]),
        ("?decade=2010", ["Honeyland", "Last Men in Aleppo", "The White Helmets"]),
        ("?decade=1990", ["An Early Drama"]),
        ("?genre=drama", ["An Early Drama"]),
        ("?country=SY", ["Last Men in Aleppo"]),
        ("?country=DK", ["Last Men in Aleppo"]),
        ("?kind=short_documentary", ["The White Helmets"]),
        ("?reviewed=yes", ["Honeyland", "Last Men in Aleppo"]),
        (
            "?genre=documentary&decade=2010&reviewed=yes",
            ["Honeyland", "Last Men in Aleppo"],
        ),
        ("?genre=westerns", []),
        ("?year=1950", []),
    ],
)
def test_each_filter_narrows_the_index(films, query, expected):
    assert titles(index(query)) == expected


def test_the_index_sorts_by_title_year_or_newest_piece(films):
    assert titles(index("?sort=year")) == [
        "Honeyland",
        "Last Men in Aleppo",
        "The White Helmets",
        "An Early Drama",
    ]
    assert titles(index("?sort=newest-piece")) == [
        "Last Men in Aleppo",
        "Honeyland",
        "An Early Drama",
        "The White Helmets",
    ]


def test_the_filters_are_a_plain_form_showing_what_is_chosen(films):
    content = index("?decade=2010&country=SY&reviewed=yes&sort=year").text

    assert '<form class="search filters" method="get" action="/films/">' in content
    assert '<option value="2010" selected>2010s</option>' in content
    assert '<option value="SY" selected>Syria</option>' in content
    assert '<option value="year" selected>Year, newest first</option>' in content
    assert 'name="reviewed" value="yes" checked' in content
    # Only countries films are from are offered.
    assert '<option value="MK">North Macedonia</option>' in content
    assert '<option value="US">' not in content
    assert '<a href="/films/">Show every film</a>' in content


def test_a_filtered_page_names_its_own_address_in_one_order(films):
    content = index("?sort=year&reviewed=yes&decade=2010&utm_source=x").text

    canonical = "http://testserver/films/?decade=2010&reviewed=yes&sort=year"
    assert f'<link rel="canonical" href="{canonical.replace("&", "&amp;")}">' in content
    assert 'href="http://testserver/films/">' in index().text


@pytest.mark.parametrize(
    ("query", "problem"),
    [
        ("?year=abc", "Year: Give the year as four digits"),
        ("?year=0", "Year: Give the year as four digits"),
        ("?decade=2015", "Decade: Give the decade by its first year"),
        ("?kind=opera", "Kind: There is no kind of film called “opera”."),
        ("?country=XX", "Country: Give a country by its two-letter code"),
        ("?sort=rating", "Sort: Sort by title, year or newest-piece"),
        ("?reviewed=maybe", "Has a review: Leave it out, or give yes."),
        ("?genre=%00", "Genre: A genre is named by its address"),
    ],
)
def test_a_value_that_cannot_be_a_filter_gets_a_400_naming_it(films, query, problem):
    response = index(query)

    assert response.status_code == 400
    assert problem in response.text


def test_a_page_past_the_end_is_not_found(films):
    assert index("?page=2").status_code == 404
    assert index("?page=abc").status_code == 404


def test_each_combination_is_stored_and_a_publish_shows_on_the_next_request(
    films, editor, django_assert_num_queries
):
    reader = Client()
    assert_stored(reader, django_assert_num_queries, "/films/?reviewed=yes")
    assert_stored(reader, django_assert_num_queries, "/films/?sort=newest-piece")

    make_public_review("On the helmets", film=films["helmets"])

    assert "The White Helmets" in titles(reader.get("/films/?reviewed=yes"))
    assert titles(reader.get("/films/?sort=newest-piece"))[0] == "The White Helmets"


def test_a_renamed_genre_and_a_new_film_show_on_the_next_request(
    films, django_assert_num_queries
):
    reader = Client()
    assert_stored(reader, django_assert_num_queries, "/films/?genre=drama")
    assert_stored(reader, django_assert_num_queries, "/films/")

    Genre.objects.filter(slug="drama").update(name="Drama films")
    Genre.objects.get(slug="drama").save()
    make_film("Another Drama", year=2001).genres.add(Genre.objects.get(slug="drama"))

    assert "Drama films" in reader.get("/films/?genre=drama").text
    assert "Another Drama" in titles(reader.get("/films/"))


@pytest.mark.parametrize("count", [10, 1000])
def test_the_index_takes_a_fixed_number_of_queries(
    client, uncached, django_assert_max_num_queries, count
):
    documentary = Genre.objects.create(name="Documentary")
    Film.objects.bulk_create(
        Film(title=f"Film {n}", slug=f"film-{n}", year=1950 + n % 70, countries="SY,DK")
        for n in range(count)
    )
    for film in Film.objects.all()[:5]:
        make_credit(film, make_person(f"Director of {film.title}"))
        film.genres.add(documentary)

    # The count, the page, its directors, the years, genres and countries
    # offered, and the look for share cards drawn.
    with django_assert_max_num_queries(7):
        response = client.get(
            "/films/?genre=documentary&reviewed=yes&sort=newest-piece"
        )
    assert response.status_code == 200
    with django_assert_max_num_queries(7):
        assert client.get("/films/").status_code == 200
