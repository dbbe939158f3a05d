"""Who else is editing: the piece form's heartbeat and the notice it feeds."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.test import Client

from desk.models import UserSettings
from tests.factories import make_person, make_review
from tests.reviews.test_admin import change_url

pytestmark = pytest.mark.django_db

# Session, user, zone, permissions, the piece with its bylines, the stay (in
# savepoints), who else.
QUERIES_PER_BEAT = 15
# 10:42 in Tokyo.
OPENED = datetime(2026, 11, 25, 1, 42, tzinfo=UTC)


def presence_url(piece):
    return f"/admin/reviews/review/{piece.pk}/presence/"


@pytest.fixture
def ana(django_user_model):
    """A second editor, whose account is linked to her person."""
    user = django_user_model.objects.create_user("ana", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    make_person("Ana Lima", user=user)
    client = Client()
    client.force_login(user)
    return client


def test_opening_a_piece_someone_has_open_names_them_in_my_time_zone(
    editor_client, editor, ana
):
    UserSettings.objects.create(user=editor, time_zone="Asia/Tokyo")
    piece = make_review()
    with time_machine.travel(OPENED, tick=False):
        ana.get(change_url(piece))
    with time_machine.travel(OPENED + timedelta(minutes=1), tick=False):
        response = editor_client.get(change_url(piece))

    assert "Ana Lima has been editing this since 10:42." in response.content.decode()


def test_nobody_is_told_about_themselves(editor_client):
    piece = make_review()
    editor_client.get(change_url(piece))

    response = editor_client.get(change_url(piece))

    assert "has been editing this" not in response.content.decode()


def test_the_heartbeat_answers_who_else_is_there(editor_client, ana):
    piece = make_review()
    with time_machine.travel(OPENED, tick=False):
        editor_client.get(change_url(piece))
    with time_machine.travel(OPENED + timedelta(seconds=30), tick=False):
        beat = ana.post(presence_url(piece))

    assert beat.status_code == 200
    assert beat.json() == {"editing": ["editor has been editing this since 01:42."]}


def test_two_missed_beats_and_the_editor_has_gone(editor_client, ana):
    piece = make_review()
    with time_machine.travel(OPENED, tick=False):
        ana.get(change_url(piece))
    with time_machine.travel(OPENED + timedelta(seconds=30), tick=False):
        ana.post(presence_url(piece))
        still_there = editor_client.post(presence_url(piece)).json()
    with time_machine.travel(OPENED + timedelta(seconds=130), tick=False):
        gone = editor_client.post(presence_url(piece)).json()

    assert still_there["editing"] == ["Ana Lima has been editing this since 01:42."]
    assert gone["editing"] == []


def test_coming_back_after_a_gap_starts_a_new_stay(editor_client, ana):
    piece = make_review()
    with time_machine.travel(OPENED, tick=False):
        ana.get(change_url(piece))
    with time_machine.travel(OPENED + timedelta(minutes=10), tick=False):
        ana.post(presence_url(piece))
        editing = editor_client.post(presence_url(piece)).json()["editing"]

    assert editing == ["Ana Lima has been editing this since 01:52."]


def test_only_those_who_may_edit_the_piece_beat_or_hear(
    writer_client, writer, other_writer, ana
):
    piece = make_review(created_by=writer)
    theirs = Client()
    theirs.force_login(other_writer)
    with time_machine.travel(OPENED, tick=False):
        ana.get(change_url(piece))
        beat = writer_client.post(presence_url(piece))

    assert beat.json()["editing"] == ["Ana Lima has been editing this since 01:42."]
    assert writer_client.get(presence_url(piece)).status_code == 405
    assert theirs.post(presence_url(piece)).status_code == 404


def test_a_published_piece_is_beyond_its_writer_so_is_its_heartbeat(
    writer_client, writer
):
    piece = make_review(created_by=writer, status="published", publish_at=OPENED)

    assert writer_client.post(presence_url(piece)).status_code == 403


def test_the_heartbeat_needs_the_csrf_token(editor):
    piece = make_review()
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)

    assert client.post(presence_url(piece)).status_code == 403


def test_a_beat_costs_the_same_few_queries_however_many_are_editing(
    editor_client, django_user_model, django_assert_max_num_queries
):
    piece = make_review()
    for number in range(5):
        other = django_user_model.objects.create_user(f"editor-{number}", is_staff=True)
        other.groups.add(Group.objects.get(name="Editors"))
        colleague = Client()
        colleague.force_login(other)
        colleague.post(presence_url(piece))

    with django_assert_max_num_queries(QUERIES_PER_BEAT):
        beat = editor_client.post(presence_url(piece))

    assert len(beat.json()["editing"]) == 5
