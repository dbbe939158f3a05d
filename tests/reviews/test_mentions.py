import re

import pytest

from reviews.models import Mention, Review
from tests.factories import (
    make_film,
    make_organisation,
    make_person,
    make_public_review,
    make_review,
)
from tests.reviews.test_admin import change_url, piece_form

pytestmark = pytest.mark.django_db

PIECE = "/reviews/last-men-in-aleppo-review/"


def mentioned(piece):
    return {str(mention) for mention in piece.mentions.all()}


def prose(content):
    return re.search(r'<div class="prose">(.*?)</div>', content, re.S).group(1)


def test_the_demo_review_mentions_its_world(demo):
    piece = Review.objects.get(slug="last-men-in-aleppo-review")

    assert mentioned(piece) >= {
        "Feras Fayyad",
        "Khaled Omar Harrah",
        "Søren Steen Johannessen",
        "The White Helmets",
        "Aleppo Media Center",
        "Sundance Film Festival",
        "Last Men in Aleppo (2017)",
    }


def test_matching_ignores_case_and_accents_and_respects_word_boundaries():
    make_person("Søren Steen Johannessen")
    make_person("Khaled Omar Harrah", also_known_as="Khaled")

    piece = make_review(
        body="<p>SOREN STEEN JOHANNESSEN edited it; Khaledsson is someone else.</p>"
    )

    assert mentioned(piece) == {"Søren Steen Johannessen"}


def test_a_surname_counts_only_after_the_full_name():
    make_person("Feras Fayyad")

    before = make_review("Before", body="<p>Fayyad alone says nothing.</p>")
    after = make_review(
        "After", body="<p>Feras Fayyad made it.</p><p>Later, Fayyad said more.</p>"
    )

    assert mentioned(before) == set()
    assert mentioned(after) == {"Feras Fayyad"}


def test_headings_and_existing_links_are_left_alone():
    make_person("Feras Fayyad")
    make_organisation("The White Helmets", also_known_as="White Helmets")

    piece = make_review(
        body='<h2>Feras Fayyad</h2><p><a href="https://example.org/">The White '
        "Helmets</a> are volunteers.</p>"
    )

    assert mentioned(piece) == set()


def test_aliases_are_mentions_of_their_entity():
    make_organisation("The White Helmets", also_known_as="Syrian Civil Defense")

    piece = make_review(body="<p>The Syrian Civil Defense dug all night.</p>")

    assert mentioned(piece) == {"The White Helmets"}


def test_removing_a_name_from_the_body_removes_its_mention():
    make_person("Feras Fayyad")
    piece = make_review(body="<p>Feras Fayyad made it.</p>")

    piece.body = "<p>Someone made it.</p>"
    piece.save()

    assert mentioned(piece) == set()


def test_the_first_mention_of_each_entity_links_to_its_page(client, demo):
    body = prose(client.get(PIECE).content.decode())

    assert body.count('href="/people/feras-fayyad/"') == 1
    assert body.count('href="/organisations/the-white-helmets/"') == 1
    assert re.search(r'<a href="/people/feras-fayyad/"[^>]*>Feras Fayyad</a>', body)
    assert re.search(
        r'<a href="/organisations/aleppo-media-center/"[^>]*>Aleppo Media Center</a>',
        body,
    )
    assert "<h2>Sundance award</h2>" in body


def test_an_editor_marks_a_wrong_match_and_it_stays_unlinked(
    client, editor_client, demo
):
    piece = Review.objects.get(slug="last-men-in-aleppo-review")
    wrong = piece.mentions.get(person__slug="feras-fayyad")
    mentions = list(piece.mentions.all())
    form = piece_form(
        piece,
        **{
            "mentions-TOTAL_FORMS": str(len(mentions)),
            "mentions-INITIAL_FORMS": str(len(mentions)),
        },
    )
    for number, mention in enumerate(mentions):
        form[f"mentions-{number}-id"] = mention.pk
        form[f"mentions-{number}-review"] = piece.pk
        for field in ("person", "organisation", "film"):
            form[f"mentions-{number}-{field}"] = getattr(mention, f"{field}_id") or ""
        if mention == wrong:
            form[f"mentions-{number}-wrong"] = "on"

    response = editor_client.post(change_url(piece), form)
    assert response.status_code == 302
    piece.refresh_from_db()
    piece.save()  # a later save scans again

    assert piece.mentions.get(pk=wrong.pk).wrong
    assert 'href="/people/feras-fayyad/"' not in prose(
        client.get(PIECE).content.decode()
    )


def test_an_editor_adds_a_missed_mention_and_it_survives(editor_client, demo):
    piece = Review.objects.get(slug="last-men-in-aleppo-review")
    missed = make_person("Chris White")

    response = editor_client.post(
        change_url(piece),
        piece_form(
            piece,
            **{
                "mentions-TOTAL_FORMS": "1",
                "mentions-INITIAL_FORMS": "0",
                "mentions-0-person": missed.pk,
            },
        ),
    )
    assert response.status_code == 302
    piece.refresh_from_db()
    piece.save()

    mention = piece.mentions.get(person=missed)
    assert mention.added_by_editor


def test_a_name_shared_by_a_group_and_a_film_means_the_group(client):
    helmets = make_organisation("The White Helmets")
    film = make_film("The White Helmets", year=2016)
    make_public_review("About rescue", body="<p>The White Helmets at work.</p>")
    make_review("A draft", body="<p>The White Helmets again.</p>")

    organisation_page = client.get(helmets.get_absolute_url()).content.decode()

    assert "About rescue" in organisation_page
    assert "A draft" not in organisation_page
    assert Mention.objects.filter(organisation=helmets).count() == 2
    assert not Mention.objects.filter(film=film).exists()


def test_person_and_film_pages_list_mentioning_pieces(client):
    person = make_person("Feras Fayyad")
    film = make_film("The Cave", year=2019)
    make_public_review(
        "A feature",
        kind=Review.Kind.FEATURE,
        film=None,
        body="<p>Feras Fayyad went on to make The Cave.</p>",
    )

    assert "A feature" in client.get(person.get_absolute_url()).content.decode()
    assert "A feature" in client.get(film.get_absolute_url()).content.decode()
