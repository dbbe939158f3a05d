"""A film's page: its picture beside its facts, awards as badges, credits by
role with portraits, pieces as cards; people's filmographies as pictures;
each page in a fixed number of queries however many films there are."""

import re

import pytest
from django.test import Client

from films.models import Credit, Film
from tests.factories import make_credit, make_film, make_person, make_public_review
from tests.html import assert_valid_html
from tests.images import image_upload

pytestmark = pytest.mark.django_db

FILM = "/films/last-men-in-aleppo-2017/"


def test_the_film_page_puts_its_picture_beside_its_facts_and_badges(demo):
    content = Client().get(FILM).text

    assert_valid_html(content)
    head = re.search(
        r'<div class="film-head">.*?</section>\s*</div>\s*</div>', content, re.S
    )
    picture = re.search(r"<img [^>]+>", head.group(0)).group(0)
    assert re.search(r'src="/media/cards/film-\d+-[0-9a-f]+\.png"', picture)
    assert 'width="1200" height="630"' in picture
    assert 'fetchpriority="high"' in picture
    assert "<dt>Kind</dt><dd>Documentary</dd>" in head.group(0)
    assert '<a href="/films/?genre=documentary">Documentary</a>' in head.group(0)
    badge = re.search(r'<li class="badge badge-won">(.*?)</li>', head.group(0), re.S)
    assert re.sub(r"<[^>]+>", "", badge.group(1)) in {
        "Winner, World Cinema Grand Jury Prize: Documentary, Sundance Film Festival 2017",
        "Winner, Peabody Award, Peabody Awards, 2017",
    }
    assert (
        '<strong>Nominee</strong>, <a href="/awards/academy-award/#year-2018">'
        "Academy Award</a>: Best Documentary Feature"
    ) in content


def test_a_poster_is_shown_with_its_own_words(demo):
    demo.poster = image_upload("poster.jpg", (1000, 1500))
    demo.poster_alt = "Rescuers in white helmets, looking up"
    demo.save()

    content = Client().get(FILM).text

    head = re.search(r'<div class="film-picture is-poster">.*?</div>', content, re.S)
    assert 'alt="Rescuers in white helmets, looking up"' in head.group(0)
    assert f"/media/{demo.poster.name} 1000w" in head.group(0)


def test_credits_show_portraits_where_there_are_any(demo):
    fayyad = demo.credits.get(role=Credit.Role.DIRECTOR).person
    fayyad.portrait = image_upload("fayyad.jpg", (600, 800))
    fayyad.portrait_alt = "Feras Fayyad"
    fayyad.save()

    content = Client().get(FILM).text

    director = re.search(r"<dt>Director</dt>\s*<dd>(.*?)</dd>", content, re.S).group(1)
    assert re.search(
        r'<a href="/people/feras-fayyad/"><picture>.*<img [^>]*alt=""', director, re.S
    )
    assert "Feras Fayyad</a>" in director
    producers = re.search(r"<dt>Producer</dt>\s*<dd>(.*?)</dd>", content, re.S).group(1)
    assert "<picture>" not in producers


@pytest.mark.parametrize("count", [10, 1000])
def test_film_and_person_pages_take_a_fixed_number_of_queries(
    client, uncached, settings, django_assert_max_num_queries, count
):
    # Cards are queued, not drawn while the page renders: a thousand of them
    # would take minutes, and drawing runs no query.
    settings.TASKS = {
        "default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}
    }
    director = make_person("Feras Fayyad")
    film = make_film("Last Men in Aleppo", year=2017)
    others = Film.objects.bulk_create(
        Film(title=f"Film {n}", slug=f"film-{n}", year=1950 + n % 70)
        for n in range(count)
    )
    Credit.objects.bulk_create(
        Credit(film=other, person=director, role=Credit.Role.DIRECTOR)
        for other in others
    )
    make_credit(film, director)
    make_public_review("On the film", film=film)

    with django_assert_max_num_queries(12):
        assert client.get(film.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(director.get_absolute_url()).status_code == 200
