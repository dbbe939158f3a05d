"""Pieces keep what their import could not bring in, for the editor."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0010_remove_featured"),
    ]

    operations = [
        migrations.AddField(
            model_name="review",
            name="left_out_on_import",
            field=models.TextField(
                blank=True,
                help_text="What the import could not keep, a sentence each. Deal "
                "with each in the body, then empty this box.",
                verbose_name="left out on import",
            ),
        ),
    ]
