"""The piece form in the admin: publish box first, what folds away, the writer's defaults."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import lxml.html
import pytest
from django.utils import timezone

from desk.models import UserSettings
from reviews.models import Review
from tests.factories import make_person, make_public_review, make_review
from tests.reviews.test_admin import change_url, piece_form

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/reviews/review/add/"


def form_page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return lxml.html.fromstring(response.content)


def has_class(name):
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def publish_box(page):
    (box,) = page.xpath("//form[@id='review_form']//section[@class='publish-box']")
    return box


def box_buttons(page):
    return [b.get("name") for b in publish_box(page).xpath(".//input[@type='submit']")]


def test_the_publish_box_comes_first_with_an_editors_steps(editor_client):
    piece = make_review()

    page = form_page(editor_client, change_url(piece))

    first = page.xpath("//form[@id='review_form']//fieldset")[0]
    assert first.getparent() is publish_box(page)
    assert box_buttons(page) == [
        "_continue",
        "_submit",
        "_publish",
        "_schedule",
        "_revoke_preview",
    ]
    box_text = publish_box(page).text_content()
    for part in ("Status", "Draft", "Publish at", "Preview", "Last saved"):
        assert part in box_text
    # The normal buttons stay at the bottom, without the workflow steps.
    bottom = [b.get("name") for b in page.xpath("//div[@class='submit-row']//input")]
    assert "_save" in bottom
    assert "_publish" not in bottom


def test_a_writer_sees_only_her_steps_and_no_publish_time(writer_client, writer):
    piece = make_review(created_by=writer)

    page = form_page(writer_client, change_url(piece))

    assert box_buttons(page) == ["_continue", "_submit"]
    assert not page.xpath("//*[@id='id_schedule_for_0']")


def test_a_published_piece_offers_an_editor_withdrawal(editor_client):
    piece = make_public_review()

    page = form_page(editor_client, change_url(piece))

    assert box_buttons(page) == ["_continue", "_withdraw", "_revoke_preview"]


def test_a_writer_viewing_a_published_piece_gets_no_buttons(writer_client, writer):
    piece = make_public_review(created_by=writer)

    page = form_page(writer_client, change_url(piece))

    assert box_buttons(page) == []


def test_status_and_publish_time_no_longer_sit_under_seo(editor_client):
    page = form_page(editor_client, change_url(make_review()))

    box = publish_box(page)
    for field in ("workflow_state", "schedule_for", "last_saved"):
        assert box.xpath(f".//*[{has_class('field-' + field)}]"), field
        assert len(page.xpath(f"//*[{has_class('field-' + field)}]")) == 1


def test_scheduled_time_and_last_save_show_in_the_editors_time_zone(
    editor_client, editor
):
    UserSettings.objects.create(user=editor, time_zone="America/New_York")
    at = timezone.now().replace(microsecond=0) + timedelta(days=3)
    piece = make_public_review(publish_at=at, last_edited_by=editor)
    new_york = at.astimezone(ZoneInfo("America/New_York"))
    saved = piece.updated_at.astimezone(ZoneInfo("America/New_York"))

    box = publish_box(form_page(editor_client, change_url(piece))).text_content()

    assert f"Scheduled for {new_york:%-d %B %Y, %H:%M}" in box
    assert f"{saved:%-d %B %Y, %H:%M} by editor" in box


def test_seo_and_corrections_fold_away(editor_client):
    page = form_page(editor_client, change_url(make_review()))

    (seo,) = page.xpath("//fieldset[.//h2[normalize-space()='Search engines']]")
    assert "collapse" in seo.get("class")
    assert seo.xpath(".//details")
    (corrections,) = page.xpath("(//*[@id='corrections-group']//fieldset)[1]")
    assert "collapse" in corrections.get("class")


def test_the_headline_box_is_wide_and_takes_300_characters(editor_client):
    page = form_page(editor_client, ADD_URL)

    (headline,) = page.xpath("//*[@id='id_headline']")
    assert "piece-headline" in headline.get("class")
    assert headline.get("maxlength") == "300"


def test_the_form_loads_its_script_and_shows_a_live_length(editor_client):
    response = editor_client.get(change_url(make_review()))
    page = lxml.html.fromstring(response.content)

    scripts = [s.get("src") for s in page.xpath("//script[@src]")]
    assert any(src.endswith("js/piece-form.js") for src in scripts)
    (length,) = page.xpath(
        f"//*[{has_class('field-length')}]//span[@class='piece-length']"
    )
    assert length.get("aria-live") == "polite"
    assert length.text_content() == "7 words, about 1 min to read"


def test_a_writers_new_piece_starts_with_her_byline(writer_client, writer):
    person = make_person("Ana Ferreira", user=writer)

    page = form_page(writer_client, ADD_URL)

    (selected,) = page.xpath(
        "//*[@id='id_bylines-0-person']/option[@selected and @value!='']"
    )
    assert selected.get("value") == str(person.pk)
    assert selected.text_content() == "Ana Ferreira"


def test_after_saving_she_is_on_the_byline(writer_client, writer):
    person = make_person("Ana Ferreira", user=writer)

    response = writer_client.post(
        ADD_URL,
        piece_form(
            **{
                "bylines-TOTAL_FORMS": "1",
                "bylines-0-person": person.pk,
                "bylines-0-order": "0",
            }
        ),
    )

    assert response.status_code == 302
    assert [b.person for b in Review.objects.get().bylines.all()] == [person]


def test_without_a_person_the_byline_starts_empty(writer_client):
    page = form_page(writer_client, ADD_URL)

    assert not page.xpath(
        "//*[@id='id_bylines-0-person']/option[@selected and @value!='']"
    )
    assert page.xpath("//*[@id='id_bylines-0-person']")


def test_a_writer_finds_people_for_the_byline_but_cannot_create_them(
    writer_client,
):
    make_person("Ana Ferreira")

    found = writer_client.get(
        "/admin/autocomplete/",
        {
            "term": "Ana",
            "app_label": "reviews",
            "model_name": "byline",
            "field_name": "person",
        },
    )
    page = form_page(writer_client, ADD_URL)

    assert [r["text"] for r in found.json()["results"]] == ["Ana Ferreira"]
    assert not page.xpath("//*[@id='add_id_bylines-0-person']")
    assert writer_client.get("/admin/people/person/add/").status_code == 403


def test_a_writer_sees_her_own_pieces_first(
    writer_client, writer, other_writer, django_assert_max_num_queries
):
    make_public_review("Someone else's, newest", created_by=other_writer)
    make_review("Her draft", created_by=writer)
    old = timezone.now() - timedelta(days=30)
    make_public_review("Her old review", publish_at=old, created_by=writer)

    with django_assert_max_num_queries(20):
        page = form_page(writer_client, "/admin/reviews/review/")

    headlines = [a.text_content() for a in page.xpath("//*[@id='result_list']//th/a")]
    assert sorted(headlines[:2]) == ["Her draft", "Her old review"]
    assert headlines[2:] == ["Someone else's, newest"]


def test_an_editor_sees_the_usual_order(editor_client, writer):
    make_review("Draft", created_by=writer)
    make_public_review("Newest public")

    page = form_page(editor_client, "/admin/reviews/review/")

    headlines = [a.text_content() for a in page.xpath("//*[@id='result_list']//th/a")]
    assert headlines == ["Newest public", "Draft"]
