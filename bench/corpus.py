"""Make sure the benchmark corpus exists, generating it only when it must.

    DATABASE_URL=... .venv/bin/python -m bench.corpus [PIECES]

The corpus is kept between runs: var/bench/<database>.stamp records a hash of
the generator (bench/generate.py, bench/synthetic.py) and the piece count. When
the stamp matches and the database holds that many pieces, only pending
migrations are applied; otherwise the database is dropped, created, migrated
and filled again.
"""

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import environ

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
STAMP_DIR = ROOT / "var" / "bench"
GENERATOR = (BENCH / "generate.py", BENCH / "synthetic.py")
DEFAULT_PIECES = 100_000


def fingerprint(pieces):
    digest = hashlib.sha256(str(pieces).encode())
    for path in GENERATOR:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def python(*args):
    """Run Python of this venv in the project folder; its output."""
    return subprocess.run(  # noqa: S603 - our own arguments, no shell
        [sys.executable, *args], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout


def manage(*args):
    python("manage.py", *args)


def piece_count():
    """Public pieces in the database, or None when it has no tables yet."""
    code = (
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE',"
        " 'config.settings'); django.setup()\n"
        "from django.db import connection\n"
        "from reviews.models import Review\n"
        "tables = connection.introspection.table_names()\n"
        "print(Review.objects.count() if 'reviews_review' in tables else -1)"
    )
    try:
        count = int(python("-c", code).strip())
    except subprocess.CalledProcessError:
        return None
    return None if count < 0 else count


def analyse():
    """On PostgreSQL, what autovacuum would do after the bulk load: planner
    statistics and the visibility map (index-only scans). SQLite gets nothing,
    as in production, where nothing runs ANALYZE on it."""
    python(
        "-c",
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE',"
        " 'config.settings'); django.setup()\n"
        "from django.db import connection\n"
        "if connection.vendor == 'postgresql':\n"
        "    connection.cursor().execute('VACUUM ANALYZE')",
    )


def recreate(settings):
    """An empty database with the URL's name."""
    if settings["ENGINE"] == "django.db.backends.sqlite3":
        Path(settings["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        Path(settings["NAME"]).unlink(missing_ok=True)
        return
    import psycopg  # only PostgreSQL needs it
    from psycopg import sql

    with psycopg.connect(
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
        user=settings["USER"] or None,
        password=settings["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    ) as admin:
        name = sql.Identifier(settings["NAME"])
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(name))


def main():
    pieces = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_PIECES
    if "DATABASE_URL" not in os.environ:
        raise SystemExit("Set DATABASE_URL to the benchmark database.")
    settings = environ.Env.db_url_config(os.environ["DATABASE_URL"])
    label = Path(settings["NAME"]).name
    stamp = STAMP_DIR / f"{label}.stamp"
    wanted = fingerprint(pieces)
    current = stamp.read_text().strip() if stamp.exists() else ""
    os.environ.setdefault("DEBUG", "true")
    if current == wanted and piece_count() == pieces:
        manage("migrate", "--noinput", "--verbosity", "0")
        print(f"corpus {label}: {pieces:,} pieces, up to date")
        return
    print(f"corpus {label}: generating {pieces:,} pieces (once; takes minutes)")
    stamp.unlink(missing_ok=True)
    recreate(settings)
    manage("migrate", "--noinput", "--verbosity", "0")
    subprocess.run(  # noqa: S603 - our own arguments, no shell
        [sys.executable, "-m", "bench.generate", str(pieces)], cwd=ROOT, check=True
    )
    analyse()
    STAMP_DIR.mkdir(parents=True, exist_ok=True)
    stamp.write_text(wanted + "\n")


if __name__ == "__main__":
    main()
