"""Backups proven: a filled site is backed up with `manage.py backup`, restored
with `manage.py restore` into a fresh database and a fresh media location, and
comes back byte for byte, serving the same pages. Run as an operator runs them:
each command in a process of its own, on the database the tests use (SQLite
or PostgreSQL) and on local media or the test object store."""

import hashlib
import re
import uuid
from datetime import timedelta
from pathlib import Path

import psycopg
import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from reviews.models import Review
from tests.factories import make_review
from tests.faults import ServedSite, database_url
from tests.images import image_upload
from tests.reviews.test_admin import change_url, piece_form

# The commands run in processes of their own: the rows must be committed.
pytestmark = pytest.mark.django_db(transaction=True)

# Each process its own cache: none serves a page another one stored.
OWN_CACHE = {"CACHE_URL": "locmemcache://"}
SEED_REVIEW = "/reviews/last-men-in-aleppo-review/"


class Media:
    """Where a site keeps its media: a local folder or a bucket, read directly."""

    def __init__(self, folder=None, object_store=None, bucket=None):
        self.folder, self.object_store, self.bucket = folder, object_store, bucket

    @property
    def env(self):
        if self.bucket:
            return {"MEDIA_STORAGE_URL": self.object_store.media_url(self.bucket)}
        return {"MEDIA_ROOT": str(self.folder)}

    def files(self):
        """{name: SHA-256} of every stored file."""
        if not self.bucket:
            return {
                str(path.relative_to(self.folder)): sha256(path.read_bytes())
                for path in sorted(self.folder.rglob("*"))
                if path.is_file()
            }
        s3 = self.object_store.client()
        listing = s3.list_objects_v2(Bucket=self.bucket).get("Contents", [])
        return {
            item["Key"]: sha256(
                s3.get_object(Bucket=self.bucket, Key=item["Key"])["Body"].read()
            )
            for item in listing
        }

    def fresh(self, tmp_path):
        if self.bucket:
            return Media(
                object_store=self.object_store, bucket=self.object_store.new_bucket()
            )
        return Media(folder=tmp_path / f"media-{uuid.uuid4().hex[:8]}")


def site(media, database=None):
    """The environment of a command run on the test database, or on `database`."""
    return {"DATABASE_URL": database or database_url(), **OWN_CACHE, **media.env}


def sha256(data):
    return hashlib.sha256(data).hexdigest()


@pytest.fixture(params=["local", "bucket"])
def media(request, settings, tmp_path):
    """The site's media, in process and for the commands alike."""
    if request.param == "bucket":
        bucket = request.getfixturevalue("s3_media")
        return Media(
            object_store=request.getfixturevalue("object_store"), bucket=bucket
        )
    settings.MEDIA_ROOT = tmp_path / "media"
    return Media(folder=tmp_path / "media")


@pytest.fixture
def fresh_database(tmp_path):
    """The URL of a new, empty database beside the test database."""
    if connection.vendor != "postgresql":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    name = f"{connection.settings_dict['NAME']}_restored"
    url = database_url().rsplit("/", 1)[0]
    with psycopg.connect(f"{database_url()}", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"{url}/{name}"
    with psycopg.connect(f"{database_url()}", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def fill(client, editor, writer):
    """The demo, pieces in every state with versions and audit events, and an
    uploaded hero image with its renditions."""
    call_command("seed_demo", verbosity=0)
    draft = make_review("A draft", created_by=writer)
    draft.body += "<p>A second thought.</p>"
    draft.save()
    in_review = make_review("In review", created_by=writer)
    in_review.submit(by=writer)
    scheduled = make_review("Scheduled")
    scheduled.publish(by=editor, at=timezone.now() + timedelta(days=3))
    withdrawn = make_review("Withdrawn")
    withdrawn.publish(by=editor)
    withdrawn.withdraw(by=editor)
    client.force_login(editor)
    seed = Review.objects.get(slug=SEED_REVIEW.split("/")[2])
    response = client.post(
        change_url(seed),
        piece_form(
            seed,
            hero_image=image_upload(size=(1800, 1000)),
            hero_alt="Rescue",
            hero_credit="Larm Film",
        ),
    )
    assert response.status_code == 302
    client.logout()


def dumped(manage, database):
    """Every row of every table, as Django serialises them."""
    result = manage(
        "dumpdata", "--format", "xml", env={"DATABASE_URL": database, **OWN_CACHE}
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def served(database, media, static_root):
    site = ServedSite(
        {
            "DATABASE_URL": database,
            "STATIC_ROOT": str(static_root),
            **OWN_CACHE,
            **media.env,
        }
    )
    try:
        status, page = site.get(SEED_REVIEW)
    finally:
        site.stop()
    assert status == 200, site.output()
    page = page.replace(site.url, "http://SITE")
    if media.bucket:
        page = page.replace(f"/{media.bucket}/", "/BUCKET/")
    return page


def test_a_restored_site_is_the_site_it_was(
    manage, client, editor, writer, media, fresh_database, tmp_path, static_root
):
    fill(client, editor, writer)
    page = served(database_url(), media, static_root)  # draws the share cards it shows
    assert "-1200w.webp" in page and "Last Men in Aleppo" in page
    before = dumped(manage, database_url())

    backup = tmp_path / "backup"
    result = manage("backup", str(backup), env=site(media))
    assert result.returncode == 0, result.stderr
    assert "Backed up" in result.stdout

    restored = media.fresh(tmp_path)
    result = manage("restore", str(backup), env=site(restored, fresh_database))
    assert result.returncode == 0, result.stderr

    assert dumped(manage, fresh_database) == before
    assert restored.files() == media.files()
    assert len(media.files()) > 9  # the original, its renditions, share cards
    assert served(fresh_database, restored, static_root) == page
    for name in re.findall(r"/heroes/[\w.-]+", page):
        assert name.lstrip("/") in restored.files()


@pytest.fixture
def backup(manage, media, tmp_path):
    """A whole backup of a small site: a piece and a picture."""
    make_review("Kept")
    default_storage.save("heroes/kept.jpg", image_upload())
    folder = tmp_path / "backup"
    result = manage("backup", str(folder), env=site(media))
    assert result.returncode == 0, result.stderr
    return folder


def restore_into_fresh(manage, folder, fresh_database, target, *options):
    return manage("restore", str(folder), *options, env=site(target, fresh_database))


def assert_refused(result, message):
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [f"CommandError: {message}"]


def nothing_restored(manage, fresh_database, target):
    """The fresh database still has no table, the fresh media no file."""
    said = "from django.db import connection; print(connection.introspection.table_names())"
    result = manage("shell", "--command", said, env={"DATABASE_URL": fresh_database})
    assert result.stdout.strip().endswith("[]"), result.stdout + result.stderr
    assert not target.files()


@pytest.mark.parametrize("media", ["local"], indirect=True)
def test_a_backup_without_its_dump_is_refused(
    manage, backup, fresh_database, media, tmp_path
):
    dump = next(backup.glob("database.*"))
    dump.unlink()
    target = media.fresh(tmp_path)

    result = restore_into_fresh(manage, backup, fresh_database, target)

    assert_refused(result, f"The backup has no database dump: {dump} is missing.")
    nothing_restored(manage, fresh_database, target)


@pytest.mark.parametrize("media", ["local"], indirect=True)
def test_a_damaged_dump_is_refused(manage, backup, fresh_database, media, tmp_path):
    dump = next(backup.glob("database.*"))
    dump.write_bytes(dump.read_bytes()[:200])
    target = media.fresh(tmp_path)

    result = restore_into_fresh(manage, backup, fresh_database, target)

    assert result.returncode == 1
    assert f"{dump}" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    nothing_restored(manage, fresh_database, target)


@pytest.mark.parametrize("media", ["local"], indirect=True)
def test_a_damaged_media_file_is_refused(
    manage, backup, fresh_database, media, tmp_path
):
    damaged = next(path for path in (backup / "media").rglob("*") if path.is_file())
    damaged.write_bytes(b"not the picture")
    name = damaged.relative_to(backup / "media")
    target = media.fresh(tmp_path)

    result = restore_into_fresh(manage, backup, fresh_database, target)

    assert_refused(result, f"The backup's media file {name} is damaged.")
    nothing_restored(manage, fresh_database, target)


@pytest.mark.parametrize("media", ["local"], indirect=True)
def test_a_folder_that_is_no_backup_is_refused(manage, fresh_database, media, tmp_path):
    (tmp_path / "holiday-photos").mkdir()
    target = media.fresh(tmp_path)

    missing = restore_into_fresh(manage, tmp_path / "nowhere", fresh_database, target)
    other = restore_into_fresh(
        manage, tmp_path / "holiday-photos", fresh_database, target
    )

    assert_refused(missing, f"There is no backup at {tmp_path / 'nowhere'}.")
    assert_refused(
        other,
        f"{tmp_path / 'holiday-photos'} is not a Filmdesk backup: it has no "
        "manifest.json.",
    )
    nothing_restored(manage, fresh_database, target)


@pytest.mark.parametrize("media", ["local"], indirect=True)
def test_a_database_that_cannot_be_reached_is_named(manage, backup, media, tmp_path):
    if connection.vendor == "postgresql":
        unreachable = database_url().replace(
            f":{connection.settings_dict['PORT'] or 5432}/", ":1/"
        )
    else:
        unreachable = f"sqlite:///{tmp_path / 'no-such-folder' / 'db.sqlite3'}"
    target = media.fresh(tmp_path)

    result = restore_into_fresh(manage, backup, unreachable, target)
    again = manage("backup", str(tmp_path / "b"), env=site(media, unreachable))

    for refused in (result, again):
        assert refused.returncode == 1
        (line,) = refused.stderr.strip().splitlines()
        assert line.startswith("CommandError: Could not connect to the database ")
    assert not target.files()
    assert not (tmp_path / "b").exists()


@pytest.mark.parametrize("media", ["local"], indirect=True)
def test_a_bucket_that_cannot_be_reached_is_named(
    manage, backup, fresh_database, media, object_store, tmp_path
):
    closed = "s3://test:test@media?endpoint_url=http://127.0.0.1:1&region=us-east-1"
    environment = {**OWN_CACHE, "MEDIA_STORAGE_URL": closed}

    restore = manage(
        "restore", str(backup), env=site(media, fresh_database) | environment
    )
    again = manage("backup", str(tmp_path / "b"), env=site(media) | environment)

    for refused in (restore, again):
        assert refused.returncode == 1
        (line,) = refused.stderr.strip().splitlines()
        assert line.startswith("CommandError: Could not reach the bucket media: ")
    nothing_restored(manage, fresh_database, media.fresh(tmp_path))
    assert not (tmp_path / "b").exists()


@pytest.mark.parametrize("media", ["local"], indirect=True)
def test_a_site_that_holds_anything_is_refused_unless_forced(
    manage, backup, media, fresh_database, tmp_path
):
    kept = dumped(manage, database_url())
    result = manage("restore", str(backup), env=site(media))

    assert_refused(
        result,
        f"The database {describe_database()} is not empty: restore into a new "
        "database, or add --force to replace what it holds.",
    )
    assert dumped(manage, database_url()) == kept

    target = media.fresh(tmp_path)
    Path(target.folder, "heroes").mkdir(parents=True)
    Path(target.folder, "heroes", "other.jpg").write_bytes(b"another site's")
    result = restore_into_fresh(manage, backup, fresh_database, target)
    assert_refused(
        result,
        f"The folder {target.folder} is not empty: restore into a new one, or add "
        "--force to replace what it holds.",
    )
    nothing_restored(manage, fresh_database, Media(folder=tmp_path / "none"))

    forced = restore_into_fresh(manage, backup, fresh_database, target, "--force")
    assert forced.returncode == 0, forced.stderr
    assert "heroes/other.jpg" in target.files()


@pytest.mark.parametrize("media", ["local"], indirect=True)
def test_backing_up_into_a_folder_in_use_is_refused(manage, media, tmp_path):
    folder = tmp_path / "in-use"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")

    result = manage("backup", str(folder), env=site(media))

    assert_refused(result, f"{folder} is not empty: back up into a new folder.")
    assert [path.name for path in folder.iterdir()] == ["notes.txt"]


def test_a_backup_checks_out_whole(manage, backup, media):
    result = manage("restore", "--check", str(backup), env=site(media))

    assert result.returncode == 0, result.stderr
    assert f"{backup} is whole: a {connection.vendor} database" in result.stdout


def describe_database():
    database = connection.settings_dict
    if connection.vendor != "postgresql":
        return database["NAME"]
    return f"{database['NAME']} on {database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}"
