import pytest

from films.models import Credit, Nomination
from people.models import Affiliation, Organisation, Person
from tests.factories import (
    make_credit,
    make_film,
    make_nomination,
    make_organisation,
    make_person,
)

pytestmark = pytest.mark.django_db


def test_person_changelist_searches_aliases_and_counts_films(admin_client):
    khaled = make_person("Khaled Omar Harrah", also_known_as="Khaled")
    make_credit(make_film(), khaled, Credit.Role.SUBJECT)
    make_person("Feras Fayyad")

    response = admin_client.get("/admin/people/person/", {"q": "Khaled"})

    assert response.status_code == 200
    rows = response.context["cl"].result_list
    assert [p.name for p in rows] == ["Khaled Omar Harrah"]
    assert rows[0].film_count == 1


def test_organisation_changelist_finds_an_alias_and_counts_credits(admin_client):
    helmets = make_organisation(also_known_as="Syrian Civil Defense")
    make_credit(make_film(), helmets, Credit.Role.SUBJECT)

    response = admin_client.get(
        "/admin/people/organisation/", {"q": "Syrian Civil Defense"}
    )

    rows = response.context["cl"].result_list
    assert [o.name for o in rows] == ["The White Helmets"]
    assert rows[0].credit_count == 1


def test_person_page_shows_credits_and_affiliations_inline(admin_client):
    khaled = make_person("Khaled Omar Harrah")
    make_credit(make_film(), khaled, Credit.Role.SUBJECT)
    Affiliation.objects.create(
        person=khaled, organisation=make_organisation(), role="Volunteer"
    )

    response = admin_client.get(f"/admin/people/person/{khaled.pk}/change/")

    assert response.status_code == 200
    content = response.content.decode()
    assert "Last Men in Aleppo" in content
    assert "Volunteer" in content


def test_invalid_wikidata_id_is_a_form_error_and_nothing_is_saved(admin_client):
    response = admin_client.post(
        "/admin/people/person/add/",
        {
            "name": "Feras Fayyad",
            "wikidata_id": "not-an-id",
            "affiliations-TOTAL_FORMS": "0",
            "affiliations-INITIAL_FORMS": "0",
            "credits-TOTAL_FORMS": "0",
            "credits-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 200
    assert "wikidata_id" in response.context["adminform"].form.errors
    assert not Person.objects.exists()


def person_form(**fields):
    return {
        "affiliations-TOTAL_FORMS": "0",
        "affiliations-INITIAL_FORMS": "0",
        "credits-TOTAL_FORMS": "0",
        "credits-INITIAL_FORMS": "0",
        **fields,
    }


def test_adding_a_person_whose_name_exists_warns_with_a_link(admin_client):
    existing = make_person("Feras Fayyad", also_known_as="Firas Fayyad")

    response = admin_client.post(
        "/admin/people/person/add/", person_form(name="Firas Fayyad")
    )

    assert response.status_code == 200
    assert f"/admin/people/person/{existing.pk}/change/" in response.content.decode()
    assert Person.objects.count() == 1

    confirmed = admin_client.post(
        "/admin/people/person/add/",
        person_form(name="Firas Fayyad", not_a_duplicate="on"),
    )
    assert confirmed.status_code == 302
    assert Person.objects.count() == 2


def test_merging_people_through_the_admin_moves_everything(admin_client):
    film = make_film()
    full = make_person("Khaled Omar Harrah")
    short = make_person("Khaled", wikidata_id="Q42")
    make_credit(film, full, Credit.Role.SUBJECT)
    make_credit(film, short, Credit.Role.SUBJECT)  # the same credit twice
    make_credit(make_film("Another Film", year=2019), short, Credit.Role.SUBJECT)
    Affiliation.objects.create(
        person=short, organisation=make_organisation(), role="Volunteer"
    )
    nomination = make_nomination(film)
    nomination.honourees.add(short)

    chosen = admin_client.post(
        "/admin/people/person/",
        {"action": "merge_selected", "_selected_action": [full.pk, short.pk]},
    )
    assert chosen.status_code == 200
    assert b"Choose the record to keep" in chosen.content

    done = admin_client.post(
        "/admin/people/person/",
        {
            "action": "merge_selected",
            "_selected_action": [full.pk, short.pk],
            "confirm": "yes",
            "keep": full.pk,
        },
    )

    assert done.status_code == 302
    full.refresh_from_db()
    assert list(Person.objects.all()) == [full]
    assert full.aliases == ["Khaled"]
    assert full.wikidata_id == "Q42"
    assert sorted(c.film.title for c in full.credits.all()) == [
        "Another Film",
        "Last Men in Aleppo",
    ]
    assert full.affiliations.get().role == "Volunteer"
    assert list(Nomination.objects.get().honourees.all()) == [full]


def test_merging_organisations_keeps_names_as_aliases(admin_client):
    helmets = make_organisation("The White Helmets")
    defence = make_organisation("Syrian Civil Defence", also_known_as="SCD")
    make_credit(make_film(), defence, Credit.Role.SUBJECT)

    admin_client.post(
        "/admin/people/organisation/",
        {
            "action": "merge_selected",
            "_selected_action": [helmets.pk, defence.pk],
            "confirm": "yes",
            "keep": helmets.pk,
        },
    )

    helmets.refresh_from_db()
    assert list(Organisation.objects.all()) == [helmets]
    assert helmets.aliases == ["Syrian Civil Defence", "SCD"]
    assert helmets.credits.count() == 1


def test_merging_needs_two_records(admin_client):
    person = make_person()

    response = admin_client.post(
        "/admin/people/person/",
        {"action": "merge_selected", "_selected_action": [person.pk]},
        follow=True,
    )

    assert b"Select at least two records to merge" in response.content
