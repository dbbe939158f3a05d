"""Background work on the database task backend: requests queue rows, and the
worker command (`db_worker --batch`, as deploy/filmdesk-worker.service runs it
without --batch) does the work."""

import html
import io
import re
import signal
import urllib.error
import urllib.request

import pytest
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.templatetags.static import static
from django.test import Client
from django_tasks_db.models import DBTaskResult

from images.cards import STAND_IN
from reviews.models import Byline
from tests.factories import make_person, make_public_review, make_review
from tests.images import image_upload
from tests.reviews.test_admin import change_url, piece_form

# The worker takes rows in transactions of its own, as in production.
pytestmark = pytest.mark.django_db(transaction=True)

User = get_user_model()
PASSWORD = "a-long-test-password"


@pytest.fixture(autouse=True)
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def run_worker():
    """Run the worker until the queue is empty; it installs signal handlers of
    its own, which go back to pytest's afterwards."""
    caught = [signal.SIGINT, signal.SIGTERM, signal.SIGQUIT]
    handlers = {number: signal.getsignal(number) for number in caught}

    def run():
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")

    yield run
    for number, handler in handlers.items():
        signal.signal(number, handler)


def queued(task_path):
    return DBTaskResult.objects.filter(task_path=task_path, status="READY").count()


@pytest.fixture
def boss(django_user_model):
    # A superuser: earlier transactional tests may have emptied the groups.
    return django_user_model.objects.create_superuser(
        "boss", "boss@example.org", PASSWORD
    )


def test_a_notification_is_queued_and_the_worker_sends_it(boss, mailoutbox, run_worker):
    writer = User.objects.create_user("ana", "ana@example.org", PASSWORD, is_staff=True)
    piece = make_review("The rescuers who chose to stay", created_by=writer)
    Byline.objects.create(review=piece, person=make_person("Ana Writer", user=writer))

    piece.publish(by=boss)

    assert queued("desk.notifications.notify") == 1
    assert mailoutbox == []

    run_worker()

    assert [mail.to for mail in mailoutbox] == [["ana@example.org"]]
    assert "published “The rescuers who chose to stay”" in mailoutbox[0].subject
    assert queued("desk.notifications.notify") == 0
    # The worker ran the mail and the mention work the save queued, all well.
    ran = DBTaskResult.objects.values_list("task_path", "status")
    assert ("desk.notifications.notify", "SUCCESSFUL") in ran
    assert {status for _, status in ran} == {"SUCCESSFUL"}


def test_the_worker_makes_the_renditions_of_an_upload(
    client, boss, s3_media, run_worker
):
    client.force_login(boss)
    piece = make_review()

    response = client.post(
        change_url(piece),
        piece_form(
            piece,
            hero_image=image_upload(size=(1800, 1000)),
            hero_alt="Rescuers",
            hero_credit="Larm Film",
        ),
    )

    assert response.status_code == 302
    piece.refresh_from_db()
    assert queued("images.renditions.make_renditions") == 1
    assert default_storage.listdir("heroes")[1] == [piece.hero_image.name.split("/")[1]]

    run_worker()

    stem = piece.hero_image.name.removesuffix(".jpg")
    for width in (400, 800, 1200, 1600):
        for extension in ("jpg", "webp"):
            assert default_storage.exists(f"{stem}-{width}w.{extension}")


def queued_cards():
    return DBTaskResult.objects.filter(
        task_path="images.cards.store_card", status="READY"
    ).values_list("args_kwargs", flat=True)


def og_image(response):
    content = response.content.decode()
    return html.unescape(
        re.search(r'property="og:image" content="([^"]+)"', content)[1]
    )


def test_a_page_shows_a_stand_in_until_the_worker_draws_its_card(
    client, boss, s3_media, run_worker
):
    piece = make_review("Last Men in Aleppo")
    piece.publish(by=boss)
    DBTaskResult.objects.all().delete()  # the publication's mail is another test's

    # Two readers: the first queues the card (and the film's), the second nothing.
    first = og_image(client.get(piece.get_absolute_url()))
    second = og_image(client.get(piece.get_absolute_url()))

    queued_names = [row["args"][0] for row in queued_cards()]
    assert len(queued_names) == len(set(queued_names))
    (name,) = [n for n in queued_names if n.startswith(f"cards/piece-{piece.pk}-")]
    assert not default_storage.exists(name)
    # Meanwhile the page points at a file that is there: the site's icon.
    assert first == second == f"http://testserver{static(STAND_IN)}"
    assert finders.find(STAND_IN)

    run_worker()

    card = og_image(client.get(piece.get_absolute_url()))
    assert card.endswith(f"/{s3_media}/{name}")
    with urllib.request.urlopen(card, timeout=10) as response:
        assert response.headers["Content-Type"] == "image/png"


def picture_links(response):
    """Every address the page's <picture> offers the browser, in src and srcset."""
    picture = re.search(r"<picture>.*?</picture>", response.content.decode(), re.S)[0]
    return {
        html.unescape(candidate.split()[0])
        for address in re.findall(r'(?:src|srcset)="([^"]+)"', picture)
        for candidate in address.split(", ")
    }


def answers(link):
    try:
        with urllib.request.urlopen(link, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def upload_hero(client, piece):
    client.post(
        change_url(piece),
        piece_form(
            piece,
            hero_image=image_upload(size=(1800, 1000)),
            hero_alt="Rescue",
            hero_credit="Larm Film",
        ),
    )
    piece.refresh_from_db()


def test_a_fresh_upload_offers_its_renditions_once_the_worker_made_them(
    client, boss, s3_media, run_worker
):
    piece = make_public_review()
    reader = Client()
    assert reader.get(piece.get_absolute_url()).status_code == 200  # stored, no picture
    client.force_login(boss)
    upload_hero(client, piece)
    assert queued("images.renditions.make_renditions") == 1

    # Twice: rendered, then served as stored.
    for _ in range(2):
        response = reader.get(piece.get_absolute_url())
        assert picture_links(response) == {piece.hero_image.url}
        assert og_image(response) == piece.hero_image.url
    assert answers(piece.hero_image.url) == 200

    run_worker()

    response = reader.get(piece.get_absolute_url())
    links = picture_links(response)
    assert len(links) == 1 + 4 * 2
    assert {answers(link) for link in links} == {200}
    assert og_image(response).endswith("-1200w.jpg")


def refuse_write(name, content):
    raise OSError("The bucket refuses writes.")


def test_a_failed_rendition_is_logged_once_and_the_command_makes_it(
    client, boss, s3_media, run_worker, caplog, monkeypatch
):
    piece = make_public_review()
    client.force_login(boss)
    upload_hero(client, piece)
    # The worker finds the bucket refusing every write.
    monkeypatch.setattr(default_storage, "_save", refuse_write)

    run_worker()

    failures = [r for r in caplog.records if r.levelname == "ERROR"]
    assert [r.getMessage() for r in failures] == [
        f"Could not make the renditions of {piece.hero_image.name}"
    ]
    assert picture_links(Client().get(piece.get_absolute_url())) == {
        piece.hero_image.url
    }

    monkeypatch.undo()
    out = io.StringIO()
    call_command("make_renditions", stdout=out)

    assert f"Made the renditions of {piece.hero_image.name}." in out.getvalue()
    links = picture_links(Client().get(piece.get_absolute_url()))
    assert len(links) == 1 + 4 * 2
    assert {answers(link) for link in links} == {200}
