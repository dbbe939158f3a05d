"""Readers can neither skip the stored pages nor fill the cache with copies."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.factories import make_public_review
from tests.pages import assert_stored

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("one_clock")]

PIECE = "/reviews/the-rescuers-who-chose-to-stay/"


@pytest.fixture
def piece():
    return make_public_review(body="<p>Aleppo under siege.</p>")


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_a_made_up_session_cookie_gets_the_stored_page(
    client, piece, django_assert_max_num_queries
):
    assert_stored(client, django_assert_max_num_queries, PIECE)
    forged = Client()
    forged.cookies["sessionid"] = "made-up-session-key-0123456789"

    # One query: looking the session up, and finding none.
    with django_assert_max_num_queries(1):
        assert forged.get(PIECE).status_code == 200


def test_a_real_session_still_gets_the_page_rendered(client, piece, editor):
    assert queries(client, PIECE) > 1
    assert queries(client, PIECE) <= 1
    client.force_login(editor)

    assert queries(client, PIECE) > 1


def test_query_parameters_a_page_does_not_read_share_its_stored_copy(
    client, piece, django_assert_num_queries
):
    assert_stored(client, django_assert_num_queries, PIECE, "/reviews/")

    for number in range(20):
        with django_assert_num_queries(0):
            assert client.get(f"{PIECE}?utm_source={number}").status_code == 200
        with django_assert_num_queries(0):
            assert client.get(f"/reviews/?e={number}&x=1").status_code == 200


def test_an_unread_parameter_does_not_reach_the_view(client, piece):
    """The archive reads kind, topic, year and page; a made-up filter is ignored,
    not an error, and not another copy."""
    plain = client.get("/reviews/").content

    assert client.get("/reviews/?kinds=nonsense").content == plain


def test_at_most_so_many_copies_of_a_page_are_stored(
    client, piece, settings, django_assert_num_queries
):
    settings.PAGE_CACHE_VARIANTS = 3
    searches = [f"/search/?q=aleppo{number}" for number in range(3)]
    assert_stored(client, django_assert_num_queries, *searches)

    beyond = "/search/?q=aleppo-again"
    for _ in range(3):
        assert queries(client, beyond) > 0
    # Those stored before are still served.
    with django_assert_num_queries(0):
        assert client.get(searches[0]).status_code == 200
