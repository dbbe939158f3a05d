import pytest
from django.core.management import call_command

from films.models import Credit, Film, Nomination
from people.models import Organisation, Person

pytestmark = pytest.mark.django_db


def counts():
    return [
        model.objects.count()
        for model in (Person, Organisation, Film, Credit, Nomination)
    ]


def test_seed_demo_loads_the_checked_facts():
    call_command("seed_demo", stdout=None)

    film = Film.objects.get(slug="last-men-in-aleppo-2017")
    assert (film.year, film.kind, film.runtime_minutes) == (2017, "documentary", 104)
    assert [c.code for c in film.countries] == ["DK", "SY"]
    assert film.languages == "Arabic"
    director = film.credits.get(role=Credit.Role.DIRECTOR).person
    assert director.name == "Feras Fayyad"
    subjects = {str(c.party) for c in film.credits.filter(role=Credit.Role.SUBJECT)}
    assert {"Khaled Omar Harrah", "The White Helmets"} <= subjects
    helmets = Organisation.objects.get(slug="the-white-helmets")
    assert "Syrian Civil Defense" in helmets.aliases
    assert helmets.founded == 2013
    sundance = film.nominations.get(award__presenter__name="Sundance Film Festival")
    assert (sundance.award.name, sundance.year, sundance.won) == (
        "World Cinema Grand Jury Prize: Documentary",
        2017,
        True,
    )
    oscar = film.nominations.get(category="Best Documentary Feature")
    assert (oscar.year, oscar.won) == (2018, False)


def test_seed_demo_twice_duplicates_nothing():
    call_command("seed_demo")
    first = counts()

    call_command("seed_demo")

    assert counts() == first


def test_seed_demo_gives_the_director_a_filmography(client):
    call_command("seed_demo")

    fayyad = Person.objects.get(slug="feras-fayyad")
    directed = fayyad.credits.filter(role=Credit.Role.DIRECTOR)
    assert sorted(c.film.title for c in directed) == ["Last Men in Aleppo", "The Cave"]
    cave = Film.objects.get(slug="the-cave-2019")
    oscar = cave.nominations.get(category="Best Documentary Feature")
    assert (oscar.year, oscar.edition, oscar.won) == (
        2020,
        "92nd Academy Awards",
        False,
    )
    assert "The Cave" in client.get("/people/feras-fayyad/").content.decode()
