"""How long a backup and a restore take: the real commands, on a real database.

    DATABASE_URL=postgres://postgres@127.0.0.1/filmdesk_bench MEDIA_ROOT=var/media \\
        .venv/bin/python -m bench.backups

Backs the site up into a temporary folder, checks the backup, restores it into
a new database beside the source (and a new media folder), and prints each
step's wall time with the sizes. The new database is dropped afterwards.
"""

import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parent.parent


def manage(*args, **env):
    environment = {**os.environ, "DEBUG": "true", "CACHE_URL": "locmemcache://", **env}
    started = time.monotonic()
    subprocess.run(  # noqa: S603 - our own arguments, no shell
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.monotonic() - started


def size(folder):
    return sum(
        path.stat().st_size for path in Path(folder).rglob("*") if path.is_file()
    )


def pieces():
    said = "from reviews.models import Review; print(Review.objects.count())"
    result = subprocess.run(  # noqa: S603 - our own arguments, no shell
        [sys.executable, "manage.py", "shell", "--command", said],
        cwd=ROOT,
        env={**os.environ, "DEBUG": "true"},
        check=True,
        capture_output=True,
        text=True,
    )
    return int(result.stdout.split()[-1])


def new_database(source, folder):
    """A URL for an empty database beside `source`, and how to drop it."""
    if not source.startswith("postgres"):
        return f"sqlite:///{folder}/restored.sqlite3", lambda: None
    parts = urlsplit(source)
    name = f"{parts.path.lstrip('/')}_restored_{uuid.uuid4().hex[:6]}"
    with psycopg.connect(source, autocommit=True) as db:
        db.execute(f'CREATE DATABASE "{name}"')

    def drop():
        with psycopg.connect(source, autocommit=True) as db:
            db.execute(f'DROP DATABASE "{name}" WITH (FORCE)')

    return urlunsplit(parts._replace(path=f"/{name}")), drop


def main():
    source = os.environ.get("DATABASE_URL", f"sqlite:///{ROOT / 'var/db.sqlite3'}")
    with tempfile.TemporaryDirectory() as folder:
        backup = Path(folder, "backup")
        print(f"database: {urlsplit(source).scheme}, {pieces():,} pieces")
        seconds = manage("backup", str(backup))
        dump = next(backup.glob("database.*"))
        print(
            f"backup:   {seconds:6.1f} s  dump {dump.stat().st_size / 1e6:,.1f} MB, "
            f"media {size(backup / 'media') / 1e6:,.1f} MB"
        )
        print(f"check:    {manage('restore', '--check', str(backup)):6.1f} s")
        target, drop = new_database(source, folder)
        try:
            seconds = manage(
                "restore",
                str(backup),
                DATABASE_URL=target,
                MEDIA_ROOT=str(Path(folder, "restored-media")),
            )
            print(f"restore:  {seconds:6.1f} s")
        finally:
            drop()


if __name__ == "__main__":
    main()
