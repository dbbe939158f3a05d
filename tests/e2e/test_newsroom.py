"""The newsroom in Chromium, as a new writer and a new editor would use it: a
contributor added in one form, a piece written with her byline, submitted,
queued and scheduled in the editor's time zone; two editors on one piece; and
autosave."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from desk.models import KeptText
from reviews.models import Review
from tests.conftest import groups_as_migrated
from tests.e2e.test_accessibility import WCAG_AA
from tests.factories import make_person, make_public_review, make_review

# The live server reads what the test writes, so the data must be committed.
pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-browser-password"
NEW_YORK = ZoneInfo("America/New_York")
BODY = "<p>The rescuers dig through the rubble again.</p>"


def the_groups():
    """Writers and Editors as the migrations make them (a flush between browser
    tests empties them)."""
    groups_as_migrated()
    return Group.objects.get(name="Writers"), Group.objects.get(name="Editors")


def member(django_user_model, username, group, name):
    user = django_user_model.objects.create_user(
        username, email=f"{username}@example.org", password=PASSWORD
    )
    user.groups.add(group)
    make_person(name, user=user)
    return user


@pytest.fixture
def person_at(browser):
    """A browser of one's own for each person in the newsroom."""
    contexts = []

    def open_as(site, username, **context):
        contexts.append(browser.new_context(viewport={"width": 1280, "height": 900}))
        page = contexts[-1].new_page()
        page.csp_violations = []
        page.on(
            "console",
            lambda message: (
                "Content Security Policy" in message.text
                and page.csp_violations.append(message.text)
            ),
        )
        if context.get("fake_clock"):
            page.clock.install()
        page.goto(site + "/admin/")
        page.fill("#id_username", username)
        page.fill("#id_password", PASSWORD)
        page.click("input[type=submit]")
        expect(page.locator("#user-tools")).to_contain_text("My settings")
        return page

    yield open_as
    for context in contexts:
        context.close()


def body_editor(page):
    return page.locator(".prose-editor .ProseMirror[contenteditable]")


def add_contributor(page, username, name, group):
    page.goto(page.url.split("/admin/")[0] + "/admin/contributors/add/")
    page.fill("#id_username", username)
    page.fill("#id_email", f"{username}@example.org")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.get_by_label(group).check()
    page.fill("#id_name", name)
    page.get_by_role("button", name="Add the contributor").click()
    expect(page.locator(".messagelist")).to_contain_text(f"Added {name} as {username}")


def test_a_new_writer_and_a_new_editor_take_a_piece_to_its_schedule(
    live_server, django_user_model, person_at, mailoutbox
):
    the_groups()
    django_user_model.objects.create_superuser("root", password=PASSWORD)
    site = live_server.url

    root = person_at(site, "root")
    add_contributor(root, "maya", "Maya Okafor", "Writers")
    add_contributor(root, "ben", "Ben Adeyemi", "Editors")

    # The new writer logs in with the account just made and writes.
    maya = person_at(site, "maya")
    maya.get_by_role("link", name="Write a piece").click()
    byline = maya.locator("#id_bylines-0-person option:checked")
    assert byline.inner_text() == "Maya Okafor"
    maya.select_option("#id_kind", "feature")
    maya.fill("#id_headline", "The rescuers who chose to stay")
    body_editor(maya).click()
    maya.keyboard.type("The rescuers dig through the rubble again.")
    maya.get_by_role("button", name="Save and submit for review").click()
    expect(maya.locator(".messagelist")).to_contain_text("In review")
    piece = Review.objects.get()
    assert [str(b.person) for b in piece.bylines.all()] == ["Maya Okafor"]
    to_editors = [m for m in mailoutbox if "submitted" in m.subject]
    assert {tuple(m.to) for m in to_editors} == {("ben@example.org",)}
    assert "maya submitted “The rescuers who chose to stay”" in to_editors[0].subject

    # The new editor works in New York time, finds the piece in the queue and
    # schedules it for 09:30 there, two days on.
    ben = person_at(site, "ben")
    ben.get_by_role("link", name="My settings").click()
    ben.select_option("#id_time_zone", "America/New_York")
    ben.get_by_role("button", name="Save").click()
    ben.goto(site + "/admin/")
    queue = ben.get_by_role("region", name="Waiting for review 1")
    expect(queue).to_contain_text("Feature by Maya Okafor · submitted by maya")
    queue.get_by_role("link", name="The rescuers who chose to stay").click()
    day = (timezone.now().astimezone(NEW_YORK) + timedelta(days=2)).date()
    ben.fill("#id_schedule_for_0", day.isoformat())
    ben.fill("#id_schedule_for_1", "09:30")
    ben.get_by_role("button", name="Save and schedule").click()

    shown = f"Scheduled for {day.day} {day:%B %Y}, 09:30"
    expect(ben.locator(".messagelist")).to_contain_text(shown)
    expect(ben.locator("#result_list")).to_contain_text(shown)
    ben.get_by_role("link", name="The rescuers who chose to stay").click()
    expect(ben.locator(".field-workflow_state")).to_contain_text(shown)
    piece.refresh_from_db()
    in_new_york = datetime.combine(day, datetime.min.time(), NEW_YORK).replace(
        hour=9, minute=30
    )
    assert piece.publish_at == in_new_york
    assert piece.publish_at.utcoffset() == timedelta(0)  # stored in UTC
    assert any(
        m.to == ["maya@example.org"] for m in mailoutbox if "scheduled" in m.subject
    )


def test_two_editors_on_one_piece_see_each_other_and_merge_a_conflict(
    live_server, django_user_model, person_at
):
    _, editors = the_groups()
    member(django_user_model, "ana", editors, "Ana Lima")
    member(django_user_model, "ben", editors, "Ben Adeyemi")
    piece = make_review("The rescuers who chose to stay", body=BODY)
    site, url = (
        live_server.url,
        f"{live_server.url}/admin/reviews/review/{piece.pk}/change/",
    )

    ana = person_at(site, "ana", fake_clock=True)
    ana.goto(url)
    ben = person_at(site, "ben")
    ben.goto(url)

    # Ben learns on opening it; Ana at her form's next heartbeat.
    expect(ben.locator("#presence-notice")).to_contain_text(
        "Ana Lima has been editing this since"
    )
    ana.clock.run_for("00:31")
    expect(ana.locator("#presence-notice")).to_contain_text(
        "Ben Adeyemi has been editing this since"
    )

    ana.fill("#id_headline", "The rescuers who stayed")
    ana.locator(".publish-box").get_by_role("button", name="Save", exact=True).click()
    expect(ana.locator(".messagelist")).to_contain_text("was changed successfully")

    body_editor(ben).click()
    ben.keyboard.press("End")
    ben.keyboard.type(" Nobody else came.")
    ben.locator(".publish-box").get_by_role("button", name="Save", exact=True).click()

    conflict = ben.locator("section.conflict")
    expect(conflict.locator("h2")).to_have_text(
        "Your text and the version Ana Lima saved"
    )
    expect(ben.locator(".errorlist")).to_contain_text("Ana Lima saved this piece at")
    expect(conflict.locator(".conflict-saved ins")).to_have_text(["stayed"])
    expect(conflict.locator(".conflict-mine").first).to_contain_text("chose to stay")
    expect(body_editor(ben)).to_contain_text("Nobody else came.")
    results = Axe().run(ben, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()
    assert ben.csp_violations == []

    # Having read Ana's version, Ben takes her headline and saves again.
    ben.fill("#id_headline", "The rescuers who stayed")
    ben.locator(".publish-box").get_by_role("button", name="Save", exact=True).click()
    expect(ben.locator(".messagelist")).to_contain_text("was changed successfully")
    piece.refresh_from_db()
    assert piece.headline == "The rescuers who stayed"
    assert "Nobody else came." in piece.body

    # The history compares Ana's save with Ben's, word by word.
    ben.get_by_role("link", name="History").click()
    ben.get_by_role("button", name="compare").click()
    expect(ben.locator(".text-diff ins")).to_contain_text(["Nobody else came."])


def test_autosave_keeps_a_draft_and_sets_aside_changes_to_a_public_piece(
    live_server, django_user_model, person_at
):
    _, editors = the_groups()
    member(django_user_model, "ana", editors, "Ana Lima")
    draft = make_review("A draft", body=BODY)
    public = make_public_review("Out already", body=BODY)
    site = live_server.url

    ana = person_at(site, "ana", fake_clock=True)
    ana.goto(f"{site}/admin/reviews/review/{draft.pk}/change/")
    body_editor(ana).click()
    ana.keyboard.press("End")
    ana.keyboard.type(" Saved without asking.")
    ana.clock.run_for("01:01")

    expect(ana.locator("#autosave-status")).to_contain_text("Draft saved at")
    draft.refresh_from_db()
    assert "Saved without asking." in draft.body
    # The form carries the draft's new token: its own save still goes through.
    ana.locator(".publish-box").get_by_role("button", name="Save", exact=True).click()
    expect(ana.locator(".messagelist")).to_contain_text("was changed successfully")

    ana.goto(f"{site}/admin/reviews/review/{public.pk}/change/")
    body_editor(ana).click()
    ana.keyboard.press("End")
    ana.keyboard.type(" Not for readers yet.")
    ana.clock.run_for("01:01")
    expect(ana.locator("#autosave-status")).to_contain_text("Changes kept for you at")
    public.refresh_from_db()
    assert public.body == BODY
    assert KeptText.objects.filter(piece=public).exists()
    assert ana.csp_violations == []

    ana.reload()
    expect(ana.locator(".desk-notice-kept")).to_contain_text(
        "You have unsaved changes from"
    )
    results = Axe().run(ana, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()
    ana.get_by_role("link", name="Restore").click()
    expect(body_editor(ana)).to_contain_text("Not for readers yet.")
    public.refresh_from_db()
    assert public.body == BODY
