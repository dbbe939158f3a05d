import re
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from reviews.models import Review
from tests.factories import make_public_review, make_review
from tests.reviews.test_admin import change_url

pytestmark = pytest.mark.django_db


def preview_url(client, piece):
    page = client.get(change_url(piece)).content.decode()
    return re.search(r'href="(/preview/[^"]+/)"', page).group(1)


@pytest.mark.parametrize(
    "status", [Review.Status.DRAFT, Review.Status.IN_REVIEW, Review.Status.WITHDRAWN]
)
def test_the_preview_link_shows_any_piece_with_a_banner(editor_client, status):
    piece = make_review("A draft about rescue", status=status)

    response = editor_client.get(preview_url(editor_client, piece))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Preview — not published" in content
    assert "A draft about rescue" in content
    assert '<meta name="robots" content="noindex, nofollow">' in content
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_a_scheduled_piece_previews_with_its_time(editor_client, editor):
    piece = make_review()
    piece.publish(by=editor, at=timezone.now() + timedelta(days=2))

    content = editor_client.get(preview_url(editor_client, piece)).content.decode()

    assert "scheduled for" in content


def test_preview_needs_a_staff_login(editor_client, client):
    url = preview_url(editor_client, make_review())
    editor_client.logout()

    response = client.get(url)

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize(
    "token", ["nonsense", "eyJyZXZpZXciOjF9:1tXyz:forged", "../../etc/passwd"]
)
def test_forged_or_damaged_tokens_are_not_found(editor_client, token):
    make_review()

    assert editor_client.get(f"/preview/{token}/").status_code == 404


def test_preview_links_expire(editor_client, editor):
    url = preview_url(editor_client, make_review())

    with time_machine.travel(timezone.now() + timedelta(days=8)):
        editor_client.force_login(editor)  # the old session has expired too
        assert editor_client.get(url).status_code == 404


def test_the_public_detail_of_a_draft_is_a_plain_404(client):
    piece = make_review()

    response = client.get(piece.get_absolute_url())

    assert response.status_code == 404
    assert piece.headline not in response.content.decode()


def test_changing_a_published_slug_redirects_the_old_address(client, editor):
    piece = make_public_review(slug="old-address")
    piece.slug = "new-address"
    piece.save()

    response = client.get("/reviews/old-address/")

    assert response.status_code == 301
    assert response["Location"] == "/reviews/new-address/"
    assert client.get("/reviews/new-address/").status_code == 200


def test_a_drafts_slug_change_leaves_no_redirect(client):
    piece = make_review(slug="first-try")
    piece.slug = "second-try"
    piece.save()

    assert client.get("/reviews/first-try/").status_code == 404


def test_a_redirect_to_a_withdrawn_piece_is_a_404(client, editor):
    piece = make_public_review(slug="old-address")
    piece.slug = "new-address"
    piece.save()
    piece.withdraw(by=editor)

    assert client.get("/reviews/old-address/").status_code == 404
