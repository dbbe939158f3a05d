"""Comments at the desk: an editor comments on a piece or one of its fields, the
writer hears of it, answers and resolves it; threads stand in the piece's
history; no reader ever sees one."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import Client

from audit.models import Event
from desk.models import Comment
from reviews.models import Byline, Review
from tests.factories import make_person, make_review

pytestmark = pytest.mark.django_db

BODY = (
    "<h2>On the roof</h2><p>Khaled waits for the planes with his daughters.</p>"
    "<p>Mahmoud looks for his brother in the rubble.</p>"
)


@pytest.fixture
def piece(writer, editor):
    writer.email, editor.email = "writer@example.org", "editor@example.org"
    writer.save()
    editor.save()
    piece = make_review(body=BODY, created_by=writer)
    Byline.objects.create(review=piece, person=make_person("Maya Okafor", user=writer))
    make_person("Ana Lima", user=editor)
    return piece


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def url(piece, step=""):
    return f"/admin/reviews/review/{piece.pk}/comments/{step}"


def comments_of(client, piece):
    response = client.get(f"/admin/reviews/review/{piece.pk}/change/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def post(client, address, data, *, callbacks):
    with callbacks(execute=True):
        response = client.post(address, data, follow=True)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_the_form_offers_the_piece_its_fields_and_each_paragraph(editor_client, piece):
    page = comments_of(editor_client, piece)

    place = page.select_one("#comments select[name=place]")
    assert [(o["value"], o.get_text()) for o in place.select("option")] == [
        ("piece", "The piece as a whole"),
        ("headline", "Headline"),
        ("standfirst", "Standfirst"),
        ("body:1", "Paragraph 1: On the roof"),
        ("body:2", "Paragraph 2: Khaled waits for the planes with his daughters."),
        ("body:3", "Paragraph 3: Mahmoud looks for his brother in the rubble."),
    ]
    assert page.select_one("#comments optgroup")["label"] == "Body"
    assert page.select_one("#comments .comment-none").get_text() == "No open comments."


def test_an_editor_comments_the_writer_hears_answers_and_resolves(
    editor, writer, piece, mailoutbox, django_capture_on_commit_callbacks
):
    editor_client, writer_client = logged_in(editor), logged_in(writer)
    page = post(
        editor_client,
        url(piece),
        {"place": "headline", "text": "Name the town in the headline?"},
        callbacks=django_capture_on_commit_callbacks,
    )

    assert "Your comment is added." in page.get_text()
    [mail] = mailoutbox
    assert mail.to == ["writer@example.org"]
    assert mail.subject == (
        "[Filmdesk] editor commented on “The rescuers who chose to stay”"
    )
    assert "Ana Lima commented on the headline: Name the town in the headline?" in (
        mail.body
    )
    assert f"/admin/reviews/review/{piece.pk}/change/#comments" in mail.body

    page = comments_of(writer_client, piece)
    assert page.select_one(".publish-box-comments").get_text() == "1 open comment"
    thread = page.select_one("#comments .comment-thread")
    assert thread.h3.get_text() == "On the headline"
    assert thread.select_one(".comment-text").get_text() == (
        "Name the town in the headline?"
    )
    comment = Comment.objects.get()

    mailoutbox.clear()
    post(
        writer_client,
        url(piece, f"{comment.pk}/answer/"),
        {"text": "Done: Aleppo is in it now."},
        callbacks=django_capture_on_commit_callbacks,
    )
    assert [m.to for m in mailoutbox] == [["editor@example.org"]]
    page = post(
        writer_client,
        url(piece, f"{comment.pk}/resolve/"),
        {},
        callbacks=django_capture_on_commit_callbacks,
    )

    assert "The comment on the headline is resolved." in page.get_text()
    assert page.select_one(".publish-box-comments") is None
    resolved = page.select_one("#comments details.comment-resolved")
    assert resolved.summary.get_text() == "1 resolved comment"
    assert [c.get_text() for c in resolved.select(".comment-text")] == [
        "Name the town in the headline?",
        "Done: Aleppo is in it now.",
    ]
    assert resolved.h3.get_text() == "On the headline · resolved by Maya Okafor"
    assert list(
        Event.objects.filter(object_id=piece.pk)
        .order_by("at", "pk")
        .values_list("action", "message")
    ) == [
        (
            "commented",
            "Ana Lima commented on the headline: Name the town in the headline?",
        ),
        (
            "commented",
            "Maya Okafor answered on the headline: Done: Aleppo is in it now.",
        ),
        ("resolved", "Maya Okafor resolved the comment on the headline"),
    ]


def test_a_comment_on_a_paragraph_keeps_its_opening_words(
    editor_client, piece, django_capture_on_commit_callbacks
):
    post(
        editor_client,
        url(piece),
        {"place": "body:3", "text": "Which brother?"},
        callbacks=django_capture_on_commit_callbacks,
    )
    piece.body = "<p>A new opening.</p>"
    piece.save()

    page = comments_of(editor_client, piece)

    assert page.select_one("#comments .comment-thread h3").get_text() == (
        "On paragraph 3 (“Mahmoud looks for his brother in the rubble.”)"
    )


def test_answering_a_resolved_thread_opens_it_again(
    editor_client, editor, piece, django_capture_on_commit_callbacks
):
    thread = Comment.objects.create(
        piece=piece, author=editor, author_name="Ana Lima", text="Shorter?"
    )
    post(
        editor_client,
        url(piece, f"{thread.pk}/resolve/"),
        {},
        callbacks=django_capture_on_commit_callbacks,
    )

    page = post(
        editor_client,
        url(piece, f"{thread.pk}/answer/"),
        {"text": "Still too long."},
        callbacks=django_capture_on_commit_callbacks,
    )

    assert page.select_one(".publish-box-comments").get_text() == "1 open comment"
    assert page.select_one("#comments details") is None


@pytest.mark.parametrize(
    "data, problem",
    [
        ({"place": "headline", "text": "   "}, "Comment: This field is required."),
        ({"place": "body:9", "text": "Where?"}, "On: Select a valid choice."),
        ({"place": "headline", "text": "x" * 4001}, "Comment: Ensure this value"),
    ],
)
def test_a_comment_that_cannot_be_added_says_why_and_keeps_the_words(
    editor_client, piece, data, problem, django_capture_on_commit_callbacks
):
    page = post(
        editor_client, url(piece), data, callbacks=django_capture_on_commit_callbacks
    )

    message = page.select_one(".messagelist .error").get_text()
    assert message.startswith(f"The comment is not added. {problem}")
    if data["text"].strip():
        assert f"What you wrote: “{data['text']}”" in message
    assert not Comment.objects.exists()


def test_who_may_comment(piece, other_writer, editor, django_user_model):
    thread = Comment.objects.create(
        piece=piece, author=editor, author_name="Ana Lima", text="Shorter?"
    )
    stranger = logged_in(other_writer)
    reader = Client()

    # Another writer's draft is not found; readers are sent to log in.
    for client, refused in ((stranger, 404), (reader, 302)):
        for step in ("", f"{thread.pk}/answer/", f"{thread.pk}/resolve/"):
            response = client.post(url(piece, step), {"place": "piece", "text": "Hm"})
            assert response.status_code == refused
    assert Comment.objects.count() == 1
    assert Comment.objects.get().resolved_at is None


def test_writers_cannot_comment_on_a_published_piece(
    piece, editor, writer, other_writer
):
    Comment.objects.create(
        piece=piece, author=editor, author_name="Ana Lima", text="Shorter?"
    )
    piece.publish(by=editor)

    for who in (writer, other_writer):
        client = logged_in(who)
        response = client.post(url(piece), {"place": "piece", "text": "Hm"})
        assert response.status_code == 403
        page = client.get(f"/admin/reviews/review/{piece.pk}/change/")
        assert page.status_code == 200
        assert b"Shorter?" not in page.content
    assert Comment.objects.count() == 1


def test_a_thread_of_another_piece_is_not_found(editor_client, editor, piece):
    other = make_review("Another piece")
    thread = Comment.objects.create(
        piece=other, author=editor, author_name="Ana Lima", text="Shorter?"
    )

    for step in ("answer", "resolve"):
        response = editor_client.post(
            url(piece, f"{thread.pk}/{step}/"), {"text": "Hm"}
        )
        assert response.status_code == 404
    assert editor_client.get(url(piece)).status_code == 405
    assert Comment.objects.get().resolved_at is None


def test_no_reader_surface_shows_a_comment(editor, piece):
    piece.publish(by=editor)
    Comment.objects.create(
        piece=piece, author=editor, author_name="Ana Lima", text="SECRET-REMARK"
    )
    reader = Client()

    for address in (
        piece.get_absolute_url(),
        "/",
        "/reviews/",
        f"/search/?q={piece.headline.split()[1]}",
        "/feeds/reviews.rss",
        "/feeds/reviews.atom",
        f"/films/{piece.film.slug}/",
        "/sitemap-pieces.xml",
    ):
        response = reader.get(address)
        assert response.status_code == 200, address
        assert b"SECRET-REMARK" not in response.content, address
        assert b"Ana Lima" not in response.content, address


def test_the_form_reads_its_threads_in_a_fixed_number_of_queries(
    editor_client, editor, piece, django_assert_max_num_queries
):
    def add_thread():
        thread = Comment.objects.create(
            piece=piece, author=editor, author_name="Ana Lima", text="Shorter?"
        )
        Comment.objects.create(
            piece=piece,
            thread=thread,
            author=editor,
            author_name="Ana Lima",
            text="Yes",
        )

    add_thread()
    with django_assert_max_num_queries(60) as one:
        comments_of(editor_client, piece)
    for _ in range(5):
        add_thread()
    with django_assert_max_num_queries(len(one.captured_queries)):
        page = comments_of(editor_client, piece)
    assert len(page.select("#comments .comment-thread")) == 6


def test_a_deleted_account_leaves_its_comments_readable(editor_client, piece):
    gone = get_user_model().objects.create_user("gone")
    Comment.objects.create(
        piece=piece, author=gone, author_name="Gone Writer", text="Hm"
    )
    gone.delete()

    page = comments_of(editor_client, piece)

    assert "Gone Writer" in page.select_one("#comments .comment-meta").get_text()
    assert Review.objects.get() == piece
