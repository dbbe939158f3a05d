"""Issue 10's findings about the desk, each as it was reproduced."""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from reversion.models import Version

from audit.models import Event
from people.models import Person
from reviews.importing import ImportRefused, import_piece
from reviews.models import Review, SlugRedirect, Topic
from tests.factories import make_film, make_person, make_public_review, make_review
from tests.reviews.test_admin import change_url, piece_form
from tests.reviews.test_preview import preview_url

pytestmark = pytest.mark.django_db


def logged_in(user):
    """A client of its own: the fixtures' clients share one session."""
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def staff(django_user_model):
    """A staff account in no group: it may log in and do nothing else."""
    return django_user_model.objects.create_user(
        "staff", password="a-long-test-password", is_staff=True
    )


def edit(client, piece, **fields):
    piece.refresh_from_db()
    response = client.post(change_url(piece), piece_form(piece, **fields))
    assert response.status_code == 302, response.content.decode()[:2000]
    piece.refresh_from_db()


# Finding 3: writers merged (and so deleted) people with view permission alone.


def test_a_writer_cannot_merge_people(writer_client):
    keep, other = make_person("Khaled Omar Harrah"), make_person("Khaled")

    response = writer_client.post(
        "/admin/people/person/",
        {
            "action": "merge_selected",
            "_selected_action": [keep.pk, other.pk],
            "confirm": "yes",
            "keep": keep.pk,
        },
    )

    assert response.status_code == 200
    assert "merge_selected" not in response.content.decode()
    assert Person.objects.count() == 2


def test_a_merge_is_logged_and_the_merged_record_can_be_recovered(editor_client):
    keep, other = make_person("Khaled Omar Harrah"), make_person("Khaled")

    editor_client.post(
        "/admin/people/person/",
        {
            "action": "merge_selected",
            "_selected_action": [keep.pk, other.pk],
            "confirm": "yes",
            "keep": keep.pk,
        },
    )

    event = Event.objects.get(action=Event.Action.MERGED)
    assert event.actor_name == "editor"
    assert "Merged Khaled into Khaled Omar Harrah by editor" in event.message
    [deleted] = Version.objects.get_deleted(Person)
    recovered = editor_client.post(
        f"/admin/people/person/recover/{deleted.pk}/",
        {
            "name": "Khaled",
            "slug": "khaled",
            "sort_name": "Khaled",
            "not_a_duplicate": "on",
            "affiliations-TOTAL_FORMS": "0",
            "affiliations-INITIAL_FORMS": "0",
            "credits-TOTAL_FORMS": "0",
            "credits-INITIAL_FORMS": "0",
        },
    )
    assert recovered.status_code == 302
    assert Person.objects.filter(name="Khaled").exists()


# Finding 4: import created public people and topics for writers.


def test_a_writer_import_cannot_create_people_or_topics(writer):
    with pytest.raises(ImportRefused, match="adding people is for editors"):
        import_piece(
            b"Some text.", headline="A piece", author="Nobody Known", by=writer
        )
    with pytest.raises(ImportRefused, match="adding topics is for editors"):
        import_piece(b"Some text.", headline="A piece", topics=["New topic"], by=writer)

    assert not Person.objects.exists()
    assert not Topic.objects.exists()
    assert not Review.objects.exists()


def test_a_writer_import_uses_existing_people_and_topics(writer):
    make_person("Feras Fayyad")
    Topic.objects.create(name="Documentary")

    report = import_piece(
        b"Some text.",
        headline="A piece",
        author="feras fayyad",
        topics=["documentary"],
        by=writer,
    )

    assert [str(p) for p in report.piece.authors.all()] == ["Feras Fayyad"]
    assert [t.name for t in report.piece.topics.all()] == ["Documentary"]
    assert Event.objects.for_object(report.piece).get().action == "imported"


def test_the_import_page_tells_a_writer_why(writer_client):
    response = writer_client.post(
        "/admin/reviews/review/import/",
        {
            "text": "Some text.",
            "headline": "A piece",
            "author": "Nobody Known",
            "kind": "review",
        },
    )

    assert response.status_code == 200
    assert "adding people is for editors" in response.content.decode()
    assert not Person.objects.exists()


# Finding 5: the compare page had no permission check.


def test_compare_needs_the_right_to_see_the_piece(staff, writer, other_writer, editor):
    piece = make_review("Secret draft", created_by=other_writer)
    edit(logged_in(editor), piece, headline="Secret draft, revised")
    newer, older = Version.objects.get_for_object(piece)[:2]
    url = f"/admin/reviews/review/{piece.pk}/history/compare/"
    query = {"version_id1": older.pk, "version_id2": newer.pk}

    assert logged_in(staff).get(url, query).status_code == 403
    assert logged_in(writer).get(url, query).status_code == 403
    assert logged_in(editor).get(url, query).status_code == 200


# Finding 6: restoring a version re-published a withdrawn piece.


def test_restoring_a_version_keeps_the_piece_withdrawn(editor_client, editor):
    piece = make_review("Published once", body="<p>The first text.</p>")
    piece.publish(by=editor)
    edit(editor_client, piece, body="<p>A second text.</p>")
    published_version = Version.objects.get_for_object(piece)[0]
    piece.withdraw(by=editor)

    form = piece_form(piece, body="<p>A second text.</p>")
    form["lock_token"] = re.search(
        r'name="lock_token" value="([^"]+)"',
        editor_client.get(
            f"/admin/reviews/review/{piece.pk}/history/{published_version.pk}/"
        ).content.decode(),
    ).group(1)
    response = editor_client.post(
        f"/admin/reviews/review/{piece.pk}/history/{published_version.pk}/", form
    )

    piece.refresh_from_db()
    assert response.status_code == 302
    assert piece.status == Review.Status.WITHDRAWN
    assert not Review.objects.public().exists()
    assert Event.objects.for_object(piece).first().action == "restored"


def test_withdrawing_reads_as_such_in_the_history(editor_client, editor):
    piece = make_public_review()
    piece.withdraw(by=editor)

    history = editor_client.get(f"/admin/reviews/review/{piece.pk}/history/")

    assert "Withdrawn by editor" in history.content.decode()
    assert "<td>Withdrawn</td><td>editor</td>" in history.content.decode()
    assert Event.objects.for_object(piece).get().message == "Withdrawn by editor"


def test_a_recovered_piece_comes_back_as_a_draft(editor_client):
    piece = make_public_review("Deleted by mistake")
    edit(editor_client, piece, standfirst="Saved once at the desk.")
    editor_client.post(f"/admin/reviews/review/{piece.pk}/delete/", {"post": "yes"})
    [deleted] = Version.objects.get_deleted(Review)

    page = editor_client.get(f"/admin/reviews/review/recover/{deleted.pk}/")
    token = re.search(r'name="lock_token" value="([^"]+)"', page.content.decode())
    response = editor_client.post(
        f"/admin/reviews/review/recover/{deleted.pk}/",
        piece_form(piece, lock_token=token.group(1)),
    )

    recovered = Review.objects.get()
    assert response.status_code == 302
    assert recovered.status == Review.Status.DRAFT
    assert not Review.objects.public().exists()
    actions = list(Event.objects.values_list("action", flat=True))
    assert actions == ["recovered", "deleted"]


# Finding 7: a writer took over a published piece's old address.


def test_an_old_address_stays_with_its_piece(writer, editor):
    writer_client, editor_client = logged_in(writer), logged_in(editor)
    published = make_public_review("The rescuers", slug="the-rescuers")
    edit(editor_client, published, slug="the-rescuers-of-aleppo")
    draft = make_review("Another piece", created_by=writer)

    response = writer_client.post(
        change_url(draft), piece_form(draft, slug="the-rescuers")
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "This address is taken: choose another." in page
    assert "The rescuers" not in page  # a withdrawn piece's headline stays unsaid
    assert SlugRedirect.objects.get().review == published
    draft.refresh_from_db()
    assert draft.slug != "the-rescuers"


def test_a_new_piece_never_gets_an_old_address(editor_client):
    published = make_public_review("The rescuers")
    edit(editor_client, published, slug="renamed")

    newcomer = make_review("The rescuers")

    assert newcomer.slug == "the-rescuers-2"


def test_a_piece_may_return_to_its_own_old_address(editor_client):
    published = make_public_review("The rescuers")
    edit(editor_client, published, slug="renamed")
    edit(editor_client, published, slug="the-rescuers")

    assert published.slug == "the-rescuers"
    assert SlugRedirect.objects.get().old_slug == "renamed"


# Finding 11: writers read every draft; previews worked for anyone on the staff.


def test_a_writer_sees_her_own_pieces_and_public_ones_only(
    writer_client, writer, other_writer
):
    make_review("Mine", created_by=writer)
    make_review("Theirs, a draft", created_by=other_writer)
    make_public_review("Theirs, published", created_by=other_writer)

    page = writer_client.get("/admin/reviews/review/").content.decode()

    assert "Mine" in page
    assert "Theirs, published" in page
    assert "Theirs, a draft" not in page


def test_a_writer_cannot_read_another_writers_draft_or_its_history(
    writer_client, other_writer
):
    draft = make_review("Theirs, a draft", created_by=other_writer)

    for url in (change_url(draft), f"/admin/reviews/review/{draft.pk}/history/"):
        response = writer_client.get(url)
        assert response.status_code == 302
        assert response["Location"] == "/admin/"


def test_deleted_pieces_are_listed_for_editors_only(writer, editor):
    writer_client, editor_client = logged_in(writer), logged_in(editor)
    piece = make_review("A headline nobody else should read")
    editor_client.post(f"/admin/reviews/review/{piece.pk}/delete/", {"post": "yes"})

    assert writer_client.get("/admin/reviews/review/recover/").status_code == 403
    listed = editor_client.get("/admin/reviews/review/recover/")
    assert "A headline nobody else should read" in listed.content.decode()


def test_a_preview_link_works_only_for_those_who_may_see_the_piece(
    client, editor_client, writer, other_writer, django_user_model
):
    draft = make_review("Their draft", created_by=other_writer)
    url = preview_url(editor_client, draft)
    editor_client.logout()

    client.force_login(writer)
    assert client.get(url).status_code == 404
    client.force_login(other_writer)
    assert client.get(url).status_code == 200


def test_an_editor_revokes_preview_links(editor_client, editor):
    piece = make_review("A draft")
    old_url = preview_url(editor_client, piece)

    response = editor_client.post(
        f"/admin/reviews/review/{piece.pk}/revoke-preview/", piece_form(piece)
    )

    assert response.status_code == 302
    assert editor_client.get(old_url).status_code == 404
    new_url = preview_url(editor_client, piece)
    assert new_url != old_url
    assert editor_client.get(new_url).status_code == 200
    assert Event.objects.for_object(piece).get().action == "preview_revoked"


def test_a_writer_cannot_revoke_preview_links(writer_client, writer):
    piece = make_review("My draft", created_by=writer)
    before = piece.preview_key

    response = writer_client.post(
        f"/admin/reviews/review/{piece.pk}/revoke-preview/", {}
    )

    piece.refresh_from_db()
    assert response.status_code == 403
    assert piece.preview_key == before


def test_every_transition_is_in_the_audit_log(editor, writer):
    piece = make_review(created_by=writer, film=make_film())
    piece.submit(by=writer)
    piece.publish(by=editor)
    piece.withdraw(by=editor)

    messages = list(
        Event.objects.for_object(piece)
        .order_by("at", "pk")
        .values_list("action", "actor_name")
    )
    assert messages == [
        ("submitted", "writer"),
        ("published", "editor"),
        ("withdrawn", "editor"),
    ]


def test_editors_read_the_audit_log_and_writers_do_not(editor, writer):
    editor_client, writer_client = logged_in(editor), logged_in(writer)
    piece = make_public_review("On the record")
    piece.withdraw(by=editor)

    assert "On the record" in editor_client.get("/admin/audit/event/").content.decode()
    assert writer_client.get("/admin/audit/event/").status_code == 403


def test_group_membership_is_what_counts(django_user_model):
    """The fixtures' groups come from the migration, as in production."""
    assert set(Group.objects.values_list("name", flat=True)) >= {"Writers", "Editors"}


# Issue 45, finding 3: the slug field told a writer of pieces they cannot see.


def test_a_taken_address_names_no_piece_the_writer_cannot_see(writer, editor):
    make_review("An editor's secret draft", slug="the-secret", created_by=editor)
    draft = make_review("Another piece", created_by=writer)

    response = logged_in(writer).post(
        change_url(draft), piece_form(draft, slug="the-secret")
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "This address is taken: choose another." in page
    assert "already exists" not in page
    assert "secret draft" not in page


# Issue 45, finding 4: a restored version brought its revoked preview key back.


def _post_shown_form(client, url, piece):
    """Post the restore or recover form as the browser shows it."""
    shown = client.get(url).context["adminform"].form
    fields = {name: shown[name].value() for name in ("headline", "body", "lock_token")}
    response = client.post(url, piece_form(piece, **fields))
    assert response.status_code == 302


def test_revoked_preview_links_stay_revoked_after_a_restore(editor_client, editor):
    piece = make_review("A draft", body="<p>The first text.</p>")
    first_version = Version.objects.get_for_object(piece).get()
    edit(editor_client, piece, body="<p>A second text.</p>")
    old_url = preview_url(editor_client, piece)
    piece.revoke_previews(by=editor)
    revoked_key = Review.objects.get().preview_key

    history = f"/admin/reviews/review/{piece.pk}/history/{first_version.pk}/"
    _post_shown_form(editor_client, history, piece)

    piece.refresh_from_db()
    assert piece.body == "<p>The first text.</p>"
    assert piece.preview_key == revoked_key
    assert editor_client.get(old_url).status_code == 404


def test_a_recovered_piece_answers_none_of_its_old_preview_links(editor_client):
    piece = make_review("Deleted by mistake")
    old_url = preview_url(editor_client, piece)
    editor_client.post(f"/admin/reviews/review/{piece.pk}/delete/", {"post": "yes"})

    version = Version.objects.get_deleted(Review).get()
    _post_shown_form(
        editor_client, f"/admin/reviews/review/recover/{version.pk}/", piece
    )

    assert Review.objects.get().headline == "Deleted by mistake"
    assert editor_client.get(old_url).status_code == 404
    assert editor_client.get(preview_url(editor_client, piece)).status_code == 200


# Issue 45, finding 9: a bylined colleague saw a draft in "My drafts" and could
# not open it. The rule: a byline makes a co-author, with the starter's rights.


def test_a_bylined_colleague_is_a_co_author(writer, other_writer):
    piece = make_review("Started by a colleague", created_by=other_writer)
    colleague = logged_in(other_writer)
    edit(
        colleague,
        piece,
        **{
            "bylines-TOTAL_FORMS": "1",
            "bylines-0-person": make_person("Ana Writer", user=writer).pk,
            "bylines-0-order": "0",
        },
    )
    assert piece.bylines.get().person.user == writer

    co_author = logged_in(writer)
    assert co_author.get(change_url(piece)).status_code == 200
    edit(co_author, piece, headline="Rewritten by the co-author")
    assert piece.headline == "Rewritten by the co-author"


def test_a_writer_on_no_byline_still_cannot_open_a_colleagues_draft(
    writer, other_writer
):
    piece = make_review("A colleague's draft", created_by=other_writer)
    piece.bylines.create(person=make_person("Someone Else"))

    response = logged_in(writer).get(change_url(piece))

    assert response.status_code in (302, 403, 404)
    assert "A colleague's draft" not in response.content.decode()
