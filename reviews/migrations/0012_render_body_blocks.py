"""Render the stored bodies again: readers' bodies now link footnotes, show
quotes with their source and videos as figures, and leave out the desk's
"image to add" notes. As in 0005, the current model renders, reading only
the columns this migration knows; pages stored before it belong to the
previous release and are left behind (web/pages.py)."""

from django.db import migrations


def render_stored_bodies(apps, schema_editor):
    from reviews.models import Review

    for piece in Review.objects.only("pk", "body").iterator(chunk_size=500):
        piece.render_body()


class Migration(migrations.Migration):
    dependencies = [("reviews", "0011_left_out_on_import")]

    operations = [migrations.RunPython(render_stored_bodies, migrations.RunPython.noop)]
