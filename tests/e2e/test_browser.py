"""The site in a real browser: Debian's Chromium driven by Playwright."""

import pytest
from django.core.management import call_command

from reviews.models import Review

# The live server reads what the test writes, so the data must be committed.
pytestmark = pytest.mark.django_db(transaction=True)

PIECE = "/reviews/last-men-in-aleppo-review/"


@pytest.fixture
def demo_site(live_server):
    call_command("seed_demo")
    return live_server.url


def test_a_reader_goes_from_the_review_to_the_director_in_one_click(page, demo_site):
    page.goto(demo_site + PIECE)

    assert page.locator("h1").inner_text() == (
        "Last Men in Aleppo: the rescuers who chose to stay"
    )
    page.locator(".prose a", has_text="Feras Fayyad").first.click()

    assert page.url == demo_site + "/people/feras-fayyad/"
    assert page.locator("h1").inner_text().startswith("Feras Fayyad")
    assert page.csp_violations == []


def test_the_review_reads_well_on_a_phone(phone, demo_site):
    phone.goto(demo_site + PIECE)

    page_width = phone.evaluate("document.documentElement.scrollWidth")
    body_size = phone.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.prose p')).fontSize)"
    )
    assert page_width <= 360  # nothing forces sideways scrolling
    assert body_size >= 16


def test_keyboard_users_can_skip_to_the_content(page, demo_site):
    page.goto(demo_site + PIECE)

    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    # The jump to the fragment lands a moment after the key: wait for it.
    page.wait_for_url("**#main", timeout=5000)
    assert page.url.endswith("#main")


def test_search_works_without_javascript(browser, demo_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(demo_site + "/")

    page.get_by_role("link", name="Search").click()
    page.fill("#q", "Syrian Civil Defense")
    page.get_by_role("button", name="Search").click()

    assert page.get_by_role("link", name="The White Helmets").first.is_visible()
    context.close()


def test_an_editor_writes_in_the_rich_text_editor_and_publishes(
    page, live_server, django_user_model
):
    call_command("seed_demo")
    # Roles are tested through the admin elsewhere; here the editor is a superuser.
    django_user_model.objects.create_superuser(
        "editor-in-browser", password="a-long-browser-password"
    )
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "editor-in-browser")
    page.fill("#id_password", "a-long-browser-password")
    page.click("input[type=submit]")

    page.goto(live_server.url + "/admin/reviews/review/add/")
    page.fill("#id_headline", "Written in the browser")
    editor_area = page.locator(".ProseMirror >> visible=true").first
    editor_area.click()
    page.keyboard.type("A first paragraph about the White Helmets.")
    page.select_option("#id_kind", "feature")
    page.click("input[name=_publish]")

    assert "published" in page.locator(".messagelist").inner_text().lower()
    piece = Review.objects.get(headline="Written in the browser")
    assert piece.is_public
    assert piece.body == "<p>A first paragraph about the White Helmets.</p>"
    assert page.csp_violations == []
