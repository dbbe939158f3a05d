"""The writing room end to end in Chromium: a writer writes with the live preview
open, places a library image with its credit and submits; an editor comments on
the headline; the writer hears of it, answers and resolves it; the checks keep
the piece from readers until the image has its licence; the editor publishes;
readers get the figure with its caption and credit, and no comment anywhere."""

import pytest
from playwright.sync_api import expect

from images.models import LibraryImage
from reviews.models import Review
from tests.e2e.test_figures import place_library_image
from tests.e2e.test_newsroom import (  # noqa: F401 (a fixture)
    body_editor,
    member,
    person_at,
    the_groups,
)
from tests.images import image_upload

pytestmark = pytest.mark.django_db(transaction=True)

ALT = "Khaled Omar Harrah on a rooftop in Aleppo"
CREDIT = "Grasshopper Film/Larm Film"


@pytest.fixture
def newsroom(live_server, django_user_model, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    writers, editors = the_groups()
    member(django_user_model, "maya", writers, "Maya Okafor")
    member(django_user_model, "ana", editors, "Ana Lima")
    # Credited, but with no licence yet.
    image = LibraryImage.objects.create(file=image_upload(), alt=ALT, credit=CREDIT)
    return live_server.url, image


def test_a_piece_from_the_first_word_to_its_readers(
    newsroom,
    person_at,  # noqa: F811
    page,
    mailoutbox,
):
    site, image = newsroom

    # Maya writes, saves once, and opens the live preview.
    maya = person_at(site, "maya")
    maya.get_by_role("link", name="Write a piece").click()
    maya.select_option("#id_kind", "feature")
    maya.fill("#id_headline", "The rescuers who chose to stay")
    maya.fill("#id_standfirst", "Feras Fayyad's documentary follows the White Helmets.")
    body_editor(maya).click()
    maya.keyboard.type("Khaled waits on the roof for the planes.")
    maya.locator(".publish-box").get_by_role("button", name="Save", exact=True).click()
    expect(maya.locator(".messagelist")).to_contain_text("was added successfully")
    piece = Review.objects.get()
    form = f"{site}/admin/reviews/review/{piece.pk}/change/"
    maya.get_by_role("button", name="Live preview").click()
    preview = maya.frame_locator("#live-preview iframe")
    expect(preview.locator("h1")).to_have_text("The rescuers who chose to stay")

    # She places the still; the preview shows it credited before any save.
    place_library_image(maya, "rooftop", "Waiting for the planes.")
    expect(preview.locator(".prose figure figcaption")).to_have_text(
        f"Waiting for the planes. Photo: {CREDIT}"
    )
    maya.get_by_role("button", name="Save and submit for review").click()
    expect(maya.locator(".messagelist")).to_contain_text("In review")

    # Ana finds what stops it, and asks about the headline.
    ana = person_at(site, "ana")
    ana.goto(form)
    expect(ana.locator(".publish-checks-errors")).to_contain_text(
        f"Give “{ALT}” its credit and licence in the image library"
    )
    ana.select_option("#id_comment_place", "headline")
    ana.fill("#id_comment_text", "Could the headline name Aleppo?")
    ana.get_by_role("button", name="Add comment").click()
    expect(ana.locator(".messagelist")).to_contain_text("Your comment is added.")
    [to_maya] = [mail for mail in mailoutbox if "commented" in mail.subject]
    assert to_maya.to == ["maya@example.org"]
    assert "Could the headline name Aleppo?" in to_maya.body

    # Maya answers and resolves it.
    maya.goto(form)
    expect(maya.locator(".publish-box-comments")).to_have_text("1 open comment")
    thread = maya.locator("#comments .comment-thread")
    expect(thread.locator("h3")).to_have_text("On the headline")
    thread.get_by_label("Answer").fill("It does now: “in Aleppo”.")
    thread.get_by_role("button", name="Answer", exact=True).click()
    expect(maya.locator(".messagelist")).to_contain_text("Your answer is added.")
    maya.locator("#comments .comment-thread").get_by_role(
        "button", name="Resolve"
    ).click()
    expect(maya.locator(".messagelist")).to_contain_text("is resolved")

    # Publishing is refused until the image has its licence.
    ana.goto(form)
    ana.get_by_role("button", name="Save and publish now").click()
    expect(ana.locator(".messagelist")).to_contain_text("credit and licence")
    assert not Review.objects.public().exists()
    ana.goto(f"{site}/admin/images/libraryimage/{image.pk}/change/")
    ana.fill("#id_licence", "Press kit, for reviews")
    ana.get_by_role("button", name="Save", exact=True).click()
    ana.goto(form)
    expect(ana.locator(".publish-checks-verdict")).to_have_text(
        "Nothing stops publishing."
    )
    ana.get_by_role("button", name="Save and publish now").click()
    expect(ana.locator(".messagelist")).to_contain_text("Published")

    # Readers get the figure with its caption and credit, and no comment.
    page.goto(site + Review.objects.public().get().get_absolute_url())
    figure = page.locator(".prose figure.image")
    expect(figure.locator("figcaption")).to_have_text(
        f"Waiting for the planes. Photo: {CREDIT}"
    )
    assert figure.locator("img").get_attribute("alt") == ALT
    text = page.locator("body").inner_text()
    assert "Could the headline name Aleppo?" not in text
    assert "in Aleppo”" not in text
    assert maya.csp_violations == ana.csp_violations == page.csp_violations == []
