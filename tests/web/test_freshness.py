"""Stored pages are never stale: every public surface shows a publish, a
withdrawal, a scheduled time passing, a rename and a merge on the very next
request, with the page cache on."""

import time
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from films.models import Credit
from people.merging import merge
from reviews.models import Topic
from tests.factories import (
    make_credit,
    make_film,
    make_organisation,
    make_person,
    make_public_review,
    make_review,
)
from tests.pages import assert_stored

pytestmark = pytest.mark.usefixtures("one_clock")

# Every surface a reader or a machine reads, by what it is called in failures.
SURFACES = {
    "piece": "/reviews/the-rescuers-who-chose-to-stay/",
    "home": "/",
    "archive": "/reviews/",
    "film": "/films/last-men-in-aleppo-2017/",
    "person": "/people/feras-fayyad/",
    "organisation": "/organisations/the-white-helmets/",
    "topic": "/topics/syria/",
    "search": "/search/?q=aleppo",
    "feed": "/feeds/reviews.rss",
    "topic feed": "/topics/syria/feed.atom",
    "sitemap": "/sitemap-pieces.xml",
}
# Where a second piece about the same film, by the same critic, shows.
LISTING_THE_SECOND_PIECE = set(SURFACES) - {"piece"}


@pytest.fixture
def world(db):
    """A review of Last Men in Aleppo by Feras Fayyad, on Syria, mentioning
    the White Helmets; and an editor."""
    film = make_film()
    critic = make_person()
    make_credit(film, critic)
    make_organisation()
    syria = Topic.objects.create(name="Syria")
    piece = make_public_review(
        film=film,
        body="<p>Aleppo, with The White Helmets in the rubble.</p>",
        publish_at=timezone.now() - timedelta(hours=1),
    )
    piece.bylines.create(person=critic, order=0)
    piece.topics.add(syria)
    editor = Group.objects.get(name="Editors").user_set.create(username="editor")
    return {
        "film": film,
        "critic": critic,
        "piece": piece,
        "topic": syria,
        "by": editor,
    }


def second_piece(world):
    """A draft about the same film, by the same critic, on the same topic."""
    piece = make_review(
        "Aleppo after the siege",
        film=world["film"],
        body="<p>Aleppo again, and The White Helmets.</p>",
    )
    piece.bylines.create(person=world["critic"], order=0)
    piece.topics.add(world["topic"])
    return piece


def stored(client, django_assert_num_queries, surfaces):
    assert_stored(client, django_assert_num_queries, *surfaces.values())


def reading(client, surfaces):
    return {name: client.get(url).content.decode() for name, url in surfaces.items()}


def test_a_publish_shows_on_every_page_that_lists_it(
    client, world, django_assert_num_queries
):
    piece = second_piece(world)
    stored(client, django_assert_num_queries, SURFACES)

    piece.publish(by=world["by"])

    pages = reading(client, SURFACES)
    for name in LISTING_THE_SECOND_PIECE:
        assert "Aleppo after the siege" in pages[name] or (
            "aleppo-after-the-siege" in pages[name]
        ), name


def test_a_withdrawal_leaves_every_page_at_once(
    client, world, django_assert_num_queries
):
    stored(client, django_assert_num_queries, SURFACES)

    world["piece"].withdraw(by=world["by"])

    assert client.get(SURFACES["piece"]).status_code == 404
    pages = reading(client, {k: v for k, v in SURFACES.items() if k != "piece"})
    for name, content in pages.items():
        assert "rescuers" not in content, name


def test_a_scheduled_piece_appears_when_its_time_comes_without_a_save(
    client, world, django_assert_num_queries
):
    piece = second_piece(world)
    due = timezone.now() + timedelta(seconds=2)
    piece.publish(by=world["by"], at=due)
    stored(client, django_assert_num_queries, SURFACES)
    for name, content in reading(client, SURFACES).items():
        assert "aleppo-after-the-siege" not in content.lower(), name

    time.sleep(max(0, (due - timezone.now()).total_seconds()) + 0.1)

    pages = reading(client, SURFACES)
    for name in LISTING_THE_SECOND_PIECE:
        assert "aleppo-after-the-siege" in pages[name], name


def test_renaming_a_critic_shows_wherever_her_name_does(
    client, world, django_assert_num_queries
):
    showing_the_name = {
        k: v for k, v in SURFACES.items() if k not in {"search", "sitemap"}
    }
    stored(client, django_assert_num_queries, showing_the_name)

    critic = world["critic"]
    critic.name = "Feras Fayyad Jr"
    critic.save()

    for name, content in reading(client, showing_the_name).items():
        assert "Feras Fayyad Jr" in content, name


def test_merging_people_shows_on_every_page_that_named_the_duplicate(
    client, world, django_assert_num_queries
):
    duplicate = make_person("Firas Fayyad")
    world["piece"].bylines.create(person=duplicate, order=1)
    make_credit(world["film"], duplicate, Credit.Role.WRITER)
    showing_both = {k: v for k, v in SURFACES.items() if k not in {"search", "sitemap"}}
    stored(client, django_assert_num_queries, showing_both)
    assert all("Firas Fayyad" in c for c in reading(client, showing_both).values())

    merge(world["critic"], [duplicate], by=world["by"])

    pages = reading(client, showing_both)
    # The kept person's page names the other spelling as an alias.
    assert '"alternateName": ["Firas Fayyad"]' in pages.pop("person")
    for name, content in pages.items():
        assert "Firas Fayyad" not in content, name
    assert client.get("/people/firas-fayyad/").status_code == 404


def test_browsers_revalidate_and_get_a_304_while_nothing_changed(client, world):
    first = client.get(SURFACES["piece"])
    assert "no-cache" in first["Cache-Control"]
    assert "max-age" not in first["Cache-Control"]

    again = client.get(SURFACES["piece"], headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304

    world["piece"].headline = "The rescuers, reconsidered"
    world["piece"].save()
    changed = client.get(SURFACES["piece"], headers={"if-none-match": first["ETag"]})
    assert changed.status_code == 200
    assert "The rescuers, reconsidered" in changed.content.decode()


def test_pages_name_what_they_show_for_a_cdn_to_purge(client, world):
    piece, film, critic = world["piece"], world["film"], world["critic"]

    keys = client.get(SURFACES["piece"])["Surrogate-Key"].split()

    assert {f"review-{piece.pk}", f"film-{film.pk}", f"person-{critic.pk}"} <= set(keys)
    assert "review" in client.get(SURFACES["home"])["Surrogate-Key"].split()


def test_editors_get_pages_rendered_afresh(client, world, django_assert_num_queries):
    stored(client, django_assert_num_queries, {"piece": SURFACES["piece"]})
    client.force_login(world["by"])

    with CaptureQueriesContext(connection) as queries:
        response = client.get(SURFACES["piece"])

    assert response.status_code == 200
    assert "Surrogate-Key" not in response
    assert any("reviews_review" in query["sql"] for query in queries)


def test_a_deploy_leaves_the_pages_stored_before_it_behind(
    client, world, django_assert_num_queries, monkeypatch
):
    piece = {"piece": SURFACES["piece"]}
    stored(client, django_assert_num_queries, piece)

    monkeypatch.setattr("web.pages.release", lambda: "the-next-release")

    with CaptureQueriesContext(connection) as rendering:
        assert client.get(SURFACES["piece"]).status_code == 200
    assert rendering.captured_queries
