"""Placing a library image in a body, in Chromium: the figure button's
"Browse..." window shows the library, "Use this image" fills the dialog, and
readers get the figure with its caption and credit."""

import pytest

from images.models import LibraryImage
from reviews.models import Review
from tests.e2e.test_desk import PASSWORD, log_in
from tests.factories import make_review
from tests.images import image_upload

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def desk(live_server, django_user_model, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    editor = django_user_model.objects.create_superuser("ana-editor", password=PASSWORD)
    piece = make_review(
        "Rescue under siege",
        kind=Review.Kind.FEATURE,
        film=None,
        body="<p>Khaled waits on the roof.</p>",
        created_by=editor,
    )
    for alt, credit in (
        ("Khaled Omar Harrah on a rooftop in Aleppo", "Grasshopper Film/Larm Film"),
        ("Mahmoud at the wheel of the rescue van", "Aleppo Media Center"),
    ):
        LibraryImage.objects.create(
            file=image_upload(), alt=alt, credit=credit, licence="Press kit"
        )
    return live_server.url, piece


def place_library_image(page, search, caption):
    """At the end of the body, through the figure button's "Browse..." window:
    the one library image `search` finds, captioned. Returns the alt text the
    dialog took from the library."""
    page.locator(".prose-editor .ProseMirror[contenteditable]").click()
    page.keyboard.press("End")
    page.locator(".prose-menubar [title='figure']").click()
    dialog = page.locator("dialog[open]")
    with page.expect_popup() as opened:
        dialog.get_by_role("button", name="Browse...").click()
    library = opened.value
    library.get_by_label("Search the library").fill(search)
    library.get_by_role("button", name="Search").click()
    assert library.locator(".library-pick li").count() == 1
    use = library.get_by_role("button", name="Use this image")
    use.wait_for()
    # The click closes the window: a click Playwright makes itself would race
    # the closing, so the page clicks, once this call has returned.
    with library.expect_event("close"):
        use.evaluate("button => setTimeout(() => button.click())")
    alt = dialog.locator("input[name=altText]").input_value()
    dialog.locator("input[name=caption]").fill(caption)
    dialog.get_by_role("button", name="Insert").click()
    return alt


def test_a_writer_places_a_library_image_and_readers_see_it_credited(page, desk):
    site, piece = desk
    log_in(page, site)
    page.goto(f"{site}/admin/reviews/review/{piece.pk}/change/")
    placed_alt = place_library_image(page, "rooftop", "Waiting for the planes.")

    assert placed_alt == "Khaled Omar Harrah on a rooftop in Aleppo"
    page.get_by_role("button", name="Publish now").click()

    piece.refresh_from_db()
    assert piece.is_public, page.locator(".errornote, .messagelist").all_inner_texts()
    assert 'data-file="' in piece.body
    page.goto(site + piece.get_absolute_url())
    figure = page.locator(".prose figure.image")
    assert figure.locator("img").get_attribute("alt") == (
        "Khaled Omar Harrah on a rooftop in Aleppo"
    )
    assert figure.locator("figcaption").inner_text() == (
        "Waiting for the planes. Photo: Grasshopper Film/Larm Film"
    )
    assert page.evaluate("document.querySelector('.prose figure img').naturalWidth") > 0
    assert page.csp_violations == []
