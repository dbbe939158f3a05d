"""The desk's "View on site": it names a piece's address only to those who may open it."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client

from reviews.models import Review
from tests.factories import make_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    return make_review("A draft no writer may see", slug="secret-draft")


@pytest.fixture
def staff_client(django_user_model):
    """A staff account in no group: it may log in and do nothing else."""
    user = django_user_model.objects.create_user(
        "staff", password="a-long-test-password", is_staff=True
    )
    client = Client()
    client.force_login(user)
    return client


def spellings(content_type_id, object_id):
    """Every way of writing the two ids that Python's int() reads as the same."""
    arabic_indic = str(content_type_id).translate(
        str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
    )
    for kind in [
        str(content_type_id),
        f"{content_type_id}%20",
        f"%20{content_type_id}",
        f"+{content_type_id}",
        f"0{content_type_id}",
        arabic_indic,
    ]:
        for pk in [str(object_id), f"{object_id}%20", f"+{object_id}", f"0{object_id}"]:
            yield f"/admin/r/{kind}/{pk}/"


@pytest.mark.parametrize("account", ["staff", "writer"])
def test_no_spelling_of_the_ids_leads_a_desk_account_to_a_draft(
    account, draft, staff_client, writer_client
):
    client = {"staff": staff_client, "writer": writer_client}[account]
    content_type = ContentType.objects.get_for_model(Review)

    for url in spellings(content_type.pk, draft.pk):
        response = client.get(url)
        assert response.status_code == 404, (url, response.get("Location"))
        assert "secret-draft" not in response.get("Location", ""), url


def test_an_editor_still_reaches_the_piece(draft, editor_client):
    content_type = ContentType.objects.get_for_model(Review)

    response = editor_client.get(f"/admin/r/{content_type.pk}/{draft.pk}/")

    assert response.status_code == 302
    assert response["Location"].endswith("/reviews/secret-draft/")
