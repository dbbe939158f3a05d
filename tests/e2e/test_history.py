"""The compare page in Chromium: it fits a laptop and a phone, and axe passes it."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from reversion.models import Version

from tests.e2e.test_accessibility import WCAG_AA
from tests.e2e.test_desk import PASSWORD, log_in
from tests.factories import make_review

pytestmark = pytest.mark.django_db(transaction=True)

LONG_PARAGRAPH = " ".join(["The rescuers dig through the rubble again."] * 40)
UNBROKEN = "https://example.org/" + "a-very-long-address-" * 30


@pytest.fixture
def compare_url(live_server, django_user_model):
    django_user_model.objects.create_superuser("ana-editor", password=PASSWORD)
    piece = make_review(
        "A quiet film",
        body=f"<p>{LONG_PARAGRAPH}</p><p>Short.</p><p>{UNBROKEN}</p>",
    )
    piece.headline = "A loud film"
    piece.body = (
        f"<p>{LONG_PARAGRAPH.replace('again', 'once more', 3)}</p>"
        f"<p>Short and sweet.</p><p>{UNBROKEN}x</p>"
    )
    piece.save()
    newer, older = Version.objects.get_for_object(piece)[:2]
    return (
        f"{live_server.url}/admin/reviews/review/{piece.pk}/history/compare/"
        f"?version_id1={older.pk}&version_id2={newer.pk}"
    )


def open_compare(page, compare_url):
    log_in(page, compare_url.split("/admin/")[0])
    page.goto(compare_url)
    assert page.locator(".text-diff ins").first.is_visible()


@pytest.mark.parametrize("width", [1280, 360])
def test_the_compare_page_fits_the_screen(browser, compare_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    open_compare(page, compare_url)

    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    # Nothing cut off inside a box either: long lines and long words wrap.
    overflowing = page.evaluate(
        "[...document.querySelectorAll('#content-main *')]"
        ".filter(e => e.scrollWidth > e.clientWidth + 1 && e.clientWidth)"
        ".map(e => e.tagName + '.' + e.className)"
    )
    context.close()

    assert scroll_width <= width
    assert overflowing == []


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_the_compare_page_has_no_wcag_aa_violations(browser, compare_url, color_scheme):
    context = browser.new_context(color_scheme=color_scheme)
    page = context.new_page()
    open_compare(page, compare_url)

    results = Axe().run(page, options=WCAG_AA)
    context.close()

    assert results.violations_count == 0, results.generate_report()
