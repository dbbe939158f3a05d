"""A video in a piece, in Chromium: nothing loads from YouTube until the reader
starts it, the player then loads within the CSP, and the page meets WCAG 2.2 AA
with the video in it."""

import pytest

from tests.e2e.test_accessibility import WCAG_AA, npm_axe
from tests.factories import make_public_review
from tests.reviews.test_body_blocks import QUOTED, VIDEOS

pytestmark = pytest.mark.django_db(transaction=True)

PLAYER = "https://www.youtube-nocookie.com/embed/DaHcGh5xG8U?autoplay=1"
VIDEO_SITES = ("youtube", "youtu.be", "vimeo")


@pytest.fixture
def piece_with_videos(live_server):
    piece = make_public_review(body=QUOTED + VIDEOS)
    return live_server.url + piece.get_absolute_url()


def test_the_player_loads_only_when_the_reader_starts_it(page, piece_with_videos):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    # No machine here reaches YouTube: the browser gets this page as the player.
    page.route(
        "https://www.youtube-nocookie.com/**",
        lambda route: route.fulfill(
            content_type="text/html", body="<!DOCTYPE html><title>Player</title>"
        ),
    )

    page.goto(piece_with_videos)
    page.wait_for_load_state("networkidle")

    assert not [url for url in requested if any(s in url for s in VIDEO_SITES)]
    start = page.get_by_role("link", name="Last Men in Aleppo – trailer")
    start.focus()
    page.keyboard.press("Enter")

    player = page.locator("figure.video iframe")
    player.wait_for()
    assert player.get_attribute("src") == PLAYER
    assert player.get_attribute("title") == "Last Men in Aleppo – trailer"
    # The frame loads the player: it waits until the frame is there, however late.
    player.element_handle().content_frame().wait_for_url(PLAYER)
    assert PLAYER in requested
    assert page.csp_violations == []
    # The other video is still a link to start it.
    assert page.locator("figure.video > a").count() == 1


def test_without_script_a_video_is_a_link_to_its_page(browser, piece_with_videos):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.route(
        "https://www.youtube.com/**",
        lambda route: route.fulfill(
            content_type="text/html", body="<title>Video</title>"
        ),
    )
    page.goto(piece_with_videos)

    page.get_by_role("link", name="Last Men in Aleppo – trailer").click()

    page.wait_for_url("https://www.youtube.com/watch?v=DaHcGh5xG8U")
    context.close()


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_a_piece_with_videos_and_quotes_meets_wcag_aa(
    browser, piece_with_videos, color_scheme
):
    axe = npm_axe()
    for width in (375, 1280):
        context = browser.new_context(
            viewport={"width": width, "height": 800}, color_scheme=color_scheme
        )
        page = context.new_page()
        page.goto(piece_with_videos)

        results = axe.run(page, options=WCAG_AA)

        context.close()
        assert not results.violations_count, (width, results.generate_report())
