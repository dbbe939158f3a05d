"""The piece form in Chromium: the length counts while typing, the list fits 1280 px."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.e2e.test_accessibility import WCAG_AA
from tests.e2e.test_desk import PASSWORD, log_in
from tests.factories import make_review

# The live server reads what the test writes, so the data must be committed.
pytestmark = pytest.mark.django_db(transaction=True)

LONG_HEADLINE = (
    "The rescuers of Aleppo who chose to stay behind when everyone else had gone, "
    "and the long, patient film that watched them dig through the rubble of a city "
    "under siege for two years, counting the living and the dead, one by one, "
    "while the world looked away"
)


@pytest.fixture
def desk(live_server, django_user_model):
    # A flush between browser tests empties the groups, so this is a superuser.
    editor = django_user_model.objects.create_superuser("ana-editor", password=PASSWORD)
    piece = make_review(LONG_HEADLINE, created_by=editor)
    return live_server.url, piece


@pytest.fixture
def wide(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def test_the_length_updates_while_typing(page, desk):
    site, _ = desk
    log_in(page, site)
    page.goto(site + "/admin/reviews/review/add/")
    length = page.locator(".field-length .piece-length")
    assert length.inner_text() == "0 words, about 1 min to read"

    body = page.locator(".prose-editor .ProseMirror[contenteditable]")
    body.click()
    page.keyboard.type("Four words for now")

    expect(length).to_have_text("4 words, about 1 min to read")
    assert body.get_attribute("spellcheck") == "true"
    block_menu = page.locator(".prose-menubar__selected button").first
    assert block_menu.get_attribute("aria-label") == "Block type: paragraph"
    assert length.get_attribute("aria-live") == "polite"
    assert page.csp_violations == []


def test_the_pieces_list_fits_1280_pixels(wide, desk):
    site, _ = desk
    log_in(wide, site)
    wide.goto(site + "/admin/reviews/review/")

    assert wide.get_by_text(LONG_HEADLINE).is_visible()
    overflow = wide.evaluate(
        "document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth"
    )
    assert overflow <= 0


def test_the_piece_form_has_no_serious_accessibility_problem(wide, desk, tmp_path):
    site, piece = desk
    log_in(wide, site)
    wide.goto(f"{site}/admin/reviews/review/{piece.pk}/change/")
    wide.locator(".prose-editor .ProseMirror[contenteditable]").wait_for()
    wide.screenshot(path=tmp_path / "piece-form.png", full_page=True)

    results = Axe().run(wide, options=WCAG_AA)

    assert results.violations_count == 0, results.generate_report()
    headline = wide.locator("#id_headline")
    assert headline.bounding_box()["width"] > 800
