"""The screenshots in docs/editors.md, taken in Chromium at 1280 px.

Not part of the suite (it writes into docs/images/); run it after changing the
desk, the piece form or the front page, look at the pictures, and commit them:

    .venv/bin/pytest docs/screenshots.py
"""

from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from desk import comments
from desk.models import UserSettings
from images.models import LibraryImage
from reviews.models import Review

# The suite's fixtures: the browser, and settings the suite's pages rely on.
from tests.conftest import _quick_passwords, _uncollected_static_files  # noqa: F401
from tests.e2e.conftest import browser  # noqa: F401
from tests.e2e.test_newsroom import PASSWORD, member, the_groups
from tests.factories import make_public_review, make_review
from tests.images import image_upload

pytestmark = pytest.mark.django_db(transaction=True)

IMAGES = Path(__file__).parent / "images"
VIEWPORT = {"width": 1280, "height": 1100}


@pytest.fixture
def newsroom(live_server, django_user_model, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path  # share cards drawn for the demo stay out of git
    settings.SITE_URL = "https://filmdesk.example"
    # The last test's tables are gone, and the name index of their rows with them.
    cache.clear()
    call_command("seed_demo", verbosity=0)
    writers, editors = the_groups()
    ana = member(django_user_model, "ana", editors, "Ana Lima")
    ben = member(django_user_model, "ben", editors, "Ben Adeyemi")
    maya = member(django_user_model, "maya", writers, "Maya Okafor")
    UserSettings.objects.create(user=ben, time_zone="Europe/Berlin")
    now = timezone.now()
    make_review(
        "Kabul, city in the wind: the boys who drive the buses",
        kind=Review.Kind.REVIEW,
        status="in_review",
        created_by=maya,
    )
    make_review(
        "Interview: Waad al-Kateab on filming her daughter's first year",
        kind=Review.Kind.INTERVIEW,
        created_by=ben,
    )
    make_public_review(
        "For Sama and the ethics of the camera in wartime",
        kind=Review.Kind.FEATURE,
        publish_at=now + timedelta(days=1),
    )
    make_public_review(
        "The Cave: a hospital underground",
        kind=Review.Kind.FEATURE,
        publish_at=now - timedelta(days=2),
    )
    # Ana has the feature open: Ben's form says so.
    feature = Review.objects.get(slug="filming-under-siege")
    client = Client()
    client.force_login(ana)
    client.get(f"/admin/reviews/review/{feature.pk}/change/")
    return live_server.url, feature


def test_take_the_screenshots(browser, newsroom):  # noqa: F811
    site, feature = newsroom
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(site + "/admin/")
    page.fill("#id_username", "ben")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector(".desk-sections")
    page.screenshot(path=IMAGES / "desk.png", full_page=True)

    page.goto(f"{site}/admin/reviews/review/{feature.pk}/change/")
    page.locator(".prose-editor .ProseMirror[contenteditable]").wait_for()
    page.screenshot(path=IMAGES / "piece-form.png")

    # Maya's review, in review without its film, standfirst or rating.
    kabul = Review.objects.get(headline__startswith="Kabul")
    kabul.film = None
    kabul.save()
    page.goto(f"{site}/admin/reviews/review/{kabul.pk}/change/")
    page.locator(".card-preview img").wait_for()
    page.locator("section.publish-box").screenshot(path=IMAGES / "checks.png")

    users = get_user_model().objects
    ana, maya = users.get(username="ana"), users.get(username="maya")
    thread = comments.start_thread(
        kabul, ana, "Could the headline name the city first?", place="headline"
    )
    comments.answer(thread, maya, "Yes: “Kabul, city in the wind” leads it now.")
    opening = comments.opening_words(comments.paragraphs(kabul.body)[0])
    comments.start_thread(
        kabul,
        ana,
        "Say which siege, and when: readers abroad will not know.",
        place="body",
        paragraph=1,
        quoted=opening,
    )
    page.reload()
    page.locator("#comments").screenshot(path=IMAGES / "comments.png")

    page.goto(f"{site}/admin/reviews/review/{feature.pk}/change/")
    page.get_by_role("button", name="Live preview").click()
    page.frame_locator("#live-preview iframe").locator("h1").wait_for()
    page.screenshot(path=IMAGES / "live-preview.png")
    page.get_by_role("button", name="Live preview").click()  # off again

    # Drawn stills stand in for photographs: the demo has none it may show.
    for alt, credit, licence in (
        ("Rescuers carry a man from the rubble", "Larm Film", "Press kit, for reviews"),
        ("A street of Aleppo after the bombing", "Aleppo Media Center", ""),
    ):
        LibraryImage.objects.create(
            file=image_upload(grain=True), alt=alt, credit=credit, licence=licence
        )
    page.goto(f"{site}/admin/images/libraryimage/")
    page.screenshot(path=IMAGES / "library.png")

    page.goto(f"{site}/admin/reviews/frontpageplace/")
    preview = page.frame_locator(".front-page-preview iframe")
    preview.locator(".card-lead img").wait_for()
    page.screenshot(path=IMAGES / "front-page.png", full_page=True)
    context.close()


def test_take_the_conflict_screenshot(browser, newsroom):  # noqa: F811
    site, feature = newsroom
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(site + "/admin/")
    page.fill("#id_username", "ben")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.goto(f"{site}/admin/reviews/review/{feature.pk}/change/")
    editor = page.locator(".prose-editor .ProseMirror[contenteditable]")
    editor.click()
    page.keyboard.press("End")
    page.keyboard.type(" They kept filming after the hospital was hit.")
    # Ana saves first, from her own form.
    feature.refresh_from_db()
    feature.headline = "Filming under siege: the Aleppo Media Center's cameras"
    feature.body = feature.body.replace("</p>", " Nobody else was there.</p>", 1)
    feature.last_edited_by = get_user_model().objects.get(username="ana")
    feature.save()
    page.locator(".publish-box").get_by_role("button", name="Save", exact=True).click()
    box = page.locator("section.conflict").bounding_box()
    bottom = box["y"] + box["height"] + 16
    page.screenshot(
        path=IMAGES / "conflict.png",
        full_page=True,
        clip={"x": 0, "y": 0, "width": VIEWPORT["width"], "height": bottom},
    )
    context.close()
