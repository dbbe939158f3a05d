"""Mail about workflow steps: editors hear of submissions, bylines of publication."""

import logging
from datetime import UTC, datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from desk.models import UserSettings
from reviews.models import Byline
from tests.factories import make_person, make_review
from tests.faults import free_port

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture
def newsroom(writer, editor):
    writer.email = "writer@example.org"
    writer.save()
    editor.email = "editor@example.org"
    editor.save()
    piece = make_review("The rescuers who chose to stay", created_by=writer)
    Byline.objects.create(review=piece, person=make_person("Ana Writer", user=writer))
    return piece


def test_a_submission_mails_the_editors_with_a_link(
    newsroom, writer, mailoutbox, django_capture_on_commit_callbacks
):
    second = User.objects.create_user("second-editor", "second@example.org")
    second.groups.add(Group.objects.get(name="Editors"))

    with django_capture_on_commit_callbacks(execute=True):
        newsroom.submit(by=writer)

    assert sorted(mail.to[0] for mail in mailoutbox) == [
        "editor@example.org",
        "second@example.org",
    ]
    mail = mailoutbox[0]
    assert mail.subject == (
        "[Filmdesk] writer submitted “The rescuers who chose to stay” for review"
    )
    assert f"/admin/reviews/review/{newsroom.pk}/change/" in mail.body
    assert all(len(m.to) == 1 for m in mailoutbox)  # no one sees the others' addresses


def test_the_admins_submit_button_sends_the_mail(
    newsroom, writer, client, mailoutbox, django_capture_on_commit_callbacks
):
    from tests.reviews.test_admin import piece_form

    client.force_login(writer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/reviews/review/{newsroom.pk}/change/",
            {**piece_form(newsroom), "_submit": "Submit for review"},
        )

    assert [mail.to for mail in mailoutbox] == [["editor@example.org"]]


def test_publishing_mails_the_bylined_contributors_but_not_the_editor_who_did_it(
    newsroom, writer, editor, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        newsroom.publish(by=editor)

    [mail] = mailoutbox
    assert mail.to == ["writer@example.org"]
    assert (
        mail.subject == "[Filmdesk] editor published “The rescuers who chose to stay”"
    )
    assert f"/reviews/{newsroom.slug}/" in mail.body


def test_a_schedule_is_announced_in_the_contributors_time_zone(
    newsroom, writer, editor, mailoutbox, django_capture_on_commit_callbacks
):
    UserSettings.objects.create(user=writer, time_zone="Europe/Berlin")

    with django_capture_on_commit_callbacks(execute=True):
        newsroom.publish(by=editor, at=datetime(2030, 1, 15, 14, 0, tzinfo=UTC))

    [mail] = mailoutbox
    assert "scheduled “The rescuers who chose to stay” for 15 January 2030, 15:00" in (
        mail.subject
    )


def test_withdrawing_tells_the_contributors(
    newsroom, writer, editor, mailoutbox, django_capture_on_commit_callbacks
):
    newsroom.publish(by=editor)

    with django_capture_on_commit_callbacks(execute=True):
        newsroom.withdraw(by=editor)

    assert [mail.subject for mail in mailoutbox] == [
        "[Filmdesk] editor withdrew “The rescuers who chose to stay”"
    ]


def test_a_refused_step_sends_nothing(
    newsroom, other_writer, mailoutbox, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(ValidationError),
    ):
        newsroom.publish(by=other_writer)

    assert mailoutbox == []


def test_contributors_without_an_account_or_address_get_no_mail(
    editor, mailoutbox, django_capture_on_commit_callbacks
):
    piece = make_review("A guest's piece")
    Byline.objects.create(review=piece, person=make_person("A Guest"))

    with django_capture_on_commit_callbacks(execute=True):
        piece.publish(by=editor)

    assert mailoutbox == []


def test_a_mail_server_that_is_down_does_not_undo_the_step(
    newsroom, writer, settings, caplog, django_capture_on_commit_callbacks
):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": free_port(), "timeout": 2},
        }
    }

    with (
        caplog.at_level(logging.ERROR, logger="desk.notifications"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        newsroom.submit(by=writer)

    newsroom.refresh_from_db()
    assert newsroom.status == "in_review"
    assert "Could not send 1 mail(s)" in caplog.text
