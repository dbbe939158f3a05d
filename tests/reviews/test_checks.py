"""The checks before publishing: errors keep a piece from readers, warnings are
shown and may be published past, and the piece form's panel lists them beside
the piece as a search result and a shared link."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from reviews.models import Review
from tests.factories import make_film, make_person, make_public_review, make_review
from tests.images import image_upload
from tests.reviews.test_admin import change_url, piece_form
from tests.reviews.test_figures import figure, library_image

pytestmark = pytest.mark.django_db

READY = {
    "standfirst": "Feras Fayyad's documentary follows the White Helmets of Aleppo.",
    "rating": 4,
}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def messages(piece):
    return [
        (check.level, check.field, check.message) for check in piece.publishing_checks()
    ]


def panel(client, piece):
    response = client.get(change_url(piece))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one(".publish-checks")


def items(panel, kind):
    return [
        li.get_text(" ", strip=True)
        for li in panel.select(f".publish-checks-{kind} li")
    ]


def test_a_piece_with_all_it_needs_passes_every_check():
    piece = make_review(**READY)

    assert piece.publishing_checks() == []


def test_every_error_is_named_at_once_and_the_piece_stays_a_draft(editor):
    image = library_image(licence="")
    piece = make_review(
        film=None,
        body=figure(image),
        hero_image=image_upload(),
        hero_alt="Rescuers at work",
        **READY,
    )

    with pytest.raises(ValidationError) as refused:
        piece.publish(by=editor)

    assert refused.value.messages == [
        "Choose the film under review before publishing.",
        "Give “Khaled Omar Harrah on a rooftop in Aleppo” its credit and licence "
        "in the image library before the piece is published.",
        "Credit the hero image (who made it, or whose it is) before the piece is "
        "published.",
    ]
    assert Review.objects.get().status == Review.Status.DRAFT


def test_a_body_of_empty_paragraphs_is_no_body(editor):
    piece = make_review(body="<p> </p><h2></h2>", **READY)

    assert messages(piece) == [
        ("error", "body", "A piece needs a body before it is published.")
    ]
    with pytest.raises(ValidationError, match="needs a body"):
        piece.publish(by=editor)


def test_warnings_are_listed_and_an_editor_publishes_past_them(editor):
    piece = make_review(
        "A headline long enough to be cut short by every search engine's results",
        standfirst="Rescue under siege. " * 10,
        left_out_on_import="A table of contents.",
    )

    assert messages(piece) == [
        (
            "warning",
            "rating",
            "This review has no rating.",
        ),
        (
            "warning",
            "seo_title",
            "Search results show about 60 characters of a title; this one has 71. "
            "Write a shorter SEO title.",
        ),
        (
            "warning",
            "seo_description",
            "Search results show about 155 characters of a description, and the "
            "standfirst has 199: they get its opening sentences. Write an SEO "
            "description to choose what they show.",
        ),
        (
            "warning",
            "left_out_on_import",
            "The import left things out: deal with each in the body, then empty "
            "“Left out on import”.",
        ),
    ]
    piece.publish(by=editor)
    assert Review.objects.public().get() == piece


def test_the_seo_fields_answer_their_warnings():
    piece = make_review(
        "A headline long enough to be cut short by every search engine's results",
        standfirst="Rescue under siege. " * 10,
        seo_title="Last Men in Aleppo: rescue under siege",
        seo_description="Feras Fayyad's documentary follows the White Helmets.",
        rating=4,
    )

    assert messages(piece) == []


def test_a_piece_without_a_standfirst_is_warned_of_it():
    piece = make_review(rating=4)

    assert messages(piece) == [
        (
            "warning",
            "standfirst",
            "There is no standfirst: lists, search results and shared links get "
            "the body's opening sentences instead.",
        )
    ]


def test_links_to_the_sites_own_pages_that_readers_would_not_reach(settings):
    settings.SITE_URL = "https://filmdesk.example"
    film = make_film("The Cave", year=2019)
    make_person("Feras Fayyad")
    public = make_public_review("Rescue", kind=Review.Kind.FEATURE, slug="rescue")
    make_review("Not out yet", kind=Review.Kind.FEATURE, slug="not-out-yet")
    links = [
        f"/films/{film.slug}/",  # fine
        f"/films/{film.slug}",  # fine: readers are sent on to the slash
        "/films/the-lost-film/",
        "/people/feras-fayyad/?tab=films#career",  # fine
        "/people/nobody/",
        f"https://filmdesk.example{public.get_absolute_url()}",  # fine
        "https://filmdesk.example/reviews/not-out-yet/",
        "/reviews/",  # fine
        "/no/such/page/",
        "/admin/reviews/review/",
        "/feeds/reviews.rss",  # fine
        "/films/the-lost-film/feed.atom",
        "https://elsewhere.example/films/the-lost-film/",  # another site's
        "#note-1",
        "mailto:desk@filmdesk.example",
    ]
    body = "".join(f'<p><a href="{link}">A link</a></p>' for link in links)
    piece = make_review(film=film, body=body, **READY)

    assert messages(piece) == [
        (
            "warning",
            "body",
            f"The body's link to “{address}” is broken: {why}.",
        )
        for address, why in [
            ("/films/the-lost-film/", "no page has that address"),
            ("/people/nobody/", "no page has that address"),
            (
                "https://filmdesk.example/reviews/not-out-yet/",
                "no piece readers can see has that address (yet)",
            ),
            ("/no/such/page/", "no page has that address"),
            (
                "/admin/reviews/review/",
                "it leads into the desk, which readers cannot open",
            ),
            ("/films/the-lost-film/feed.atom", "no page has that address"),
        ]
    ]


def test_an_old_address_of_a_public_piece_still_reaches_it():
    public = make_public_review("Rescue", kind=Review.Kind.FEATURE, slug="rescue")
    public.slug = "rescue-under-siege"
    public.save()
    piece = make_review(body='<p><a href="/reviews/rescue/">Rescue</a></p>', **READY)

    assert messages(piece) == []


def test_the_panel_lists_the_checks_under_their_fields(editor_client):
    piece = make_review(film=None, standfirst="", rating=None)

    checks = panel(editor_client, piece)

    assert checks.h3.get_text() == "Before publishing"
    assert items(checks, "errors") == [
        "Film: Choose the film under review before publishing."
    ]
    assert items(checks, "warnings") == [
        "Standfirst: There is no standfirst: lists, search results and shared "
        "links get the body's opening sentences instead.",
        "Rating: This review has no rating.",
    ]


def test_the_panel_shows_the_piece_as_search_results_and_shared_links_will(
    editor_client, settings
):
    settings.SITE_URL = "https://filmdesk.example"
    piece = make_review(
        hero_image=image_upload(),
        hero_alt="Rescuers at work",
        hero_credit="Grasshopper Film",
        seo_description="Feras Fayyad's documentary follows the White Helmets.",
        **READY,
    )

    checks = panel(editor_client, piece)

    assert checks.select_one(".publish-checks-verdict").get_text() == (
        "Nothing stops publishing."
    )
    search = checks.select_one(".search-preview")
    assert [p.get_text() for p in search.select("p")] == [
        f"https://filmdesk.example/reviews/{piece.slug}/",
        "The rescuers who chose to stay — review · Filmdesk",
        "Feras Fayyad's documentary follows the White Helmets.",
    ]
    card = checks.select_one(".card-preview")
    assert card.img["src"] == piece.share_image.url
    assert card.img["alt"] == "Rescuers at work"
    assert [p.get_text() for p in card.select("p")] == [
        "filmdesk.example",
        "The rescuers who chose to stay",
        "Feras Fayyad's documentary follows the White Helmets.",
    ]


def test_publishing_from_the_form_is_refused_until_the_errors_are_put_right(
    editor_client,
):
    film = make_film()
    piece = make_review(film=None, **READY)

    refused = editor_client.post(
        change_url(piece), piece_form(piece, _publish="1"), follow=True
    )

    assert "Choose the film under review before publishing." in refused.content.decode()
    assert not Review.objects.public().exists()
    piece.refresh_from_db()
    editor_client.post(
        change_url(piece), piece_form(piece, film=film.pk, rating="4", _publish="1")
    )
    assert Review.objects.public().get() == piece


def test_a_writer_sees_the_checks_of_her_own_piece(writer_client, writer):
    piece = make_review(created_by=writer, film=None, **READY)

    checks = panel(writer_client, piece)

    assert items(checks, "errors") == [
        "Film: Choose the film under review before publishing."
    ]


def test_a_new_piece_has_no_panel_until_it_is_saved(editor_client):
    response = editor_client.get("/admin/reviews/review/add/")

    assert response.status_code == 200
    assert b"publish-checks" not in response.content
