"""A Filmdesk backup: a folder with the database in its tool's own format, a
copy of every media file, and a manifest that says what should be there.

    2026-12-07T0300/
        manifest.json       what it holds, with each media file's SHA-256
        database.dump       pg_dump --format=custom (or database.sqlite3)
        media/…             every stored file under its own name

The database goes first and the media after: media names are never reused, so
every file the dump refers to is already stored when the media are copied."""

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

from django.core.cache import cache

from backups import database, media
from backups.errors import BackupError

FORMAT = 1
MANIFEST = "manifest.json"


def back_up(folder):
    """Write a backup into `folder`, which must not exist yet; returns the manifest."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise BackupError(f"{folder} is not empty: back up into a new folder.")
    database.reachable()
    media.stored_names()  # the storage answers, before anything is written
    folder.mkdir(parents=True, exist_ok=True)
    try:
        dump = database.dump(folder)
        files = media.copy_out(folder / "media")
        manifest = {
            "format": FORMAT,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "database": {"vendor": database.vendor(), "file": dump},
            "media": files,
        }
        (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    except BaseException:
        shutil.rmtree(folder)  # no half backup left to be mistaken for a whole one
        raise
    return manifest


def read_manifest(folder):
    folder = Path(folder)
    if not folder.is_dir():
        raise BackupError(f"There is no backup at {folder}.")
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except FileNotFoundError:
        raise BackupError(
            f"{folder} is not a Filmdesk backup: it has no {MANIFEST}."
        ) from None
    except ValueError:
        raise BackupError(f"{folder}/{MANIFEST} is damaged: it is not JSON.") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(
            f"{folder} was written by another version of Filmdesk (format "
            f"{manifest.get('format') if isinstance(manifest, dict) else '?'})."
        )
    return manifest


def check(folder):
    """Raise unless the backup at `folder` is whole and this site can restore it."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    database.check(
        folder / manifest["database"]["file"], manifest["database"]["vendor"]
    )
    media.check(folder / "media", manifest["media"])
    return manifest


def restore(folder, force=False):
    """Restore the backup at `folder` into this site's database and media.
    Everything is checked first; a database or storage that holds anything is
    refused unless `force`."""
    folder = Path(folder)
    manifest = check(folder)
    database.reachable()
    if not force and not database.is_empty():
        raise BackupError(
            f"The database {database.describe()} is not empty: restore into a new "
            "database, or add --force to replace what it holds."
        )
    if not force and media.stored_names():
        raise BackupError(
            f"{media.describe().capitalize()} is not empty: restore into a new one, "
            "or add --force to replace what it holds."
        )
    database.load(folder / manifest["database"]["file"], replace=force)
    media.copy_in(folder / "media", manifest["media"], replace=force)
    # Pages, the name index and the rest were made from what was there before.
    cache.clear()
    return manifest
