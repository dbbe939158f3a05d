"""A piece's bylines, topics and corrections are stored with it
(reviews/models/furniture.py): every change to them reaches its page and the
cards that show it at the very next request, with the page cache on."""

import pytest
import reversion
from reversion.models import Version

from people.merging import merge
from reviews.models import Review, Topic
from tests.factories import make_person, make_public_review
from tests.html import json_ld
from tests.pages import assert_stored, queries_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("one_clock")]

HOME = "/"


@pytest.fixture
def piece():
    piece = make_public_review()
    piece.bylines.create(person=make_person("Ana Ferreira"), order=0)
    piece.topics.add(Topic.objects.create(name="Syria"))
    return piece


def page(client, url):
    return client.get(url).content.decode()


def served_from_the_cache(client, piece, django_assert_num_queries):
    assert_stored(client, django_assert_num_queries, piece.get_absolute_url(), HOME)


def test_the_page_shows_bylines_topics_and_corrections_in_order(client, piece):
    piece.bylines.create(person=make_person("Ben Okri"), order=1)
    piece.corrections.create(text="The siege ended in December 2016.")

    content = page(client, piece.get_absolute_url())

    assert (
        'By <a href="/people/ana-ferreira/" rel="author">Ana Ferreira</a> and '
        '<a href="/people/ben-okri/" rel="author">Ben Okri</a>'
    ) in content
    assert '· <a href="/topics/syria/">Syria</a>' in content
    assert ": The siege ended in December 2016.</p>" in content
    (data,) = json_ld(content)
    assert [author["name"] for author in data["author"]] == ["Ana Ferreira", "Ben Okri"]
    assert "By Ana Ferreira and Ben Okri" in page(client, HOME)


def test_a_byline_added_or_removed_shows_at_once(
    client, piece, django_assert_num_queries
):
    served_from_the_cache(client, piece, django_assert_num_queries)

    byline = piece.bylines.create(person=make_person("Ben Okri"), order=1)

    assert "Ben Okri" in page(client, piece.get_absolute_url())
    assert "Ben Okri" in page(client, HOME)

    byline.delete()

    assert "Ben Okri" not in page(client, piece.get_absolute_url())
    assert "Ben Okri" not in page(client, HOME)


def test_a_renamed_critic_shows_on_her_pieces_and_their_cards_at_once(
    client, piece, django_assert_num_queries
):
    served_from_the_cache(client, piece, django_assert_num_queries)

    critic = piece.bylines.get().person
    critic.name, critic.slug = "Ana Ferreira-Lopes", "ana-ferreira-lopes"
    critic.save()

    content = page(client, piece.get_absolute_url())
    assert '<a href="/people/ana-ferreira-lopes/" rel="author">' in content
    assert "By Ana Ferreira-Lopes" in page(client, HOME)


def test_a_merged_critic_leaves_the_byline_at_once(
    client, piece, django_assert_num_queries
):
    kept = make_person("Ana Ferreira Lopes")
    served_from_the_cache(client, piece, django_assert_num_queries)

    merge(kept, [piece.bylines.get().person])

    assert "By Ana Ferreira Lopes" in page(client, HOME)
    content = page(client, piece.get_absolute_url())
    assert '<a href="/people/ana-ferreira-lopes/" rel="author">' in content
    assert "/people/ana-ferreira/" not in content


def test_topic_changes_show_at_once(client, piece, django_assert_num_queries):
    syria = piece.topics.get()
    served_from_the_cache(client, piece, django_assert_num_queries)

    syria.name = "Syrian war"
    syria.save()
    assert ">Syrian war</a>" in page(client, piece.get_absolute_url())

    piece.topics.add(Topic.objects.create(name="Documentary"))
    assert ">Documentary</a>" in page(client, piece.get_absolute_url())

    piece.topics.remove(syria)
    assert "Syrian war" not in page(client, piece.get_absolute_url())

    Topic.objects.get(name="Documentary").pieces.clear()
    assert "Documentary" not in page(client, piece.get_absolute_url())


def test_a_deleted_topic_leaves_its_pieces_at_once(
    client, piece, django_assert_num_queries
):
    served_from_the_cache(client, piece, django_assert_num_queries)

    piece.topics.get().delete()

    assert "Syria" not in page(client, piece.get_absolute_url())


def test_a_correction_shows_at_once_and_goes_when_deleted(
    client, piece, django_assert_num_queries
):
    served_from_the_cache(client, piece, django_assert_num_queries)

    correction = piece.corrections.create(text="The siege ended in December 2016.")
    assert "The siege ended in December 2016." in page(client, piece.get_absolute_url())

    correction.delete()
    assert 'id="corrections-heading"' not in page(client, piece.get_absolute_url())


def test_a_restored_version_stores_its_own_bylines(
    client, piece, django_capture_on_commit_callbacks
):
    piece.save()  # a version with its byline
    with_ana = Version.objects.get_for_object(piece).first()
    piece.bylines.all().delete()
    piece.bylines.create(person=make_person("Ben Okri"), order=0)
    assert "Ben Okri" in page(client, piece.get_absolute_url())

    with (
        django_capture_on_commit_callbacks(execute=True),
        reversion.create_revision(),
    ):
        with_ana.revision.revert(delete=True)

    content = page(client, piece.get_absolute_url())
    assert "Ana Ferreira" in content
    assert "Ben Okri" not in content


def test_a_piece_written_around_the_model_gets_its_furniture_when_first_shown(
    client, piece
):
    Review.objects.filter(pk=piece.pk).update(stored_furniture={})

    assert ">Ana Ferreira</a>" in page(client, piece.get_absolute_url())
    assert Review.objects.get(pk=piece.pk).stored_furniture["bylines"] == [
        {"name": "Ana Ferreira", "url": "/people/ana-ferreira/"}
    ]
    archive = queries_of(client, "/reviews/?kind=review")
    assert not any(sql.startswith("UPDATE") for sql in archive)


def test_storing_a_piece_on_first_show_leaves_the_page_stored(client, piece):
    Review.objects.filter(pk=piece.pk).update(stored_furniture={})
    client.get(piece.get_absolute_url())

    # Readers saw no other bylines: the page just stored is current.
    assert not queries_of(client, piece.get_absolute_url())


def test_pages_name_the_stored_people_and_topics_for_a_cdn_to_purge(client, piece):
    critic, syria = piece.bylines.get().person, piece.topics.get()

    keys = set(client.get(piece.get_absolute_url())["Surrogate-Key"].split())

    assert {f"person-{critic.pk}", f"topic-{syria.pk}"} <= keys
    assert f"person-{critic.pk}" in client.get(HOME)["Surrogate-Key"].split()
