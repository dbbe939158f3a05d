"""Film search on PostgreSQL through trigram indexes on the accent-free titles,
with the IMMUTABLE unaccent wrapper of people 0003. Other databases skip this
migration's SQL."""

from django.db import migrations

COLUMNS = ("title", "original_title", "also_known_as")
FORWARD = [
    f"CREATE INDEX films_film_{column}_trgm ON films_film "
    f"USING gin (filmdesk_unaccent({column}) gin_trgm_ops)"
    for column in COLUMNS
]
BACKWARD = [f"DROP INDEX IF EXISTS films_film_{column}_trgm" for column in COLUMNS]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [
        ("films", "0001_initial"),
        ("people", "0003_name_trigram_indexes"),
    ]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
