"""A save from a stale form: the editor keeps her text, reads the saved version
beside it with the differences marked, and saves again deliberately."""

import html5lib
import pytest
from django.test import Client

from reviews.models import Review
from tests.factories import make_person, make_review
from tests.reviews.test_admin import change_url, piece_form

pytestmark = pytest.mark.django_db

BODY = (
    "<p>The opening sets the scene in a quiet town.</p>"
    "<p>The ending lands with real force.</p>"
)


def text(element):
    return " ".join("".join(element.itertext()).split())


@pytest.fixture
def conflict(editor, writer):
    """The writer's stale form, after the editor (Ana Lima) saved the piece."""
    make_person("Ana Lima", user=editor)
    piece = make_review(body=BODY, created_by=writer)
    stale = piece_form(piece, body=BODY.replace("quiet town", "quiet mountain town"))
    editors = Client()
    editors.force_login(editor)
    saved = editors.post(
        change_url(piece),
        piece_form(
            piece,
            headline="The rescuers who stayed",
            body=BODY.replace("real force", "quiet force"),
        ),
    )
    assert saved.status_code == 302
    return piece, stale


def test_the_conflict_shows_my_text_beside_the_saved_version(writer_client, conflict):
    piece, stale = conflict

    response = writer_client.post(change_url(piece), stale)

    assert response.status_code == 200
    page = html5lib.parse(response.content, namespaceHTMLElements=False)
    panel = page.find(".//section[@class='conflict']")
    assert text(panel.find("h2")) == "Your text and the version Ana Lima saved"
    mine, saved = panel.findall(".//div[@class='conflict-sides']")[1]
    assert "quiet mountain town" in text(mine)
    assert [text(e) for e in saved.iter("ins")] == ["quiet"]
    assert [text(e) for e in saved.iter("del")] == ["mountain", "real"]
    headline_saved = panel.findall(".//div[@class='conflict-sides']")[0][1]
    assert [text(e) for e in headline_saved.iter("ins")] == ["stayed"]
    content = response.content.decode()
    assert "Ana Lima saved this piece at " in content
    assert "Merge what you need and save again." in content


def test_the_form_keeps_my_text(writer_client, conflict):
    piece, stale = conflict

    response = writer_client.post(change_url(piece), stale)

    form = response.context["adminform"].form
    assert form["body"].value() == stale["body"]
    assert Review.objects.get().body == BODY.replace("real force", "quiet force")


def test_saving_again_after_reading_goes_through(writer_client, conflict):
    piece, stale = conflict
    response = writer_client.post(change_url(piece), stale)
    token = response.context["adminform"].form["lock_token"].value()

    merged = BODY.replace("quiet town", "quiet mountain town").replace(
        "real force", "quiet force"
    )
    again = writer_client.post(
        change_url(piece),
        {
            **stale,
            "body": merged,
            "headline": "The rescuers who stayed",
            "lock_token": token,
        },
    )

    assert again.status_code == 302
    assert Review.objects.get().body == merged


def test_a_third_save_in_between_is_a_conflict_again(writer_client, conflict, editor):
    piece, stale = conflict
    token = (
        writer_client.post(change_url(piece), stale)
        .context["adminform"]
        .form["lock_token"]
        .value()
    )
    piece.refresh_from_db()
    piece.standfirst = "Yet another change."
    piece.save()

    again = writer_client.post(change_url(piece), {**stale, "lock_token": token})

    assert again.status_code == 200
    assert again.context["adminform"].form.conflict is not None


def test_other_fields_that_differ_are_named(writer_client, conflict, editor):
    piece, stale = conflict
    piece.refresh_from_db()
    piece.rating = 4
    piece.save()

    response = writer_client.post(change_url(piece), stale)

    assert "The saved version also differs in: Rating." in response.content.decode()
