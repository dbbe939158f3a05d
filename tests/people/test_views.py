import re
from itertools import pairwise

import pytest

from films.models import Award, Credit, Nomination
from people.models import Organisation, Person
from reviews.models import Byline
from tests.factories import (
    make_credit,
    make_film,
    make_organisation,
    make_person,
    make_public_review,
    make_review,
)
from tests.html import assert_valid_html
from tests.images import image_upload

pytestmark = pytest.mark.django_db

PIECE = "Last Men in Aleppo: the rescuers who chose to stay"


def section(content, heading):
    """The HTML of the <section> whose heading is `heading`."""
    found = re.search(
        rf"<section[^>]*>\s*<h2[^>]*>{re.escape(heading)}</h2>(.*?)</section>",
        content,
        re.S,
    )
    assert found, f"no section headed {heading!r}"
    return found.group(1)


def assert_headings_in_order(document):
    """One h1 first, and no level skipped on the way down."""
    levels = [
        int(element.tag[1])
        for element in document.iter()
        if element.tag in ("h1", "h2", "h3", "h4", "h5", "h6")
    ]
    assert levels[0] == 1
    assert all(lower - upper <= 1 for upper, lower in pairwise(levels))


def test_feras_fayyads_page_groups_his_films_by_role_newest_first(client, demo):
    content = client.get("/people/feras-fayyad/").content.decode()

    document = assert_valid_html(content)
    assert_headings_in_order(document)
    filmography = section(content, "Filmography")
    assert re.findall(r"<h3>([^<]+)</h3>", filmography) == ["Director", "Writer"]
    director = re.search(r"<h3>Director</h3>\s*<ul[^>]*>(.*?)</ul>", filmography, re.S)
    assert re.findall(r"<h4><a [^>]*>([^<>]+)</a></h4>", director.group(1)) == [
        "The Cave",
        "Last Men in Aleppo",
    ]
    # Each film with its picture and facts, as in the film index.
    assert re.search(r'<img src="/media/cards/film-\d+-', director.group(1))
    assert "2019 · Documentary" in director.group(1)
    assert PIECE in section(content, "Mentioned in")


def test_a_person_page_lists_the_awards_they_were_honoured_with(client, demo):
    fayyad = Person.objects.get(slug="feras-fayyad")
    oscar = Nomination.objects.get(film=demo, award__slug="academy-award")
    oscar.honourees.add(fayyad)

    content = client.get("/people/feras-fayyad/").content.decode()

    assert_valid_html(content)
    awards = section(content, "Awards and nominations")
    assert (
        '<strong>Nominated</strong>: <a href="/awards/academy-award/#year-2018">'
        "Academy Award</a>, Best Documentary Feature"
    ) in awards
    assert "90th Academy Awards" in awards
    assert 'for <a href="/films/last-men-in-aleppo-2017/">' in awards
    assert "Sundance" not in awards  # the film's, not his: he is not named on it


def test_a_person_page_shows_the_portrait_with_its_alt_text_and_credit(
    client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    make_person(
        "Khaled Omar Harrah",
        bio="A volunteer of the White Helmets.",
        portrait=image_upload("khaled.jpg", size=(900, 1200)),
        portrait_alt="Khaled in his helmet",
        portrait_credit="Grasshopper Film",
    )

    content = client.get("/people/khaled-omar-harrah/").content.decode()

    assert_valid_html(content)
    figure = re.search(r"<figure>.*?</figure>", content, re.S).group()
    assert 'alt="Khaled in his helmet"' in figure
    assert 'width="900" height="1200"' in figure
    assert "<figcaption>Photo: Grasshopper Film</figcaption>" in figure
    assert "<p>A volunteer of the White Helmets.</p>" in content


def test_a_critics_page_lists_only_public_pieces_they_wrote(client, demo):
    critic = Person.objects.get(slug="ana-ferreira")
    draft = make_review("A draft of mine", film=demo)
    Byline.objects.create(review=draft, person=critic)

    content = client.get("/people/ana-ferreira/").content.decode()

    assert PIECE in section(content, "Pieces by Ana Ferreira")
    assert "A draft of mine" not in content


def test_a_production_company_page_lists_its_films_awards(client, demo):
    content = client.get("/organisations/larm-film/").content.decode()

    document = assert_valid_html(content)
    assert_headings_in_order(document)
    awards = section(content, "Awards for its films")
    outcomes = re.findall(r"<strong>(\w+)</strong>: <a [^>]+>([^<]+)</a>", awards)
    assert outcomes == [
        ("Nominated", "Academy Award"),
        ("Won", "Peabody Award"),
        ("Won", "World Cinema Grand Jury Prize: Documentary"),
    ]


def test_an_organisation_credited_otherwise_does_not_claim_the_films_awards(
    client, demo
):
    content = client.get("/organisations/aleppo-media-center/").content.decode()

    assert "<h3>Footage by</h3>" in content
    assert "Awards for its films" not in content
    assert "Filming under siege" not in content  # a draft that mentions them


@pytest.fixture
def busy_person():
    """A person with many credits, honours, pieces and mentions; and one with one of each."""
    academy = make_organisation(
        "Academy of Motion Picture Arts and Sciences",
        kind=Organisation.Kind.AWARDING_BODY,
    )
    award = Award.objects.create(name="Academy Award", presenter=academy)
    company = make_organisation("Larm Film", kind=Organisation.Kind.PRODUCTION_COMPANY)
    people = {"busy": make_person("Busy Person"), "quiet": make_person("Quiet Person")}
    for name, count in (("busy", 15), ("quiet", 1)):
        person = people[name]
        for n in range(count):
            film = make_film(f"{name} film {n}", year=2000 + n)
            for role in (Credit.Role.DIRECTOR, Credit.Role.WRITER):
                make_credit(film, person, role)
            make_credit(film, company, Credit.Role.PRODUCTION_COMPANY)
            Nomination.objects.create(
                film=film, award=award, year=2001 + n, category=name
            ).honourees.add(person)
            written = make_public_review(f"{name} review {n}", film=film)
            Byline.objects.create(review=written, person=person)
            make_public_review(
                f"{name} mention {n}",
                film=film,
                body=f"<p>{person.name} and Larm Film at work.</p>",
            )
    return people


@pytest.mark.usefixtures("uncached")
@pytest.mark.parametrize(
    "url",
    ["/people/busy-person/", "/people/quiet-person/", "/organisations/larm-film/"],
)
def test_person_and_organisation_pages_cost_a_fixed_number_of_queries(
    client, busy_person, django_assert_max_num_queries, url
):
    # Nine for the page, one to learn when the next scheduled piece comes due.
    with django_assert_max_num_queries(10):
        response = client.get(url)

    assert response.status_code == 200
    content = response.content.decode()
    if "busy" in url:
        assert content.count("busy review") == 15
        assert content.count("busy mention") == 15
        assert content.count("<strong>Nominated</strong>") == 15


def test_an_organisation_shows_its_logo_and_shares_it(client, demo):
    netflix = Organisation.objects.get(slug="netflix")
    netflix.logo = image_upload("logo.png", (900, 300), fmt="PNG")
    netflix.save()

    content = client.get("/organisations/netflix/").content.decode()

    assert_valid_html(content)
    logo = re.search(r'<div class="logo">.*?</div>', content, re.S).group(0)
    assert f"/media/{netflix.logo.name} 900w" in logo
    assert 'width="900" height="300"' in logo
    assert 'alt=""' in logo  # the name is the heading beside it
    assert f'content="http://testserver/media/{netflix.logo.name}"' in content
    assert 'content="Logo of Netflix"' in content
