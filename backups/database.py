"""The database in a backup: PostgreSQL's own custom-format dump (pg_dump and
pg_restore), or SQLite's online backup, both the tools' own formats."""

import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

import psycopg
from django.db import DatabaseError, connection

from backups.errors import BackupError

DUMP_NAMES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}


def vendor():
    if connection.vendor not in DUMP_NAMES:
        raise BackupError(
            f"Backups work on PostgreSQL and SQLite, not {connection.vendor}."
        )
    return connection.vendor


def _postgres_arguments():
    """Connection options for the PostgreSQL tools; the password goes through
    the environment, never the command line."""
    database = connection.settings_dict
    arguments = ["--no-password", "--host", database["HOST"] or "127.0.0.1"]
    arguments += ["--port", str(database["PORT"] or 5432)]
    if database["USER"]:
        arguments += ["--username", database["USER"]]
    environment = {**os.environ, "PGCONNECT_TIMEOUT": "5"}
    if database["PASSWORD"]:
        environment["PGPASSWORD"] = database["PASSWORD"]
    return arguments, environment


def _run(tool, arguments, environment, doing):
    if shutil.which(tool) is None:
        raise BackupError(
            f"{tool} is not installed: install PostgreSQL's client tools."
        )
    result = subprocess.run(  # noqa: S603 - our own arguments, no shell
        [tool, *arguments], env=environment, capture_output=True, text=True
    )
    if result.returncode != 0:
        reason = result.stderr.strip().splitlines() or ["no message"]
        raise BackupError(f"{tool} could not {doing}: {reason[0]}")
    return result.stdout


def _sqlite_copy(source, target):
    """SQLite's online backup: a consistent copy while the site writes."""
    with (
        closing(sqlite3.connect(source)) as reading,
        closing(sqlite3.connect(target)) as writing,
    ):
        reading.backup(writing)


def describe():
    """Which database this is, for messages: 'filmdesk on 127.0.0.1:5432'."""
    database = connection.settings_dict
    if vendor() == "sqlite":
        return str(database["NAME"])
    host = database["HOST"] or "127.0.0.1"
    return f"{database['NAME']} on {host}:{database['PORT'] or 5432}"


def reachable():
    """Raise, with the database's own reason, unless it answers."""
    try:
        if vendor() == "postgresql":
            # Straight to the server: the pool would only say it timed out.
            database = connection.settings_dict
            psycopg.connect(
                host=database["HOST"] or "127.0.0.1",
                port=database["PORT"] or 5432,
                dbname=database["NAME"],
                user=database["USER"] or None,
                password=database["PASSWORD"] or None,
                connect_timeout=5,
            ).close()
        else:
            connection.ensure_connection()
    except (psycopg.Error, DatabaseError) as error:
        reason = next(iter(str(error).strip().splitlines()), type(error).__name__)
        raise BackupError(
            f"Could not connect to the database {describe()}: {reason}"
        ) from None


def is_empty():
    return not connection.introspection.table_names()


def dump(folder):
    """Write the database into `folder`; returns the file's name."""
    reachable()
    target = Path(folder) / DUMP_NAMES[vendor()]
    if vendor() == "sqlite":
        _sqlite_copy(connection.settings_dict["NAME"], target)
        return target.name
    arguments, environment = _postgres_arguments()
    _run(
        "pg_dump",
        [
            *arguments,
            "--format",
            "custom",
            "--file",
            str(target),
            connection.settings_dict["NAME"],
        ],
        environment,
        "back up the database",
    )
    return target.name


def check(path, backup_vendor):
    """Raise unless `path` is a whole dump that this database can take."""
    if backup_vendor != vendor():
        raise BackupError(
            f"The backup holds a {backup_vendor} database; this site runs on "
            f"{vendor()}."
        )
    if not path.is_file():
        raise BackupError(f"The backup has no database dump: {path} is missing.")
    if vendor() == "sqlite":
        try:
            with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as copy:
                result = copy.execute("PRAGMA integrity_check").fetchone()[0]
        except sqlite3.DatabaseError as error:
            raise BackupError(f"The database dump {path} is damaged: {error}") from None
        if result != "ok":
            raise BackupError(f"The database dump {path} is damaged: {result}")
        return
    _run("pg_restore", ["--list", str(path)], os.environ, f"read the dump {path}")


def load(path, replace):
    """Restore the dump at `path` into this database, all or nothing; with
    `replace`, over what the database holds."""
    if vendor() == "sqlite":
        connection.close()
        _sqlite_copy(path, connection.settings_dict["NAME"])
        return
    arguments, environment = _postgres_arguments()
    if replace:
        arguments += ["--clean", "--if-exists"]
    connection.close()  # pg_restore takes the locks it needs
    _run(
        "pg_restore",
        [
            *arguments,
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--dbname",
            connection.settings_dict["NAME"],
            str(path),
        ],
        environment,
        "restore the database",
    )
