"""Fill a database with synthetic films, people and public pieces for benchmarks.

    createdb filmdesk_bench
    DATABASE_URL=postgres://postgres@127.0.0.1/filmdesk_bench .venv/bin/python manage.py migrate
    DATABASE_URL=postgres://postgres@127.0.0.1/filmdesk_bench .venv/bin/python -m bench.generate 100000

Rows are written with bulk_create, so pieces skip save(): no mention scan and
no revisions; each piece's stored body is filled as a save would. The search document on PostgreSQL is a generated column and is
filled all the same.
"""

import os
import random
import sys
import time
from datetime import UTC, datetime, timedelta

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "true")
django.setup()

from django.db import transaction  # noqa: E402

from bench.synthetic import name, text  # noqa: E402
from films.models import Credit, Film  # noqa: E402
from people.models import Person  # noqa: E402
from reviews.models import Byline, Review  # noqa: E402
from reviews.sanitising import sanitise  # noqa: E402

BATCH = 2_000


def generate(pieces):
    rng = random.Random(7)
    films_wanted = max(pieces // 10, 1)
    people = Person.objects.bulk_create(
        Person(name=n, slug=f"bench-person-{i}", sort_name=n)
        for i, n in enumerate(name(rng) for _ in range(films_wanted))
    )
    films = Film.objects.bulk_create(
        Film(title=t, slug=f"bench-film-{i}", year=1950 + i % 75, kind="feature")
        for i, t in enumerate(name(rng, parts=3) for _ in range(films_wanted))
    )
    Credit.objects.bulk_create(
        Credit(film=film, person=person, role=Credit.Role.DIRECTOR)
        for film, person in zip(films, people, strict=True)
    )
    start = datetime(2020, 1, 1, tzinfo=UTC)
    for offset in range(0, pieces, BATCH):
        with transaction.atomic():
            batch = Review.objects.bulk_create(
                _piece(rng, film, number=offset + i, at=start)
                for i, film in enumerate(
                    rng.choice(films) for _ in range(min(BATCH, pieces - offset))
                )
            )
            Byline.objects.bulk_create(
                Byline(review=piece, person=rng.choice(people)) for piece in batch
            )
        print(f"{offset + len(batch):,} pieces", end="\r", flush=True)
    print()


def _piece(rng, film, number, at):
    """A public piece; its stored body is what saving it would render (no
    mentions: the corpus has none)."""
    body = text(200, sprinkle=[film.title], seed=number)
    return Review(
        headline=f"{film.title}: {name(rng, parts=2)} reviewed",
        slug=f"bench-piece-{number}",
        standfirst=f"A look at {film.title}.",
        body=body,
        body_html=sanitise(body),
        film=film,
        status=Review.Status.PUBLISHED,
        publish_at=at + timedelta(minutes=number),
        first_published_at=at + timedelta(minutes=number),
    )


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    started = time.perf_counter()
    generate(count)
    print(f"generated {count:,} pieces in {time.perf_counter() - started:,.0f} s")
