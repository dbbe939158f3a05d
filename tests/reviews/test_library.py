"""The image library on the desk: an image uploaded once with its alt text,
caption, credit and licence, found again by any of them."""

import pytest
from django.core.files.storage import default_storage

from images.models import LibraryImage
from tests.factories import make_public_review
from tests.images import image_upload, not_an_image

pytestmark = pytest.mark.django_db

ADD = "/admin/images/libraryimage/add/"
LIST = "/admin/images/libraryimage/"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def described(**fields):
    return {
        "alt": "Khaled Omar Harrah on a rooftop in Aleppo",
        "caption": "Waiting for the planes.",
        "credit": "Grasshopper Film/Larm Film",
        "licence": "Press kit, for reviews",
        **fields,
    }


def test_a_writer_uploads_an_image_and_describes_it(writer_client, writer):
    response = writer_client.post(ADD, {"file": image_upload(), **described()})

    assert response.status_code == 302
    image = LibraryImage.objects.get()
    assert image.uploaded_by == writer
    assert (image.width, image.height) == (1800, 1000)
    assert image.file.name.startswith("library/")
    assert not image.file.name.endswith("photo.jpg")
    assert default_storage.exists(image.file.name)
    # Its renditions, for srcsets, are made as a hero image's are.
    assert default_storage.exists(image.file.name.replace(".jpg", "-800w.webp"))
    assert image.is_cleared


def test_an_image_needs_alt_text_and_a_real_image_file(writer_client):
    response = writer_client.post(ADD, {"file": not_an_image(), **described(alt="")})

    form = response.context["adminform"].form
    assert form.errors["alt"] == ["This field is required."]
    assert "not an image we can read" in form.errors["file"][0]
    assert not LibraryImage.objects.exists()


def test_the_library_finds_an_image_by_any_words_of_its_description(writer_client):
    for fields in (
        described(),
        described(alt="Mahmoud at the wheel", credit="Aleppo Media Center", licence=""),
    ):
        LibraryImage.objects.create(file=image_upload(), **fields)

    def found(**query):
        response = writer_client.get(LIST, query)
        assert response.status_code == 200
        return [image.alt for image in response.context["cl"].result_list]

    assert found(q="rooftop grasshopper") == [
        "Khaled Omar Harrah on a rooftop in Aleppo"
    ]
    assert found(q="aleppo") == [
        "Mahmoud at the wheel",
        "Khaled Omar Harrah on a rooftop in Aleppo",
    ]
    assert found(q="aleppo", cleared="no") == ["Mahmoud at the wheel"]
    assert found(q="rooftop wheel") == []


def test_a_writer_cannot_delete_from_the_shared_library(writer_client, editor):
    image = LibraryImage.objects.create(file=image_upload(), **described())
    delete = f"{LIST}{image.pk}/delete/"

    assert writer_client.post(delete, {"post": "yes"}).status_code == 403
    assert LibraryImage.objects.exists()
    writer_client.force_login(editor)
    assert writer_client.post(delete, {"post": "yes"}).status_code == 302
    assert not LibraryImage.objects.exists()


def test_an_image_a_piece_places_is_not_deleted_from_under_it(editor_client):
    image = LibraryImage.objects.create(file=image_upload(), **described())
    figure = f'<figure class="figure"><img alt="" data-file="{image.pk}"></figure>'
    piece = make_public_review("Rescue under siege", body=f"<p>Text.</p>{figure}")
    delete = f"{LIST}{image.pk}/delete/"

    page = editor_client.get(delete).content.decode()
    response = editor_client.post(delete, {"post": "yes"})

    assert "Piece: Rescue under siege (places “Khaled Omar Harrah" in page
    assert response.status_code == 200
    assert LibraryImage.objects.exists()
    piece.body = "<p>Text.</p>"
    piece.save()
    assert editor_client.post(delete, {"post": "yes"}).status_code == 302
    assert not LibraryImage.objects.exists()


PICK = "/admin/images/libraryimage/pick/"


def test_the_figure_pickers_window_lists_the_library_in_fixed_queries(
    writer_client, django_assert_max_num_queries
):
    def pick(**query):
        with django_assert_max_num_queries(12):
            response = writer_client.get(PICK, query)
        assert response.status_code == 200
        return response

    LibraryImage.objects.create(file=image_upload(), **described())
    few = pick(CKEditorFuncNum="3").content.decode()
    for number in range(10):
        LibraryImage.objects.create(
            file=image_upload(), **described(alt=f"Still {number}")
        )

    many = pick(CKEditorFuncNum="3", q="still").content.decode()
    assert 'data-func-num="3"' in few
    assert few.count("Use this image") == 1
    assert many.count("Use this image") == 10
    # A window not opened by the editor offers nothing to place.
    alone = pick(CKEditorFuncNum="3<script>").content.decode()
    assert "Use this image" not in alone
    assert "Open this window from the body editor" in alone
    assert writer_client.post(PICK).status_code == 405
