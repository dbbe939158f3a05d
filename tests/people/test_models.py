import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from people.models import Organisation, Person
from tests.factories import make_organisation, make_person

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Feras Fayyad", "feras-fayyad"),
        ("Søren Steen Johannessen", "soren-steen-johannessen"),
        ("Françoise Dorléac", "francoise-dorleac"),
        ("فراس فياض", "فراس-فياض"),
        ("Сергей Лозница", "сергей-лозница"),
    ],
)
def test_slugs_are_readable_in_any_script(name, slug):
    assert make_person(name).slug == slug


def test_people_with_the_same_name_get_distinct_slugs():
    first, second = make_person("Khaled"), make_person("Khaled")

    assert (first.slug, second.slug) == ("khaled", "khaled-2")


def test_sort_name_puts_the_surname_first_unless_given():
    assert make_person("Feras Fayyad").sort_name == "Fayyad, Feras"
    assert make_person("Subhi").sort_name == "Subhi"
    assert make_person(
        "Orlando von Einsiedel", sort_name="von Einsiedel, Orlando"
    ).sort_name == ("von Einsiedel, Orlando")


def test_people_are_listed_by_sort_name():
    make_person("Stefan Kloos")
    make_person("Kareem Abeed")
    make_person("Feras Fayyad")

    assert [p.name for p in Person.objects.all()] == [
        "Kareem Abeed",
        "Feras Fayyad",
        "Stefan Kloos",
    ]


def test_aliases_match_names_in_queries():
    helmets = make_organisation(also_known_as="Syrian Civil Defense\nWhite Helmets")

    assert list(Organisation.objects.matching_name("syrian civil defense")) == [helmets]
    assert helmets.aliases == ["Syrian Civil Defense", "White Helmets"]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"birth_year": 1492}, "birth_year"),
        ({"birth_year": 2300}, "birth_year"),
        ({"wikidata_id": "28054418"}, "wikidata_id"),
        ({"wikidata_id": "Q12x"}, "wikidata_id"),
        ({"imdb_id": "tt1234567"}, "imdb_id"),
        ({"birth_year": 1990, "death_year": 1980}, "__all__"),
    ],
)
def test_invalid_values_raise_validation_error_and_save_nothing(fields, field):
    with pytest.raises(ValidationError) as error:
        make_person(**fields)

    assert field in error.value.message_dict
    assert not Person.objects.exists()


def test_identifiers_are_unique_when_set_and_may_be_empty_for_many():
    make_person("One", wikidata_id="Q1")
    make_person("Two")
    make_person("Three")

    with pytest.raises(ValidationError, match="Another person has this Wikidata id"):
        make_person("Four", wikidata_id="Q1")


def test_the_database_itself_refuses_out_of_range_years_and_bad_ids():
    person = make_person()

    with pytest.raises(IntegrityError):
        Person.objects.filter(pk=person.pk).update(birth_year=1200)


def test_the_database_refuses_malformed_wikidata_ids():
    organisation = make_organisation()

    with pytest.raises(IntegrityError):
        Organisation.objects.filter(pk=organisation.pk).update(wikidata_id="X1")
