from django.db import migrations, models


def render_stored_bodies(apps, schema_editor):
    """Render the bodies of the pieces already written.

    Linking needs the mention code, which the historical models lack: the
    current model is used, reading only the columns this migration knows."""
    from reviews.models import Review

    for piece in Review.objects.only("pk", "body").iterator(chunk_size=500):
        piece.render_body()


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0004_preview_key"),
    ]

    operations = [
        migrations.AddField(
            model_name="review",
            name="body_html",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.RunPython(render_stored_bodies, migrations.RunPython.noop),
    ]
