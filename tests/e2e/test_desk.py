"""The desk in Chromium: an editor's home page on a phone, and what axe finds there."""

from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone

from desk import comments
from reviews.models import Review
from tests.e2e.test_accessibility import WCAG_AA
from tests.factories import make_public_review, make_review

# The live server reads what the test writes, so the data must be committed.
pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-browser-password"


@pytest.fixture
def editor_desk(live_server, django_user_model):
    # A flush between browser tests empties the groups the migration made, so the
    # editor here is a superuser; roles are tested through the admin in tests/desk.
    editor = django_user_model.objects.create_superuser("ana-editor", password=PASSWORD)
    make_review(
        "A very long headline about the rescuers of Aleppo who chose to stay behind",
        status="in_review",
    )
    make_review("Waiting in drafts", created_by=editor)
    make_public_review(
        "Scheduled for Friday", publish_at=timezone.now() + timedelta(days=2)
    )
    make_public_review("Out yesterday", publish_at=timezone.now() - timedelta(days=1))
    return live_server.url


def log_in(page, site):
    page.goto(site + "/admin/")
    page.fill("#id_username", "ana-editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")


def test_the_desk_fits_a_phone_and_starts_with_writing(phone, editor_desk, tmp_path):
    log_in(phone, editor_desk)

    first_action = phone.locator("#content-main a").first
    assert first_action.inner_text() == "Write a piece"
    assert first_action.is_visible()
    assert phone.get_by_role("heading", name="Waiting for review 1").is_visible()
    page_width = phone.evaluate("document.documentElement.scrollWidth")
    assert page_width <= 360  # nothing forces sideways scrolling
    phone.screenshot(path=tmp_path / "desk-phone.png", full_page=True)


def test_the_desk_has_no_wcag_aa_violations(page, editor_desk):
    log_in(page, editor_desk)

    results = Axe().run(page, options=WCAG_AA)

    assert results.violations_count == 0, results.generate_report()
    assert page.csp_violations == []


def test_the_front_pages_preview_shows_the_home_page_in_its_frame(page, editor_desk):
    log_in(page, editor_desk)

    page.goto(editor_desk + "/admin/reviews/frontpageplace/")

    preview = page.frame_locator(".front-page-preview iframe")
    preview.get_by_role("link", name="Out yesterday").first.wait_for()
    assert page.csp_violations == []


def test_the_piece_form_with_its_checks_and_comments_has_no_wcag_aa_violations(
    page, editor_desk
):
    piece = Review.objects.get(headline="Waiting in drafts")
    thread = comments.start_thread(
        piece, piece.created_by, "Shorter, perhaps?", place="headline"
    )
    comments.answer(thread, piece.created_by, "Shorter it is.")
    log_in(page, editor_desk)

    page.goto(f"{editor_desk}/admin/reviews/review/{piece.pk}/change/")

    assert page.locator(".publish-checks-warnings li").count() == 2
    assert page.locator("#comments .comment").count() == 2
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()
    assert page.csp_violations == []
