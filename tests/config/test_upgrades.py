"""Upgrades are safe: a site a migration behind in each app, filled with the
demo and a piece with versions and an audit trail, migrates to the head with
every row kept, serves its pages, and migrates back again.

The rows are written by the site's own code at the older state, which works
while the tables it writes have the same columns there. A migration that
changes them needs those rows written through `state.apps` (the models as
migrated) instead."""

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.operations import AddField
from django.urls import reverse
from reversion.models import Version

from reviews.models import Review
from tests.factories import make_public_review
from tests.reviews.test_body_blocks import VIDEOS

# Run outside a transaction, as `migrate` runs: SQLite cannot change its
# schema inside one.
pytestmark = pytest.mark.django_db(transaction=True)

APPS = ["audit", "images", "people", "films", "reviews", "desk"]

# The rows that must survive, by the models as they were one migration back.
KEPT = [
    ("people", "Person"),
    ("people", "Organisation"),
    ("people", "Affiliation"),
    ("films", "Genre"),
    ("films", "Film"),
    ("films", "Credit"),
    ("films", "Award"),
    ("films", "Nomination"),
    ("reviews", "Topic"),
    ("reviews", "Review"),
    ("reviews", "Byline"),
    ("reviews", "Correction"),
    ("reviews", "Mention"),
    ("reviews", "SlugRedirect"),
    ("audit", "Event"),
    ("reversion", "Revision"),
    ("reversion", "Version"),
]


def executor():
    return MigrationExecutor(connection)


def heads():
    return [executor().loader.graph.leaf_nodes(app)[0] for app in APPS]


def one_back():
    """Each app as it was before its last migration; an app whose last migration
    others build on, that has one only, or that adds a column the site's code
    writes (the fill would need the models as migrated) stays at it."""
    loader = executor().loader
    targets = []
    for app in APPS:
        (head,) = loader.graph.leaf_nodes(app)
        node = loader.graph.node_map[head]
        earlier = [parent.key for parent in node.parents if parent.key[0] == app]
        adds = any(
            isinstance(operation, AddField)
            for operation in loader.disk_migrations[head].operations
        )
        stays = not earlier or node.children or adds
        targets.append(head if stays else earlier[0])
    return targets


def migrate_to(targets):
    executor().migrate(targets)


def applied(app):
    return {
        name for label, name in executor().recorder.applied_migrations() if label == app
    }


def snapshot(models):
    """The rows of KEPT, by `models`, in the columns the head keeps of them (a
    column the head drops, it drops on purpose)."""
    rows = {}
    for app, name in KEPT:
        model = models.get_model(app, name)
        kept = {field.attname for field in apps.get_model(app, name)._meta.fields}
        columns = [f.attname for f in model._meta.fields if f.attname in kept]
        rows[app, name] = list(model.objects.order_by("pk").values(*columns))
    return rows


def changes(before, after):
    """(model, pk, field) of every value that differs, and rows lost or gained."""
    found = []
    for model, rows in before.items():
        now = {row["id"]: row for row in after[model]}
        for row in rows:
            kept = now.pop(row["id"], None)
            if kept is None:
                found.append((model, row["id"], "lost"))
                continue
            found += [(model, row["id"], k) for k in row if row[k] != kept[k]]
        found += [(model, pk, "gained") for pk in now]
    return found


def fill(editor, writer):
    """The demo, and a piece written, revised, submitted, published and moved."""
    call_command("seed_demo", verbosity=0)
    piece = Review.objects.create(
        headline="Rescue under siege",
        kind=Review.Kind.FEATURE,
        body="<p>Khaled digs through the rubble.</p>",
        created_by=writer,
    )
    piece.body += "<h2>After the bombs drop</h2><p>The White Helmets come.</p>"
    piece.save()
    piece.submit(by=writer)
    piece.publish(by=editor)
    piece.slug = "rescue-under-siege-in-aleppo"
    piece.save()
    return piece


@pytest.fixture
def previous_state():
    """The database as `one_back` says; at the head again afterwards, whatever
    the test did, so the tests after it find the tables they expect."""
    migrate_to(one_back())
    yield executor().loader.project_state(one_back()).apps
    migrate_to(heads())


def test_a_filled_site_migrates_to_the_head_and_back(
    previous_state, editor, writer, client
):
    # At least one app really starts a step back, or the test proves nothing
    # (apps whose last migration adds a column stay at it: one_back()).
    assert set(one_back()) - set(heads())
    for (app, name), (_, head) in zip(one_back(), heads(), strict=True):
        assert name in applied(app)
        assert (head in applied(app)) == (head == name)

    piece = fill(editor, writer)
    before = snapshot(previous_state)
    assert all(before[model] for model in KEPT if model != ("reviews", "Correction"))
    assert Version.objects.get_for_object(piece).count() >= 4

    migrate_to(heads())
    assert changes(before, snapshot(previous_state)) == []

    for url in [
        "/",
        piece.get_absolute_url(),
        "/reviews/rescue-under-siege/",  # its old address sends readers on
        reverse("films:detail", args=["last-men-in-aleppo-2017"]),
        reverse("reviews:feed_rss"),
        "/sitemap.xml",
    ]:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
    assert b"Rescue under siege" in client.get(piece.get_absolute_url()).content

    client.force_login(editor)
    history = client.get(reverse("admin:reviews_review_history", args=[piece.pk]))
    assert history.status_code == 200
    assert f"Published by {editor}" in history.text

    served = snapshot(previous_state)
    migrate_to(one_back())
    assert changes(served, snapshot(previous_state)) == []


def test_every_migration_runs_back_to_the_start_and_forward_again(client):
    call_command("seed_demo", verbosity=0)
    try:
        migrate_to([(app, None) for app in APPS])
        assert [applied(app) for app in APPS] == [set()] * len(APPS)
    finally:
        migrate_to(heads())
    # The tables went with no row saved or deleted: the cache still holds the
    # name index of rows that are gone, as after a restore (docs/operations.md).
    cache.clear()
    call_command("seed_demo", verbosity=0)
    demo = Review.objects.public().first()
    assert demo.headline.encode() in client.get(demo.get_absolute_url()).content


def test_the_upgrade_renders_stored_bodies_with_their_new_blocks():
    migrate_to([("reviews", "0011_left_out_on_import")])
    try:
        piece = make_public_review(body=VIDEOS)
        # As the renderer before 0012 stored it: the link as written.
        Review.objects.filter(pk=piece.pk).update(body_html=piece.body)
    finally:
        migrate_to(heads())

    assert '<figure class="video">' in Review.objects.get(pk=piece.pk).body_html
