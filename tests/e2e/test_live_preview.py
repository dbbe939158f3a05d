"""The live preview in Chromium: turned on beside the piece form, it redraws the
piece as the writer types, at a phone's width or a desktop's, stays on for her
next visit, and saves nothing."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from reviews.models import Review
from tests.e2e.test_accessibility import WCAG_AA
from tests.e2e.test_desk import log_in
from tests.e2e.test_figures import desk  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_preview_follows_the_writer_and_saves_nothing(page, desk):  # noqa: F811
    site, piece = desk
    log_in(page, site)
    page.set_viewport_size({"width": 1600, "height": 1000})
    page.goto(f"{site}/admin/reviews/review/{piece.pk}/change/")
    page.locator(".prose-editor .ProseMirror[contenteditable]").wait_for()

    page.get_by_role("button", name="Live preview").click()

    preview = page.frame_locator("#live-preview iframe")
    expect(preview.locator("h1")).to_have_text("Rescue under siege")
    page.fill("#id_headline", "Rescue under siege in Aleppo")
    expect(preview.locator("h1")).to_have_text("Rescue under siege in Aleppo")
    page.locator(".prose-editor .ProseMirror[contenteditable]").click()
    page.keyboard.press("End")
    page.keyboard.type(" The planes come at dawn.")
    expect(preview.locator(".prose")).to_contain_text("The planes come at dawn.")

    frame = page.locator("#live-preview iframe")
    assert frame.evaluate("f => f.getBoundingClientRect().width") == pytest.approx(390)
    page.get_by_role("button", name="Desktop").click()
    stage = page.locator(".live-preview-stage").bounding_box()["width"]
    shown = frame.evaluate("f => f.getBoundingClientRect().width")
    assert shown == pytest.approx(stage - 2, abs=1)  # 1280 px, scaled to the stage
    assert frame.evaluate("f => f.contentWindow.innerWidth") == 1280

    with page.expect_popup() as opened:
        preview.get_by_role("link", name="Reviews", exact=True).click()
    assert opened.value.url == f"{site}/reviews/"
    expect(preview.locator("h1")).to_have_text("Rescue under siege in Aleppo")

    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()

    stored = Review.objects.get()
    assert stored.headline == "Rescue under siege"
    assert "dawn" not in stored.body
    page.reload()
    expect(page.frame_locator("#live-preview iframe").locator("h1")).to_have_text(
        "Rescue under siege"
    )
    assert page.csp_violations == []
