"""Awards and nominations know when they last changed (the award's sitemap
lastmod); those already on file start from the time of this migration."""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("films", "0004_nomination_edition_help"),
    ]

    operations = [
        migrations.AddField(
            model_name="award",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, default=django.utils.timezone.now
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="nomination",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, default=django.utils.timezone.now
            ),
            preserve_default=False,
        ),
    ]
