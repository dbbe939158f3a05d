"""Pieces lose their "featured" box, which the front page replaced (0009); the
home page's sections read pieces by kind."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("reviews", "0009_front_page")]

    operations = [
        migrations.RemoveIndex(model_name="review", name="review_featured_idx"),
        migrations.RemoveField(model_name="review", name="featured"),
        migrations.AddIndex(
            model_name="review",
            index=models.Index(
                fields=["kind", "status", "-publish_at", "-id"],
                name="review_kind_public_idx",
            ),
        ),
    ]
