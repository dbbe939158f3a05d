import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.faults import child_environment

ROOT = Path(__file__).resolve().parent.parent


def pytest_sessionstart(session):
    """Start from a clean SQLite test file: Django removes the database file but
    not a write-ahead log that an interrupted run left beside it."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        name = database["TEST"]["NAME"]
        # Under pytest-xdist each worker has a file of its own: name_gw0, …
        if worker := os.environ.get("PYTEST_XDIST_WORKER"):
            name = f"{name}_{worker}"
        for suffix in ("", "-wal", "-shm"):
            Path(name + suffix).unlink(missing_ok=True)


@pytest.fixture
def one_clock(settings):
    """One process, one clock: a page rendered after a change is current at
    once, without the allowance for servers' clocks differing."""
    settings.PAGE_CACHE_CLOCK_SKEW = 0


@pytest.fixture
def manage():
    """Run manage.py in a fresh process with some environment variables changed."""

    def run(*args, env=None, timeout=60):
        environment = {**child_environment(), **(env or {})}
        for name, value in (env or {}).items():
            if value is None:
                del environment[name]
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    return run


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """Collected static files, as production serves them to a served site;
    collected once per test process (it takes seconds), and only read."""
    from django.core.management import call_command
    from django.test import override_settings

    root = tmp_path_factory.mktemp("static")
    with override_settings(STATIC_ROOT=root):
        call_command("collectstatic", "--noinput", verbosity=0)
    return root


@pytest.fixture
def collected_client(settings, static_root):
    """A client of the site serving collected static files, as production does:
    hashed names, through WhiteNoise."""
    from django.test import Client

    settings.STATIC_ROOT = static_root
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        },
    }
    return Client()  # a new client loads WhiteNoise again, over the new root


@pytest.fixture(autouse=True)
def _quick_passwords(settings):
    """New test accounts hash with a fast hasher (PBKDF2 costs half a second an
    account); hashes made the production way still verify."""
    from django.conf import global_settings

    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        *global_settings.PASSWORD_HASHERS,
    ]


@pytest.fixture(autouse=True)
def _uncollected_static_files(settings):
    """Tests render templates without running collectstatic first."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }


@pytest.fixture(autouse=True)
def _no_name_index_from_another_test():
    """The shared name index maps names to one test's rows: each test starts without."""
    from django.core.cache import cache

    from reviews import name_index

    cache.delete_many(
        [
            name_index.VERSION_KEY,
            name_index.INDEX_KEY,
            name_index.CHANGE_KEY,
            name_index.BUILDING_KEY,
        ]
    )


@pytest.fixture(scope="session")
def _media_folder(tmp_path_factory):
    return tmp_path_factory.mktemp("media")


@pytest.fixture(scope="session")
def object_store():
    """A local S3-compatible server for the whole run, started on first use."""
    from tests.services import ObjectStore

    store = ObjectStore()
    yield store
    store.stop()


@pytest.fixture
def s3_media(settings, object_store):
    """Media in a fresh bucket of the local object store, as MEDIA_STORAGE_URL sets it."""
    from django.core.cache import cache

    from config.media import storage_from_url

    # What the cache remembers of stored share cards holds for one storage only.
    cache.clear()
    bucket = object_store.new_bucket()
    settings.STORAGES = {
        **settings.STORAGES,
        "default": storage_from_url(object_store.media_url(bucket)),
    }
    yield bucket
    cache.clear()


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, _media_folder):
    """Share cards drawn while pages render land outside the working copy."""
    settings.MEDIA_ROOT = _media_folder


def _member_of(group_name, username, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        username=username, password="a-long-test-password", is_staff=True
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def writer(db, django_user_model):
    return _member_of("Writers", "writer", django_user_model)


@pytest.fixture
def other_writer(db, django_user_model):
    return _member_of("Writers", "other-writer", django_user_model)


@pytest.fixture
def editor(db, django_user_model):
    return _member_of("Editors", "editor", django_user_model)


@pytest.fixture
def writer_client(client, writer):
    client.force_login(writer)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def demo(db):
    """The demo content, as `make run` loads it."""
    from django.core.management import call_command

    from films.models import Film

    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    return Film.objects.get(slug="last-men-in-aleppo-2017")


@pytest.fixture(autouse=True)
def _own_cache(settings, request):
    """Each test starts with an empty cache of its own: stored pages and change
    times must not outlive the database they were made from."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": request.node.nodeid,
        }
    }


@pytest.fixture
def uncached(settings):
    """Every cache off: each request renders its page, as on a cold start."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    }


@pytest.fixture(autouse=True)
def _groups_as_migrated(request):
    """Writers and Editors with their permissions, as the migrations made them.

    A transactional test empties every table when it ends; under pytest-xdist
    a test file that a worker runs after it still needs the groups.
    """
    marker = request.node.get_closest_marker("django_db")
    uses = set(request.fixturenames)
    if marker is None and not uses & {"db", "transactional_db", "live_server"}:
        return
    transactional = (marker and marker.kwargs.get("transaction")) or uses & {
        "transactional_db",
        "live_server",
    }
    request.getfixturevalue("transactional_db" if transactional else "db")

    groups_as_migrated()


def groups_as_migrated():
    """Make Writers and Editors with their permissions, as the migrations
    made them, unless they are there."""
    from django.contrib.auth.models import Group
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    if Group.objects.filter(name="Editors").exists():
        return
    # The migrations' own steps, on the models as migrated (they mark app
    # configs as they go, which the live registry must not see).
    migrated = MigrationLoader(connection).project_state().apps
    for migration, step in [
        ("reviews.migrations.0002_writer_and_editor_groups", "create_groups"),
        ("reviews.migrations.0004_preview_key", "add_audit_to_editors"),
        ("reviews.migrations.0009_front_page", "let_editors_arrange_it"),
        ("images.migrations.0002_library_permissions", "let_the_desk_use_the_library"),
    ]:
        getattr(importlib.import_module(migration), step)(migrated, None)
