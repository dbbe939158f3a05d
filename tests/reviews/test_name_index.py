"""The shared name index: built once by a task, shared through the cache, never
built by a save."""

import json

import pytest
from django.core.cache import cache
from django.db import connection
from django.tasks import task_backends
from django.test.utils import CaptureQueriesContext

from people.merging import merge
from reviews.name_index import VERSION_KEY, rebuild_name_index
from tests.factories import make_film, make_organisation, make_person, make_review
from tests.faults import database_url

pytestmark = pytest.mark.django_db

BODY = "<p>Feras Fayyad filmed the White Helmets; Khaled Omar Harrah led them.</p>"


def mentioned(piece):
    return {str(mention) for mention in piece.mentions.all()}


def stored_version():
    return cache.get(VERSION_KEY)


@pytest.fixture
def queued_tasks(settings):
    """Django's dummy backend: tasks wait in a list instead of running."""
    settings.TASKS = {
        "default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}
    }
    return task_backends["default"].results


@pytest.fixture
def shared_cache(settings, tmp_path):
    """A file cache of this test's own, which a second process can open too."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    }
    return tmp_path / "cache"


# Real commits, so names changing run their on-commit hooks as in production.
@pytest.mark.django_db(transaction=True)
def test_a_name_added_after_the_build_is_found_once_the_rebuild_ran():
    make_person("Feras Fayyad")
    before = make_review(body=BODY)
    built = stored_version()

    make_person("Khaled Omar Harrah")  # the commit enqueues a rebuild: it runs now
    after = make_review("Later", body=BODY)

    assert mentioned(before) == {"Feras Fayyad"}
    assert mentioned(after) == {"Feras Fayyad", "Khaled Omar Harrah"}
    assert stored_version()["build"] != built["build"]


def test_saving_a_piece_neither_builds_the_index_nor_reads_the_names():
    make_person("Feras Fayyad")
    make_organisation("The White Helmets", also_known_as="White Helmets")
    rebuild_name_index.enqueue()
    built = stored_version()
    piece = make_review(body="<p>Not yet.</p>")

    piece.body = BODY
    with CaptureQueriesContext(connection) as queries:
        piece.save()

    assert mentioned(piece) == {"Feras Fayyad", "The White Helmets"}
    assert stored_version() == built
    # Reading every name means reading aliases beyond the piece's own mentions,
    # whose names its links need.
    every_name = [
        q["sql"]
        for q in queries
        if "also_known_as" in q["sql"] and "reviews_mention" not in q["sql"]
    ]
    assert not every_name


def test_with_no_index_yet_a_save_leaves_the_scan_to_a_task(queued_tasks):
    make_person("Feras Fayyad")

    piece = make_review(body=BODY)

    assert [result.task.name for result in queued_tasks] == ["scan_mentions"]
    assert stored_version() is None
    assert mentioned(piece) == set()
    queued_tasks[0].task.call(*queued_tasks[0].args)  # the worker runs it
    assert mentioned(piece) == {"Feras Fayyad"}


@pytest.mark.django_db(transaction=True)
def test_the_old_index_serves_until_the_rebuild_stores_the_new_one(queued_tasks):
    make_person("Feras Fayyad")
    film = make_film()
    rebuild_name_index.call()
    built = stored_version()
    queued_tasks.clear()

    make_person("Khaled Omar Harrah")
    waiting = make_review(body=BODY, film=film)

    assert [result.task.name for result in queued_tasks] == ["rebuild_name_index"]
    assert stored_version() == built
    assert mentioned(waiting) == {"Feras Fayyad"}
    queued_tasks[0].task.call()  # the worker runs it
    assert stored_version()["build"] != built["build"]
    waiting.save()
    assert mentioned(waiting) == {"Feras Fayyad", "Khaled Omar Harrah"}


@pytest.mark.django_db(transaction=True)
def test_a_merge_enqueues_one_rebuild_and_a_second_rebuild_returns_at_once(
    queued_tasks,
):
    keep = make_person("Khaled Omar Harrah")
    duplicates = [make_person("Khaled Omar"), make_person("K. O. Harrah")]
    rebuild_name_index.call()
    queued_tasks.clear()

    merge(keep, duplicates)
    [rebuild] = queued_tasks
    rebuild.task.call()
    rebuilt = stored_version()
    rebuild_name_index.call()

    assert stored_version() == rebuilt
    piece = make_review(body="<p>K. O. Harrah went back in.</p>")
    assert mentioned(piece) == {"Khaled Omar Harrah"}


def test_a_second_process_loads_the_index_another_built_without_a_database(
    shared_cache, manage, tmp_path
):
    make_person("Feras Fayyad")
    make_organisation("The White Helmets", also_known_as="White Helmets")
    rebuild_name_index.enqueue()
    built = stored_version()

    script = (
        "import json; from django.core.cache import cache;"
        "from reviews.name_index import VERSION_KEY, shared_index;"
        f"found = shared_index().find({BODY!r});"
        "print(json.dumps({'version': cache.get(VERSION_KEY),"
        " 'found': sorted(m.key[0] for m in found)}))"
    )
    loaded = manage(
        "shell",
        "-c",
        script,
        env={
            "CACHE_URL": f"filecache://{shared_cache}",
            # Any query would fail: loading the index must not need one.
            "DATABASE_URL": f"sqlite:///{tmp_path}/missing/db.sqlite3",
        },
    )

    assert loaded.returncode == 0, loaded.stderr
    other = json.loads(loaded.stdout.strip().splitlines()[-1])
    assert other["version"] == built
    assert other["found"] == ["organisation", "person"]
    assert stored_version() == built


@pytest.mark.django_db(transaction=True)
def test_a_name_added_on_another_server_reaches_this_one_without_a_build(
    shared_cache, manage
):
    make_person("Feras Fayyad")
    film = make_film()
    rebuild_name_index.call()
    before = make_review(body=BODY, film=film)

    added = manage(
        "shell",
        "-c",
        "from people.models import Person; Person.objects.create(name='Khaled Omar Harrah')",
        env={
            "CACHE_URL": f"filecache://{shared_cache}",
            "DATABASE_URL": database_url(),
        },
    )
    assert added.returncode == 0, added.stderr
    built_there = stored_version()
    after = make_review("Later", body=BODY, film=film)

    assert mentioned(before) == {"Feras Fayyad"}
    assert mentioned(after) == {"Feras Fayyad", "Khaled Omar Harrah"}
    assert stored_version() == built_there
