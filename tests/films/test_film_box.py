"""The film box on a piece's page is stored with the film (films/boxes.py): every
change it shows reaches the page at the very next request, with the page cache on."""

import pytest
from django.contrib.auth.models import Group

from films.models import Credit, Film
from people.merging import merge
from tests.factories import (
    make_credit,
    make_film,
    make_nomination,
    make_organisation,
    make_person,
    make_public_review,
)
from tests.html import assert_valid_html, json_ld
from tests.pages import assert_stored, queries_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("one_clock")]


@pytest.fixture
def piece():
    film = make_film()
    make_credit(film, make_person("Feras Fayyad"))
    return make_public_review(film=film)


def box(client, piece):
    """The film box of the piece's page, as a reader gets it, and the page's
    schema.org description of the film."""
    content = client.get(piece.get_absolute_url()).content.decode()
    start = content.index('<aside class="factbox"')
    (data,) = json_ld(content)
    return content[start : content.index("</aside>", start)], data["itemReviewed"]


def stored(client, piece, django_assert_num_queries):
    assert_stored(client, django_assert_num_queries, piece.get_absolute_url())


def test_the_box_shows_credits_and_awards_as_the_film_has_them(client, piece):
    make_credit(piece.film, make_person("Khaled Omar Harrah"), Credit.Role.SUBJECT)
    make_nomination(piece.film, category="Best Documentary Feature", won=False)

    shown, movie = box(client, piece)

    assert '<dt>Director</dt><dd><a href="/people/feras-fayyad/">Feras' in shown
    assert '<a href="/people/khaled-omar-harrah/">Khaled Omar Harrah</a>' in shown
    assert "Academy Award: Best Documentary Feature" in shown
    assert movie["director"] == [
        {
            "@type": "Person",
            "name": "Feras Fayyad",
            "url": "http://testserver/people/feras-fayyad/",
        }
    ]
    assert movie["url"] == "http://testserver/films/last-men-in-aleppo-2017/"
    assert_valid_html(client.get(piece.get_absolute_url()).content.decode())


def test_renaming_a_credited_person_shows_in_the_box_at_once(
    client, piece, django_assert_num_queries
):
    stored(client, piece, django_assert_num_queries)

    director = piece.film.credits.get().person
    director.name = "Firas Fayyad"
    director.save()

    shown, movie = box(client, piece)
    assert ">Firas Fayyad</a>" in shown
    assert movie["director"][0]["name"] == "Firas Fayyad"
    assert "directed by Firas Fayyad" in movie["description"]


def test_credits_added_and_removed_show_in_the_box_at_once(
    client, piece, django_assert_num_queries
):
    stored(client, piece, django_assert_num_queries)

    subject = make_credit(piece.film, make_person("Mahmoud"), Credit.Role.SUBJECT)
    assert "<dt>Subject</dt>" in box(client, piece)[0]

    stored(client, piece, django_assert_num_queries)
    subject.delete()
    assert "Mahmoud" not in box(client, piece)[0]


def test_an_award_and_its_presenter_renamed_show_in_the_box_at_once(
    client, piece, django_assert_num_queries
):
    nomination = make_nomination(piece.film, won=True)
    stored(client, piece, django_assert_num_queries)

    award = nomination.award
    award.name = "Oscar"
    award.save()
    award.presenter.name = "The Academy"
    award.presenter.save()

    shown = box(client, piece)[0]
    assert "<dt>Won</dt><dd>Oscar," in shown
    assert ">The Academy</a>" in shown


def test_merging_a_credited_person_shows_the_kept_one_in_the_box(
    client, piece, django_assert_num_queries
):
    duplicate = make_person("Feras Fayad")
    make_credit(piece.film, duplicate, Credit.Role.CAST)
    stored(client, piece, django_assert_num_queries)
    editor = Group.objects.get(name="Editors").user_set.create(username="editor")

    merge(
        piece.film.credits.get(role=Credit.Role.DIRECTOR).person, [duplicate], by=editor
    )

    shown = box(client, piece)[0]
    assert "Feras Fayad" not in shown
    assert '<dt>Cast</dt><dd><a href="/people/feras-fayyad/">Feras Fayyad</a>' in shown


def test_the_film_fields_shown_in_the_box_follow_a_save(client, piece):
    film = piece.film
    film.runtime_minutes = 104
    film.save()

    assert "<dt>Runtime</dt><dd>104 minutes</dd>" in box(client, piece)[0]


def test_a_film_written_around_the_model_gets_its_box_on_first_show(client):
    (film,) = Film.objects.bulk_create([Film(title="Aleppo", slug="aleppo", year=2017)])
    piece = make_public_review(film=film)
    Credit.objects.bulk_create(
        [Credit(film=film, person=make_person(), role=Credit.Role.DIRECTOR)]
    )
    Film.objects.filter(pk=film.pk).update(box={})

    assert ">Feras Fayyad</a>" in box(client, piece)[0]
    assert "Feras Fayyad" in Film.objects.get(pk=film.pk).box["facts"]


@pytest.mark.usefixtures("uncached")
def test_stored_facts_are_cleaned_again_on_the_way_out(client, piece):
    box(client, piece)
    film = Film.objects.get(pk=piece.film.pk)
    facts = film.box["facts"].replace(
        "<dt>Kind", '<script>alert("x")</script><dt onclick="x()">Kind'
    )
    Film.objects.filter(pk=film.pk).update(box={**film.box, "facts": facts})

    shown = box(client, piece)[0]
    assert 'alert("x")' not in shown
    assert "onclick" not in shown
    assert "<dt>Kind</dt>" in shown


@pytest.mark.usefixtures("uncached")  # a deploy leaves stored pages behind too
def test_a_box_rendered_by_an_older_version_is_rendered_again_when_shown(client, piece):
    box(client, piece)
    film = Film.objects.get(pk=piece.film.pk)
    older = {
        **film.box,
        "format": "older",
        "facts": "<dl><dt>Kind</dt><dd>Old</dd></dl>",
    }
    Film.objects.filter(pk=film.pk).update(box=older)

    shown = box(client, piece)[0]

    assert "<dd>Old</dd>" not in shown
    assert "<dt>Kind</dt><dd>Feature</dd>" in shown
    assert Film.objects.get(pk=film.pk).box["format"] != "older"


def test_storing_a_box_on_first_show_leaves_the_page_stored(client, piece):
    Film.objects.filter(pk=piece.film.pk).update(box={})
    client.get(piece.get_absolute_url())

    # Readers saw no other box: the page just stored is current.
    assert not queries_of(client, piece.get_absolute_url())


def test_an_edition_naming_its_presenter_stands_for_both(client, piece):
    make_nomination(piece.film, edition="90th Academy Awards", won=False)
    sundance = make_nomination(
        piece.film, "Grand Jury Prize", edition="Sundance 2017", year=2017, won=True
    )
    sundance.award.presenter = make_organisation("Sundance", kind="festival")
    sundance.award.save()

    shown = box(client, piece)[0]
    film_page = client.get(piece.film.get_absolute_url()).content.decode()

    academy = '<a href="/organisations/academy-of-motion-picture-arts-and-sciences/">'
    for page in (shown, film_page):
        assert f"{academy}Academy of Motion Picture Arts and Sciences</a>, 90th" in page
        assert '<a href="/organisations/sundance/">Sundance 2017</a>' in page
        assert "Sundance</a>" not in page
