"""The live preview beside the piece form: the piece as typed, rendered as
readers will see it, framed by the desk alone, and never saved."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from reversion.models import Version

from audit.models import Event
from desk.models import UserSettings
from reviews.models import Review
from tests.factories import make_review

pytestmark = pytest.mark.django_db

TYPED = {
    "kind": "review",
    "headline": "The rescuers who stayed in Aleppo",
    "standfirst": "Feras Fayyad films the White Helmets.",
    "body": "<p>Khaled waits on the roof.</p><script>alert(1)</script>",
    "rating": "4.5",
    "verdict": "Unbearable and necessary.",
}


@pytest.fixture
def piece(writer):
    return make_review(created_by=writer)


def url(piece):
    return f"/admin/reviews/review/{piece.pk}/live-preview/"


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_preview_shows_what_is_typed_and_saves_nothing(
    writer_client, piece, django_assert_max_num_queries
):
    versions = Version.objects.get_for_object(piece).count()

    with django_assert_max_num_queries(25):
        response = writer_client.post(url(piece), TYPED)

    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert page.h1.get_text(strip=True) == "The rescuers who stayed in Aleppo"
    assert page.select_one(".prose").get_text(strip=True) == (
        "Khaled waits on the roof."
    )
    assert "Unbearable and necessary." in page.get_text()
    assert "4.5 out of 5" in page.get_text()
    assert b"<script>alert" not in response.content
    assert page.select_one(".banner").get_text().startswith("Preview — not published.")
    stored = Review.objects.get()
    assert stored.headline == "The rescuers who chose to stay"
    assert stored.lock_token == piece.lock_token
    assert Version.objects.get_for_object(piece).count() == versions
    assert not Event.objects.exists()


def test_the_preview_is_framed_by_the_desk_only_and_kept_nowhere(writer_client, piece):
    for response in (
        writer_client.get(url(piece)),
        writer_client.post(url(piece), TYPED),
    ):
        assert response.status_code == 200
        assert response["X-Frame-Options"] == "SAMEORIGIN"
        assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
        assert "script-src 'self';" in response["Content-Security-Policy"]
        assert "no-store" in response["Cache-Control"]
        assert response["X-Robots-Tag"] == "noindex, nofollow"
    saved = writer_client.get(url(piece))
    assert b"The rescuers who chose to stay" in saved.content


def test_the_desk_itself_is_still_framed_by_nobody(writer_client, piece):
    response = writer_client.get(f"/admin/reviews/review/{piece.pk}/change/")

    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert "frame-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    "field, value, problem",
    [
        ("rating", "11", "Rating: Select a valid choice."),
        ("kind", "poem", "Kind: Select a valid choice."),
        ("headline", "x" * 301, "Headline: Ensure this value has at most 300"),
    ],
)
def test_a_preview_of_impossible_values_says_why(
    writer_client, piece, field, value, problem
):
    response = writer_client.post(url(piece), {**TYPED, field: value})

    assert response.status_code == 400
    assert response.content.decode().startswith(f"No preview: {problem}")


def test_what_the_form_does_not_send_stays_as_saved(writer_client, piece):
    response = writer_client.post(url(piece), {"verdict": "Necessary."})

    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert page.h1.get_text(strip=True) == "The rescuers who chose to stay"
    assert "Necessary." in page.get_text()


def test_only_people_who_may_edit_the_piece_see_its_preview(
    piece, other_writer, editor
):
    assert logged_in(other_writer).post(url(piece), TYPED).status_code == 404
    assert logged_in(other_writer).get(url(piece)).status_code == 404
    assert Client().post(url(piece), TYPED).status_code == 302
    assert logged_in(editor).post(url(piece), TYPED).status_code == 200
    assert logged_in(editor).put(url(piece)).status_code == 405


def test_each_person_turns_the_preview_on_for_themselves(writer, editor, piece):
    writer_client = logged_in(writer)
    change = f"/admin/reviews/review/{piece.pk}/change/"
    page = BeautifulSoup(writer_client.get(change).content, "html.parser")
    assert page.select_one("#live-preview").has_attr("hidden")
    assert not page.select_one("#live-preview iframe").has_attr("src")

    answer = writer_client.post("/admin/reviews/review/live-preview/", {"shown": "1"})

    assert answer.json() == {"shown": True}
    page = BeautifulSoup(writer_client.get(change).content, "html.parser")
    assert not page.select_one("#live-preview").has_attr("hidden")
    assert page.select_one("#live-preview iframe")["src"] == url(piece)
    assert "live-preview-on" in page.select_one(".piece-desk")["class"]
    assert page.select_one(".live-preview-toggle")["aria-pressed"] == "true"
    editors_page = BeautifulSoup(logged_in(editor).get(change).content, "html.parser")
    assert editors_page.select_one("#live-preview").has_attr("hidden")
    writer_client.post("/admin/reviews/review/live-preview/", {"shown": "0"})
    assert not UserSettings.objects.get(user=writer).live_preview


def test_the_desk_settings_page_turns_it_on_too(writer_client, writer):
    response = writer_client.post(
        "/admin/my-settings/", {"time_zone": "Europe/Berlin", "live_preview": "on"}
    )

    assert response.status_code == 302
    assert UserSettings.objects.get(user=writer).live_preview
