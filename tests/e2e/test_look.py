"""What readers see, kept: every public page kind at a phone's, a tablet's and
a desktop's width, light and dark, held against the committed screenshots in
tests/e2e/baselines/ (`make screenshots` writes them anew)."""

import io
import shutil
from datetime import UTC, datetime

import pytest
import time_machine
from django.core.management import call_command
from PIL import Image

from tests import screenshots
from tests.pages import DEMO_PAGES, READER_PAGES, READER_WIDTHS

pytestmark = pytest.mark.django_db(transaction=True)

# The demo as of one moment, whenever the suite runs.
DEMO_MOMENT = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)

# Pictures are screenshotted as boxes of this colour in their place and size:
# their pixels are the image pipeline's, which tests of its own check, and
# would make every baseline megabytes.
PICTURE = "#7f7f7f"

# Every picture fetched and decoded, lazy or not, and every font the page's
# text asks for loaded: a screenshot then shows the page as it settles. The
# page is then laid out anew: Chromium keeps a select's text where the fallback
# font put it when the site's font arrives late (a pixel higher), as on a busy
# machine.
SETTLE = """async () => {
  for (const image of document.images) image.loading = "eager";
  await Promise.all([...document.images].map((image) => image.decode().catch(() => {})));
  await document.fonts.ready;
  document.body.style.display = "none";
  document.body.offsetHeight;
  document.body.style.display = "";
  return [...document.images].filter((image) => !image.naturalWidth).map((image) => image.src);
}"""


def test_every_public_page_kind_is_in_the_set():
    assert set(DEMO_PAGES) <= set(READER_PAGES.values())


@pytest.fixture(scope="module", autouse=True)
def _no_failures_of_an_earlier_run():
    shutil.rmtree(screenshots.FAILURES, ignore_errors=True)


@pytest.fixture
def demo_site(live_server):
    with time_machine.travel(DEMO_MOMENT):
        call_command("seed_demo")
        yield live_server


def screenshot(page):
    """The page as it settles, with its pictures as boxes; a sentence for each
    picture that does not load."""
    broken = page.evaluate(SETTLE)
    png = page.screenshot(
        full_page=True,
        animations="disabled",
        caret="hide",
        mask=[page.locator("img")],
        mask_color=PICTURE,
    )
    return png, [f"{page.url}: a picture does not load: {src}" for src in broken]


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_every_page_kind_looks_as_its_baseline(browser, demo_site, color_scheme):
    problems = []
    for width in READER_WIDTHS:
        context = browser.new_context(
            viewport={"width": width, "height": 800}, color_scheme=color_scheme
        )
        page = context.new_page()
        for name, path in READER_PAGES.items():
            page.goto(demo_site.url + path)
            png, broken = screenshot(page)
            problems += broken
            if problem := screenshots.check(f"{name}-{width}-{color_scheme}", png):
                problems.append(problem)
        context.close()

    assert not problems, (
        f"Pages no longer look as their baselines; the actual and difference "
        f"images are in {screenshots.FAILURES}:\n" + "\n".join(problems)
    )


def test_a_changed_colour_fails_with_a_difference_image(
    browser, demo_site, monkeypatch, tmp_path
):
    monkeypatch.setenv("UPDATE_SCREENSHOTS", "0")
    monkeypatch.setattr(screenshots, "FAILURES", tmp_path)
    # The stylesheet changed in the browser: the CSP would refuse an inline one.
    context = browser.new_context(
        viewport={"width": 375, "height": 800}, bypass_csp=True
    )
    page = context.new_page()
    page.goto(demo_site.url + READER_PAGES["piece"])
    page.add_style_tag(content=":root { --accent: #1c5a8a; }")
    png, _ = screenshot(page)
    context.close()

    problem = screenshots.check("piece-375-light", png)

    assert "pixels differ" in problem
    difference = Image.open(tmp_path / "piece-375-light.difference.png")
    assert difference.size == Image.open(io.BytesIO(png)).size
    assert (255, 0, 0) in {colour for _, colour in difference.getcolors(1 << 24)}
