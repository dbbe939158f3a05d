"""Reading a piece in Chromium: a readable measure at every width, dark mode by
the reader's setting, and a page that prints cleanly."""

import pytest
from django.core.management import call_command

from reviews.models import Review
from tests.images import image_upload

pytestmark = pytest.mark.django_db(transaction=True)

PIECE = "/reviews/last-men-in-aleppo-review/"

# How many characters of its own text a line of each paragraph of the body
# holds: the paragraph's width over the mean width of its characters.
CHARACTERS_PER_LINE = """() => {
  const canvas = document.createElement("canvas").getContext("2d");
  return [...document.querySelectorAll(".prose > p")]
    .filter((p) => p.textContent.length > 150)
    .map((p) => {
      canvas.font = getComputedStyle(p).font;
      const text = p.textContent;
      return p.clientWidth / (canvas.measureText(text).width / text.length);
    });
}"""
WITH_RELATED = "/reviews/for-sama-review/"


@pytest.fixture
def seeded(live_server):
    call_command("seed_demo")
    return live_server


def test_body_text_keeps_a_readable_measure_on_wide_screens(browser, seeded):
    for width in (768, 1024, 1280, 1920):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(seeded.url + PIECE)

        measures = page.evaluate(CHARACTERS_PER_LINE)
        context.close()

        assert len(measures) >= 3, width
        assert all(60 <= measure <= 80 for measure in measures), (width, measures)


def test_body_text_on_a_phone_fills_the_screen_at_a_readable_size(phone, seeded):
    phone.goto(seeded.url + PIECE)

    measures = phone.evaluate(CHARACTERS_PER_LINE)
    font_size = phone.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.prose p')).fontSize)"
    )

    assert font_size >= 16
    assert all(30 <= measure <= 60 for measure in measures), measures


def background_of(page, selector="body"):
    return page.evaluate(
        f"getComputedStyle(document.querySelector({selector!r})).backgroundColor"
    )


def test_dark_mode_follows_the_readers_setting(browser, seeded):
    schemes = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        page.goto(seeded.url + PIECE)
        schemes[scheme] = (
            background_of(page),
            page.evaluate("getComputedStyle(document.querySelector('.prose p')).color"),
        )
        context.close()

    assert schemes["light"] == ("rgb(253, 252, 249)", "rgb(27, 27, 27)")
    assert schemes["dark"] == ("rgb(21, 21, 20)", "rgb(236, 235, 231)")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_piece_prints_black_on_white_without_navigation(browser, seeded, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(seeded.url + PIECE)
    assert page.locator(".site-header nav").is_visible()
    assert not page.locator(".piece .print-only").is_visible()

    page.emulate_media(media="print")

    assert background_of(page) == "rgb(255, 255, 255)"
    assert not page.locator(".site-header nav").is_visible()
    assert not page.locator(".site-footer").is_visible()
    assert page.locator(".piece .print-only").inner_text() == seeded.url + PIECE
    link = page.locator(".prose a[href]").first
    href = link.get_attribute("href")
    shown_after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert shown_after == f'" ({href})"'
    assert page.pdf(format="A4")[:4] == b"%PDF"
    context.close()


def test_related_pieces_are_left_off_paper(page, seeded):
    page.goto(seeded.url + WITH_RELATED)
    assert page.locator(".related").is_visible()

    page.emulate_media(media="print")

    assert not page.locator(".related").is_visible()


def test_a_pieces_pictures_are_sized_for_paper(browser, seeded):
    piece = Review.objects.get(slug="last-men-in-aleppo-review")
    piece.hero_image = image_upload("hero.jpg", (1600, 1200))
    piece.hero_alt = "Rescuers at work"
    piece.save()
    context = browser.new_context()
    page = context.new_page()
    page.goto(seeded.url + PIECE)

    page.emulate_media(media="print")
    height = page.locator(".hero img").evaluate(
        "img => img.getBoundingClientRect().height"
    )
    context.close()

    # 90 mm at CSS's 96 pixels an inch.
    assert 0 < height <= 90 / 25.4 * 96 + 1
