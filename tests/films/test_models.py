import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from films.models import Credit, Film
from tests.factories import make_credit, make_film, make_organisation, make_person

pytestmark = pytest.mark.django_db


def test_a_credit_needs_exactly_one_party():
    film, person, organisation = make_film(), make_person(), make_organisation()

    with pytest.raises(ValidationError, match="exactly one of the two"):
        Credit.objects.create(
            film=film, person=person, organisation=organisation, role="subject"
        )
    with pytest.raises(ValidationError, match="exactly one of the two"):
        Credit.objects.create(film=film, role="subject")
    assert not Credit.objects.exists()


def test_the_database_refuses_a_credit_with_both_parties():
    film, person, organisation = make_film(), make_person(), make_organisation()

    with pytest.raises(IntegrityError):
        Credit.objects.bulk_create(
            [Credit(film=film, person=person, organisation=organisation, role="cast")]
        )


def test_the_same_credit_cannot_be_recorded_twice():
    film, person = make_film(), make_person()
    make_credit(film, person, Credit.Role.DIRECTOR)
    make_credit(film, person, Credit.Role.WRITER)

    with pytest.raises(ValidationError, match="has this credit already"):
        make_credit(film, person, Credit.Role.DIRECTOR)
    with pytest.raises(IntegrityError):
        Credit.objects.bulk_create([Credit(film=film, person=person, role="director")])


def test_cast_credits_differ_by_character():
    film, person = make_film("A Fiction"), make_person("An Actor")
    make_credit(film, person, Credit.Role.CAST, character="Twin A")
    make_credit(film, person, Credit.Role.CAST, character="Twin B")

    assert film.credits.count() == 2


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"runtime_minutes": 0}, "runtime_minutes"),
        ({"year": 1700}, "year"),
        ({"imdb_id": "nm1234567"}, "imdb_id"),
        ({"wikidata_id": "q1"}, "wikidata_id"),
    ],
)
def test_invalid_film_values_raise_validation_error(fields, field):
    with pytest.raises(ValidationError) as error:
        make_film(**fields)

    assert field in error.value.message_dict
    assert not Film.objects.exists()


def test_the_database_refuses_a_zero_runtime():
    film = make_film()

    with pytest.raises(IntegrityError):
        Film.objects.filter(pk=film.pk).update(runtime_minutes=0)


def test_film_slugs_include_the_year_and_stay_unique():
    first = make_film("The White Helmets", year=2016)
    second = make_film("The White Helmets", year=2016)

    assert first.slug == "the-white-helmets-2016"
    assert second.slug == "the-white-helmets-2016-2"
