"""Award hubs: every award by who presents it, and an award's winners and
nominees by year as film cards, linked from each film's badges, in the
sitemap, with JSON-LD, and fresh on the next request after a change."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from films.models import Award, Nomination
from tests.factories import make_film, make_public_review
from tests.html import assert_valid_html, json_ld
from tests.pages import assert_stored

pytestmark = pytest.mark.django_db

SUNDANCE = "/awards/sundance-world-cinema-grand-jury-prize-documentary/"


def test_the_awards_page_groups_awards_by_presenter(demo):
    content = Client().get("/awards/").text

    assert_valid_html(content)
    sundance = re.search(
        r'<h2 id="presenter-\d+"><a href="/organisations/sundance-film-festival/">'
        r"Sundance Film Festival</a></h2>\s*<ul>(.*?)</ul>",
        content,
        re.S,
    ).group(1)
    assert (
        f'<a href="{SUNDANCE}">World Cinema Grand Jury Prize: Documentary</a>'
        in sundance
    )
    assert '<a href="/awards/">Awards</a>' in content  # in the site's navigation


def test_an_award_lists_its_films_by_year_with_our_pieces(demo):
    content = Client().get(SUNDANCE).text

    assert_valid_html(content)
    years = re.findall(r'<h2 id="year-(\d+)-heading">([^<]+)</h2>', content)
    assert years == [
        ("2019", "Sundance Film Festival 2019"),
        ("2018", "Sundance Film Festival 2018"),
        ("2017", "Sundance Film Festival 2017"),
    ]
    year_2017 = re.search(r'<section id="year-2017".*?</section>', content, re.S).group(
        0
    )
    assert '<p class="kicker">Winner</p>' in year_2017
    assert (
        '<a href="/films/last-men-in-aleppo-2017/">Last Men in Aleppo</a>' in year_2017
    )
    assert '<a href="#year-2018">2018</a>' in content
    assert "Honeyland: half for the bees, half for us" in content  # a piece, as a card
    (data,) = json_ld(content)
    assert data["@type"] == "ItemList"
    assert [item["item"]["name"] for item in data["itemListElement"]] == [
        "Honeyland",
        "Of Fathers and Sons",
        "Last Men in Aleppo",
    ]
    assert data["itemListElement"][0]["item"]["url"].startswith(
        "http://testserver/films/"
    )


def test_a_films_badges_link_to_the_award_at_its_year(demo):
    content = Client().get("/films/last-men-in-aleppo-2017/").text

    assert (
        f'<a href="{SUNDANCE}#year-2017">World Cinema Grand Jury Prize: Documentary</a>'
        in content
    )


def test_awards_are_in_the_sitemap(demo):
    content = Client().get("/sitemap-awards.xml").text

    assert f"<loc>http://testserver{SUNDANCE}</loc>" in content


def test_a_new_nomination_and_a_renamed_film_show_on_the_next_request(
    demo, django_assert_num_queries, settings
):
    settings.PAGE_CACHE_CLOCK_SKEW = 0
    reader = Client()
    assert_stored(reader, django_assert_num_queries, SUNDANCE, "/awards/")
    award = Award.objects.get(slug="sundance-world-cinema-grand-jury-prize-documentary")

    Nomination.objects.create(
        film=make_film("A Newer Winner", year=2024), award=award, year=2024, won=True
    )
    demo.title = "Last Men in Aleppo (restored)"
    demo.save()
    award.name = "World Cinema Grand Jury Prize: Documentary (renamed)"
    award.save()

    content = reader.get(SUNDANCE).text
    assert '<h2 id="year-2024-heading">2024</h2>' in content
    assert "Last Men in Aleppo (restored)" in content
    assert "(renamed)" in reader.get("/awards/").text


def test_a_presenters_page_lists_its_awards_by_year(demo):
    reader = Client()
    content = reader.get("/organisations/sundance-film-festival/").text

    assert_valid_html(content)
    presented = re.search(
        r'<h2 id="awards-presented-heading">.*?</section>', content, re.S
    ).group(0)
    assert f'<li><a href="{SUNDANCE}">' in presented
    years = re.findall(r'<h3 id="presented-(\d+)">', presented)
    assert years == sorted(years, reverse=True)
    assert "2017" in years
    year_2017 = presented.split('<h3 id="presented-2017">')[1].split("</ul>")[0]
    assert (
        f'<strong>Won</strong>: <a href="{SUNDANCE}#year-2017">'
        "World Cinema Grand Jury Prize: Documentary</a>, for "
        '<a href="/films/last-men-in-aleppo-2017/">Last Men in Aleppo (2017)</a>'
    ) in year_2017

    award = Award.objects.get(slug="sundance-world-cinema-grand-jury-prize-documentary")
    Nomination.objects.create(
        film=make_film("A Newer Winner", year=2024), award=award, year=2024, won=True
    )
    content = reader.get("/organisations/sundance-film-festival/").text
    assert '<h3 id="presented-2024">2024</h3>' in content


def test_an_unknown_award_is_not_found(db):
    assert Client().get("/awards/no-such-award/").status_code == 404


def test_an_award_page_takes_a_fixed_number_of_queries(
    demo, client, uncached, django_assert_max_num_queries
):
    award = Award.objects.get(slug="academy-award")
    for n in range(20):
        film = make_film(f"Nominee {n}", year=2000 + n)
        Nomination.objects.create(film=film, award=award, year=2001 + n)
        make_public_review(f"On nominee {n}", film=film)

    with django_assert_max_num_queries(8):
        assert client.get(award.get_absolute_url()).status_code == 200


def award_lastmod():
    """The award's <lastmod> in its sitemap section, read afresh."""
    cache.clear()  # the sections are kept whole; this reads the rows anew
    content = Client().get("/sitemap-awards.xml").text
    entry = re.search(
        rf"<loc>http://testserver{SUNDANCE}</loc>\s*<lastmod>([^<]+)</lastmod>",
        content,
    )
    return parse_datetime(entry.group(1))


def test_an_awards_lastmod_moves_with_the_award_and_its_nominations(demo):
    award = Award.objects.get(slug="sundance-world-cinema-grand-jury-prize-documentary")
    nomination = award.nominations.first()
    times = []
    with time_machine.travel(timezone.now() + timedelta(days=1), tick=False) as clock:
        for change in [
            lambda: (setattr(award, "name", f"{award.name} (renamed)"), award.save()),
            lambda: (setattr(nomination, "category", "Documentary"), nomination.save()),
            lambda: Nomination.objects.create(
                film=make_film("A Newer Winner", year=2024), award=award, year=2024
            ),
            lambda: award.nominations.get(year=2024).delete(),
        ]:
            clock.shift(timedelta(hours=1))
            change()
            times.append(award_lastmod())

    assert times == sorted(set(times)), "each change moves the lastmod on"
