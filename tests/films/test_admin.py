import pytest

from films.models import Credit, Film
from tests.factories import make_film, make_organisation, make_person

pytestmark = pytest.mark.django_db


def film_form(**fields):
    return {
        "title": "Last Men in Aleppo",
        "year": "2017",
        "kind": "documentary",
        "credits-TOTAL_FORMS": "0",
        "credits-INITIAL_FORMS": "0",
        "nominations-TOTAL_FORMS": "0",
        "nominations-INITIAL_FORMS": "0",
        **fields,
    }


def test_film_add_page_has_credit_and_nomination_inlines_with_autocomplete(
    admin_client,
):
    response = admin_client.get("/admin/films/film/add/")

    content = response.content.decode()
    assert response.status_code == 200
    assert 'name="credits-TOTAL_FORMS"' in content
    assert 'name="nominations-TOTAL_FORMS"' in content
    assert "admin-autocomplete" in content


def test_a_film_is_saved_with_its_credits(admin_client):
    person = make_person()
    helmets = make_organisation()

    response = admin_client.post(
        "/admin/films/film/add/",
        film_form(
            **{
                "credits-TOTAL_FORMS": "2",
                "credits-0-role": "director",
                "credits-0-person": person.pk,
                "credits-0-order": "0",
                "credits-1-role": "subject",
                "credits-1-organisation": helmets.pk,
                "credits-1-order": "1",
            }
        ),
    )

    assert response.status_code == 302
    film = Film.objects.get()
    assert film.slug == "last-men-in-aleppo-2017"
    assert [c.party for c in film.credits.all()] == [person, helmets]


def test_a_credit_with_both_parties_is_a_form_error_and_nothing_is_saved(
    admin_client,
):
    response = admin_client.post(
        "/admin/films/film/add/",
        film_form(
            **{
                "credits-TOTAL_FORMS": "1",
                "credits-0-role": "subject",
                "credits-0-person": make_person().pk,
                "credits-0-organisation": make_organisation().pk,
                "credits-0-order": "0",
            }
        ),
    )

    assert response.status_code == 200
    assert "exactly one of the two" in response.content.decode()
    assert not Film.objects.exists()
    assert not Credit.objects.exists()


def test_an_out_of_range_year_is_a_form_error(admin_client):
    response = admin_client.post("/admin/films/film/add/", film_form(year="1200"))

    assert response.status_code == 200
    assert "year" in response.context["adminform"].form.errors
    assert not Film.objects.exists()


def test_adding_a_film_with_an_existing_title_and_year_warns(admin_client):
    existing = make_film()

    response = admin_client.post("/admin/films/film/add/", film_form())

    assert f"/admin/films/film/{existing.pk}/change/" in response.content.decode()
    assert Film.objects.count() == 1


def test_the_same_title_in_another_year_is_no_duplicate(admin_client):
    make_film(year=1999)

    response = admin_client.post("/admin/films/film/add/", film_form())

    assert response.status_code == 302
    assert Film.objects.count() == 2


@pytest.mark.parametrize(
    "url",
    [
        "/admin/films/film/",
        "/admin/films/genre/",
        "/admin/films/award/",
        "/admin/films/nomination/",
        "/admin/films/credit/",
        "/admin/people/affiliation/",
    ],
)
def test_changelists_render(admin_client, url):
    assert admin_client.get(url).status_code == 200
