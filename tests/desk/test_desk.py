"""The admin's home page is the desk: what to do next, for the person logged in."""

import zoneinfo
from datetime import datetime, timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.utils import timezone

from desk.models import UserSettings
from reviews.models import Byline, Review
from tests.desk.pages import parse, section, text
from tests.factories import make_person, make_public_review, make_review

pytestmark = pytest.mark.django_db

DESK = "/admin/"


def in_review(headline, *, submitted_days_ago=0, **fields):
    piece = make_review(headline, status=Review.Status.IN_REVIEW, **fields)
    Review.objects.filter(pk=piece.pk).update(
        updated_at=timezone.now() - timedelta(days=submitted_days_ago)
    )
    return piece


def scheduled(headline, at, **fields):
    return make_public_review(headline, publish_at=at, **fields)


def test_the_admin_carries_the_site_name_not_djangos(editor_client):
    response = editor_client.get(DESK)

    content = response.content.decode()
    document = parse(content)
    assert response.status_code == 200
    assert text(document.find(".//title")).startswith("Filmdesk")
    assert text(document.find(".//div[@id='site-name']")) == "Filmdesk"
    assert text(document.find(".//h1")) == "Filmdesk"
    assert "Django administration" not in content
    assert "Django site admin" not in content


def test_the_login_page_carries_the_site_name(client, db):
    content = client.get("/admin/login/").content.decode()

    assert "Filmdesk" in content
    assert "Django administration" not in content


def test_writing_and_importing_come_first(writer_client):
    document = parse(writer_client.get(DESK).content)

    links = document.findall(".//div[@id='content-main']//a")
    assert [text(a) for a in links[:2]] == ["Write a piece", "Import a piece"]
    assert links[0].get("href") == "/admin/reviews/review/add/"
    assert links[1].get("href") == "/admin/reviews/review/import/"


def test_a_writer_sees_her_drafts_and_bylines_but_no_one_elses_drafts(
    writer_client, writer, other_writer
):
    make_review("Her own draft", created_by=writer)
    in_review("Her piece in review", created_by=writer)
    bylined = make_review(
        "Started by a colleague, bylined to her", created_by=other_writer
    )
    Byline.objects.create(review=bylined, person=make_person("Ana Writer", user=writer))
    make_review("A colleague's secret draft", created_by=other_writer)
    in_review("A colleague's piece in review", created_by=other_writer)
    scheduled(
        "A colleague's scheduled piece",
        timezone.now() + timedelta(days=2),
        created_by=other_writer,
    )

    response = writer_client.get(DESK)

    content = response.content.decode()
    drafts = section(content, "drafts")
    assert sorted(drafts["headlines"]) == [
        "Her own draft",
        "Her piece in review",
        "Started by a colleague, bylined to her",
    ]
    assert drafts["count"] == 3
    # A byline makes her a co-author: she opens the piece a colleague started.
    assert "Started by a colleague, bylined to her" in drafts["links"]
    assert "secret draft" not in content
    assert "A colleague's piece in review" not in content
    assert "A colleague's scheduled piece" not in content
    assert section(content, "queue") is None
    assert section(content, "withdrawn") is None


def test_a_published_piece_is_not_among_my_drafts(writer_client, writer):
    make_public_review("Out already", created_by=writer)

    drafts = section(writer_client.get(DESK).content.decode(), "drafts")

    assert drafts["headlines"] == []
    assert drafts["count"] == 0
    assert "No drafts" in drafts["text"]


def test_the_review_queue_lists_the_oldest_submission_first_with_who_and_when(
    editor_client, writer, other_writer
):
    yesterday = make_review("Submitted yesterday", created_by=writer)
    earlier = make_review("Submitted three days ago", created_by=other_writer)
    make_review("A draft, not submitted", created_by=writer)
    three_days_ago = datetime(2026, 11, 2, 9, 15, tzinfo=timezone.UTC)
    with time_machine.travel(three_days_ago, tick=False):
        earlier.submit(by=other_writer)
    with time_machine.travel(three_days_ago + timedelta(days=2), tick=False):
        yesterday.submit(by=writer)
    # Saving later does not move a piece up or down the queue.
    earlier.refresh_from_db()
    earlier.save()

    queue = section(editor_client.get(DESK).content.decode(), "queue")

    assert queue["headlines"] == ["Submitted three days ago", "Submitted yesterday"]
    assert queue["count"] == 2
    assert (
        "Submitted three days ago Review · submitted by other-writer · 2 Nov, 09:15"
        in (queue["text"])
    )
    assert "submitted by writer · 4 Nov, 09:15" in queue["text"]


def test_a_long_queue_shows_ten_pieces_its_full_count_and_a_link_to_all(
    editor_client,
):
    for number in range(12):
        in_review(f"Piece {number}", submitted_days_ago=number)

    content = editor_client.get(DESK).content.decode()

    queue = section(content, "queue")
    assert queue["count"] == 12
    assert len(queue["headlines"]) == 10
    assert "All 12" in queue["text"]
    assert 'href="/admin/reviews/review/?status=in_review"' in content


def test_recently_published_and_withdrawn_pieces(editor_client):
    make_public_review(
        "Out two days ago", publish_at=timezone.now() - timedelta(days=2)
    )
    make_public_review("Out last month", publish_at=timezone.now() - timedelta(days=30))
    make_review("Taken down", status=Review.Status.WITHDRAWN)

    content = editor_client.get(DESK).content.decode()

    assert section(content, "published")["headlines"] == ["Out two days ago"]
    assert section(content, "withdrawn")["headlines"] == ["Taken down"]
    assert section(content, "withdrawn")["count"] == 1


def test_the_schedule_is_grouped_by_day_in_the_editors_time_zone(editor_client, editor):
    UserSettings.objects.create(user=editor, time_zone="America/Los_Angeles")
    los_angeles = zoneinfo.ZoneInfo("America/Los_Angeles")
    # 03:30 UTC is the evening before in Los Angeles.
    tomorrow = (timezone.now() + timedelta(days=2)).date()
    early_utc = datetime(
        tomorrow.year, tomorrow.month, tomorrow.day, 3, 30, tzinfo=timezone.UTC
    )
    scheduled("Late edition", early_utc)
    scheduled("Morning edition", early_utc + timedelta(hours=16))

    content = editor_client.get(DESK).content.decode()

    schedule = section(content, "scheduled")
    local_days = [
        early_utc.astimezone(los_angeles),
        (early_utc + timedelta(hours=16)).astimezone(los_angeles),
    ]
    assert schedule["days"] == [f"{day:%A} {day.day} {day:%B %Y}" for day in local_days]
    assert schedule["headlines"] == ["Late edition", "Morning edition"]
    assert f"Late edition Review · {local_days[0]:%H:%M}" in schedule["text"]
    assert "Times in America/Los_Angeles" in content


def test_the_editorial_apps_come_first_and_site_administration_below(admin_client):
    content = admin_client.get(DESK).content.decode()

    pieces = content.index('class="app-reviews')
    films = content.index('class="app-films')
    people = content.index('class="app-people')
    administration = content.index("Site administration")
    accounts = content.index('class="app-auth')
    locks = content.index('class="app-axes')
    assert pieces < films < people < administration < min(accounts, locks)


def test_a_writer_sees_no_site_administration(writer_client):
    content = writer_client.get(DESK).content.decode()

    assert "Site administration" not in content
    assert 'class="app-reviews' in content


@pytest.mark.parametrize("who", ["writer", "editor"])
def test_the_desk_takes_the_same_number_of_queries_however_full(
    who, request, client, django_assert_max_num_queries, other_writer
):
    user = request.getfixturevalue(who)
    client.force_login(user)
    person = make_person("A Contributor", user=user)

    def fill(count):
        for number in range(count):
            draft = make_review(f"Draft {number}", created_by=user)
            Byline.objects.create(review=draft, person=person)
            in_review(f"Queued {number}", created_by=other_writer)
            scheduled(
                f"Scheduled {number}",
                timezone.now() + timedelta(days=number + 1),
                created_by=user,
            )
            make_public_review(
                f"Published {number}",
                publish_at=timezone.now() - timedelta(hours=number + 1),
            )
            make_review(f"Withdrawn {number}", status=Review.Status.WITHDRAWN)

    fill(2)
    with django_assert_max_num_queries(20) as few:
        client.get(DESK)
    fill(10)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(DESK)
    assert response.status_code == 200


def test_writers_and_editors_groups_are_staff(writer, editor):
    assert Group.objects.filter(name__in=["Writers", "Editors"]).count() == 2
    assert writer.is_staff and editor.is_staff


def test_my_settings_is_linked_from_every_admin_page(writer_client):
    content = writer_client.get("/admin/reviews/review/").content.decode()

    assert 'href="/admin/my-settings/">My settings</a>' in content


def test_a_chosen_time_zone_applies_to_times_across_the_admin(editor_client, editor):
    piece = make_public_review(
        "Out at noon UTC", publish_at=datetime(2026, 1, 15, 12, 0, tzinfo=timezone.UTC)
    )

    response = editor_client.post("/admin/my-settings/", {"time_zone": "Asia/Tokyo"})

    assert response.status_code == 302
    assert UserSettings.objects.get(user=editor).time_zone == "Asia/Tokyo"
    change_list = editor_client.get("/admin/reviews/review/").content.decode()
    assert "15 Jan 2026, 9 p.m." in change_list  # noon UTC is 21:00 in Tokyo
    form = editor_client.get(f"/admin/reviews/review/{piece.pk}/change/")
    assert 'data-admin-server-timezone="Asia/Tokyo"' in form.content.decode()


def test_the_time_zone_defaults_to_the_sites(editor_client, settings):
    page = editor_client.get("/admin/my-settings/").content.decode()

    assert f'<option value="{settings.TIME_ZONE}" selected>' in page


def test_an_unknown_time_zone_is_a_form_error(editor_client, editor):
    response = editor_client.post("/admin/my-settings/", {"time_zone": "Mars/Olympus"})

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert UserSettings.time_zone_of(editor) == "UTC"


def test_the_zone_applies_only_while_the_admin_answers(client, editor):
    UserSettings.objects.create(user=editor, time_zone="Asia/Tokyo")
    client.force_login(editor)

    page = client.get("/admin/").content.decode()

    assert 'data-admin-server-timezone="Asia/Tokyo"' in page
    assert timezone.get_current_timezone_name() == "UTC"
