"""Every page describes itself: meta description, Open Graph, Twitter and JSON-LD."""

from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from films.models import Credit, Film
from people.models import Affiliation, Organisation
from reviews.models import Review
from tests.factories import (
    make_credit,
    make_film,
    make_organisation,
    make_person,
    make_public_review,
)
from tests.html import json_ld, meta
from tests.reviews.test_sharing import DEMO_PAGES

pytestmark = pytest.mark.django_db

LONG_SENTENCE = " ".join(["The rescuers dig through the rubble again"] * 6) + "."


def descriptions(client, url):
    """The page's description as each reader of it sees it."""
    content = client.get(url).content.decode()
    found = {
        "meta": unescape(meta(content, "name", "description")),
        "og": unescape(meta(content, "property", "og:description")),
        "twitter": unescape(meta(content, "name", "twitter:description")),
    }
    for data in json_ld(content):
        found["json-ld"] = data["description"]
    return found


def description(client, url):
    (text,) = set(descriptions(client, url).values())
    return text


# One test for all the demo's pages: the demo takes seconds to load.
def test_every_demo_page_has_one_description_everywhere(client, demo):
    for url in DEMO_PAGES:
        found = descriptions(client, url)

        assert all(found.values()), (url, found)
        assert len(set(found.values())) == 1, (url, found)
        assert len(found["meta"]) <= 160, url


def test_a_piece_without_standfirst_is_described_by_its_opening_sentences(client):
    piece = make_public_review(
        standfirst="",
        body="<h2>Under siege</h2><p>Khaled stays in Aleppo. He digs for survivors "
        "every day, with his friends from the civil defence.</p>"
        f"<p>{LONG_SENTENCE}</p>",
    )

    assert description(client, piece.get_absolute_url()) == (
        "Khaled stays in Aleppo. He digs for survivors every day, "
        "with his friends from the civil defence."
    )


def test_one_long_sentence_is_cut_at_a_word_with_an_ellipsis(client):
    piece = make_public_review(standfirst="", body=f"<p>{LONG_SENTENCE}</p>")

    text = description(client, piece.get_absolute_url())

    assert text.endswith(" through…")
    assert len(text) <= 155
    assert LONG_SENTENCE.startswith(text.removesuffix("…"))


def test_a_piece_with_no_text_is_described_by_its_facts(client):
    piece = make_public_review("The rescuers who chose to stay", standfirst="", body="")
    piece.bylines.create(person=make_person("Ana Ferreira"))

    assert description(client, piece.get_absolute_url()) == (
        "Review of Last Men in Aleppo (2017) by Ana Ferreira: "
        "The rescuers who chose to stay."
    )


def test_the_seo_description_comes_first(client):
    piece = make_public_review(standfirst="A standfirst.", seo_description="For SEO.")

    assert description(client, piece.get_absolute_url()) == "For SEO."


def test_a_person_without_a_bio_is_described_by_their_films(client, demo):
    assert description(client, "/people/feras-fayyad/") == (
        "Feras Fayyad: director of Last Men in Aleppo (2017) and The Cave (2019); "
        "writer of Last Men in Aleppo (2017)."
    )
    assert description(client, "/people/soren-steen-johannessen/") == (
        "Søren Steen Johannessen: co-director and editor of Last Men in Aleppo (2017)."
    )


def test_a_person_with_no_credits_is_described_by_affiliations_or_the_site(client):
    volunteer = make_person("Khaled Omar Harrah")
    Affiliation.objects.create(
        person=volunteer, organisation=make_organisation(), role="volunteer"
    )
    unknown = make_person("Nobody Yet")

    assert description(client, volunteer.get_absolute_url()) == (
        "Khaled Omar Harrah: volunteer with The White Helmets."
    )
    assert description(client, unknown.get_absolute_url()) == (
        "Nobody Yet on Filmdesk: films, pieces and mentions."
    )


def test_an_organisation_without_a_description_is_described_by_kind_and_credits(
    client, demo
):
    assert description(client, "/organisations/the-white-helmets/") == (
        "The White Helmets: NGO founded in 2013; subject of The White Helmets (2016) "
        "and Last Men in Aleppo (2017)."
    )
    assert description(client, "/organisations/larm-film/") == (
        "Larm Film: production company of Last Men in Aleppo (2017)."
    )
    # "U.S." ends no sentence: the description runs on to the length it may.
    assert description(client, "/organisations/sundance-film-festival/") == (
        "Sundance Film Festival: festival; presents the Directing Award: U.S. "
        "Documentary, U.S. Documentary Special Jury Award and World Cinema Grand "
        "Jury Prize…"
    )


def test_a_film_without_a_synopsis_is_described_by_year_kind_and_director(client):
    film = make_film(kind=Film.Kind.DOCUMENTARY)
    make_credit(film, make_person("Feras Fayyad"))
    make_credit(film, make_person("Søren Steen Johannessen"), Credit.Role.EDITOR)

    assert description(client, film.get_absolute_url()) == (
        "Last Men in Aleppo (2017): documentary directed by Feras Fayyad."
    )


def test_the_demo_has_no_empty_description_on_any_person_or_organisation(client, demo):
    from people.models import Person

    pages = [p.get_absolute_url() for p in Person.objects.all()] + [
        o.get_absolute_url() for o in Organisation.objects.all()
    ]

    assert all(description(client, url) for url in pages)


@pytest.mark.usefixtures("uncached")
@pytest.mark.parametrize("kind", ["person", "organisation"])
def test_described_pages_cost_the_same_queries_with_many_credits(
    client, django_assert_max_num_queries, kind
):
    party = (
        make_person("Feras Fayyad")
        if kind == "person"
        else make_organisation("Larm Film", kind=Organisation.Kind.PRODUCTION_COMPANY)
    )
    role = Credit.Role.DIRECTOR if kind == "person" else Credit.Role.PRODUCTION_COMPANY

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(party.get_absolute_url()).status_code == 200
        return len(captured)

    make_credit(make_film("Film 0", year=2000), party, role)
    before = queries()
    for number in range(1, 20):
        make_credit(make_film(f"Film {number}", year=2000 + number), party, role)

    assert queries() == before
    with django_assert_max_num_queries(before):
        assert "Film 19 (2019)" in description(client, party.get_absolute_url())


def test_a_feature_without_film_or_byline_is_described_by_its_headline(client):
    piece = make_public_review(
        "Who held the cameras", kind=Review.Kind.FEATURE, film=None, body=""
    )

    assert description(client, piece.get_absolute_url()) == (
        "Feature: Who held the cameras."
    )
