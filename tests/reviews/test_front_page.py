"""The home page as editors arrange it on the desk: a lead, the pieces they
chose in their order, the newest, then sections by kind; each change shows
on the next request, and only editors make it."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from reviews.models import FrontPagePlace, Review
from tests.factories import make_film, make_public_review, make_review
from tests.html import assert_valid_html
from tests.pages import assert_stored

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("one_clock")]

CHANGELIST = "/admin/reviews/frontpageplace/"


def pieces(count, kind=Review.Kind.REVIEW, days_ago=0):
    """`count` public pieces, the first the newest, published over the hours
    before `days_ago`."""
    film = make_film()
    start = timezone.now() - timedelta(days=days_ago)
    return [
        make_public_review(
            f"{kind.label} number {n}",
            kind=kind,
            film=film,
            publish_at=start - timedelta(hours=n + 1),
        )
        for n in range(count)
    ]


def home(reader):
    response = reader.get("/")
    assert response.status_code == 200
    return response.content.decode()


def lead_of(content):
    """The headline of the piece that leads the home page."""
    lead = re.search(r'<article class="card card-lead">.*?</article>', content, re.S)
    return re.search(r"<h2[^>]*><a [^>]*>([^<]+)</a>", lead.group(0)).group(1)


def headlines_in(content, heading_id):
    section = re.search(
        rf'<section aria-labelledby="{heading_id}">.*?</section>', content, re.S
    ).group(0)
    return re.findall(r"<h3><a [^>]*>([^<]+)</a></h3>", section)


def changelist_post(places):
    """The front page's list saved with each place's new number."""
    data = {
        "form-TOTAL_FORMS": str(len(places)),
        "form-INITIAL_FORMS": str(len(places)),
        "_save": "Save",
    }
    for index, (place, position) in enumerate(places.items()):
        data[f"form-{index}-id"] = str(place.pk)
        data[f"form-{index}-position"] = str(position)
    return data


def test_without_a_choice_the_newest_piece_leads_and_each_piece_shows_once():
    newest, *others = pieces(4)
    features = pieces(2, Review.Kind.FEATURE, days_ago=1)

    content = home(Client())

    assert_valid_html(content)
    assert lead_of(content) == newest.headline
    shown = re.findall(r'<a href="/reviews/([^/"]+)/"', content)
    assert len(shown) == len(set(shown)) == 6
    assert "Featured" not in content
    for piece in [*others, *features]:
        assert piece.headline in content


def test_the_chosen_pieces_lead_in_the_editors_order():
    newest, second, third, fourth = pieces(4)
    FrontPagePlace.objects.create(piece=third, position=1)
    FrontPagePlace.objects.create(piece=fourth, position=3)
    FrontPagePlace.objects.create(piece=second, position=2)

    content = home(Client())

    assert lead_of(content) == third.headline
    assert headlines_in(content, "chosen-heading") == [
        second.headline,
        fourth.headline,
    ]
    assert headlines_in(content, "latest-heading") == [newest.headline]


def test_sections_by_kind_follow_the_newest_pieces_where_there_are_any():
    pieces(7)  # a lead and six newest
    # Older than every review, so only their section shows them.
    interviews = pieces(2, Review.Kind.INTERVIEW, days_ago=30)

    content = home(Client())

    assert headlines_in(content, "interview-heading") == [
        piece.headline for piece in interviews
    ]
    assert 'href="/reviews/?kind=interview">All interviews</a>' in content
    assert 'id="feature-heading"' not in content
    assert 'id="news-heading"' not in content


def test_an_empty_site_says_so():
    make_review("A draft")

    content = home(Client())

    assert "Nothing published yet." in content
    assert "A draft" not in content


def test_an_editor_choosing_a_lead_shows_on_the_next_request(
    editor_client, django_assert_num_queries
):
    _newest, older = pieces(2)
    reader = Client()
    assert_stored(reader, django_assert_num_queries, "/")

    response = editor_client.post(
        f"{CHANGELIST}add/", {"piece": older.pk, "position": 1}
    )

    assert response.status_code == 302
    assert lead_of(home(reader)) == older.headline


def test_an_editor_reordering_the_front_page_shows_on_the_next_request(
    editor_client, django_assert_num_queries
):
    first, second = pieces(2)
    places = {
        FrontPagePlace.objects.create(piece=first, position=1): 2,
        FrontPagePlace.objects.create(piece=second, position=2): 1,
    }
    reader = Client()
    assert_stored(reader, django_assert_num_queries, "/")
    assert lead_of(home(reader)) == first.headline

    response = editor_client.post(CHANGELIST, changelist_post(places))

    assert response.status_code == 302
    assert lead_of(home(reader)) == second.headline


def test_taking_the_lead_off_the_front_page_shows_on_the_next_request(
    editor_client, django_assert_num_queries
):
    newest, older = pieces(2)
    place = FrontPagePlace.objects.create(piece=older, position=1)
    reader = Client()
    assert_stored(reader, django_assert_num_queries, "/")

    response = editor_client.post(f"{CHANGELIST}{place.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert lead_of(home(reader)) == newest.headline


def test_a_withdrawn_lead_drops_out_at_once_and_the_next_one_leads(
    editor, django_assert_num_queries
):
    _newest, second, third = pieces(3)
    FrontPagePlace.objects.create(piece=third, position=1)
    FrontPagePlace.objects.create(piece=second, position=2)
    reader = Client()
    assert_stored(reader, django_assert_num_queries, "/")

    third.withdraw(by=editor)

    content = home(reader)
    assert lead_of(content) == second.headline
    assert third.headline not in content
    assert FrontPagePlace.objects.filter(piece=third).exists()


def test_a_scheduled_choice_leads_only_once_its_time_has_come(editor, time_machine):
    newest, _ = pieces(2)
    later = make_review("Out on Friday", film=newest.film)
    later.publish(by=editor, at=timezone.now() + timedelta(days=2))
    FrontPagePlace.objects.create(piece=later, position=1)
    reader = Client()

    assert lead_of(home(reader)) == newest.headline

    time_machine.move_to(timezone.now() + timedelta(days=3))
    assert lead_of(home(reader)) == "Out on Friday"


def test_a_writer_sees_the_front_page_but_cannot_change_it(writer_client):
    newest, older = pieces(2)
    place = FrontPagePlace.objects.create(piece=older, position=1)

    listing = writer_client.get(CHANGELIST)
    added = writer_client.post(f"{CHANGELIST}add/", {"piece": newest.pk, "position": 1})
    saved = writer_client.post(CHANGELIST, changelist_post({place: 5}))
    deleted = writer_client.post(f"{CHANGELIST}{place.pk}/delete/", {"post": "yes"})

    assert listing.status_code == 200
    assert older.headline in listing.content.decode()
    assert 'name="form-0-position"' not in listing.content.decode()
    assert added.status_code == deleted.status_code == 403
    assert saved.status_code in (200, 302, 403)
    assert list(FrontPagePlace.objects.values_list("piece", "position")) == [
        (older.pk, 1)
    ]
    assert lead_of(home(Client())) == older.headline


def test_the_desk_shows_what_each_place_does_and_previews_the_home_page(
    editor_client, editor
):
    newest, older = pieces(2)
    draft = make_review("Still a draft", film=newest.film)
    FrontPagePlace.objects.create(piece=older, position=1)
    FrontPagePlace.objects.create(piece=draft, position=2)

    listing = editor_client.get(CHANGELIST).content.decode()
    preview = editor_client.get(f"{CHANGELIST}preview/")

    assert "Shown" in listing
    assert "Not shown until published (Draft)" in listing
    assert f'<iframe src="{CHANGELIST}preview/"' in listing
    assert preview.status_code == 200
    assert lead_of(preview.content.decode()) == older.headline
    assert "Still a draft" not in preview.content.decode()
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in preview["Content-Security-Policy"]
    assert "no-store" in preview["Cache-Control"]
    assert preview["X-Robots-Tag"] == "noindex, nofollow"


def test_the_home_page_takes_a_fixed_number_of_queries(
    client, uncached, django_assert_max_num_queries
):
    chosen = pieces(3)
    for position, piece in enumerate(chosen, start=1):
        FrontPagePlace.objects.create(piece=piece, position=position)
    pieces(8)
    pieces(4, Review.Kind.FEATURE)
    pieces(4, Review.Kind.INTERVIEW)
    pieces(4, Review.Kind.NEWS)

    # The chosen pieces, the newest, a section for each of the four kinds.
    with django_assert_max_num_queries(6):
        assert client.get("/").status_code == 200
