"""Name search on PostgreSQL through trigram indexes: `ILIKE '%…%'` on accent-free
names reads a GIN index instead of every row. unaccent() is only STABLE, so the
indexes use an IMMUTABLE wrapper, which search queries call too. Other databases
skip this migration's SQL."""

from django.db import migrations

# The wrapper names its dictionary and schema so its result never depends on
# the session's search_path, which is what makes IMMUTABLE honest.
FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """
    CREATE OR REPLACE FUNCTION filmdesk_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$
    """,
    *(
        f"CREATE INDEX {table}_{column}_trgm ON {table} "
        f"USING gin (filmdesk_unaccent({column}) gin_trgm_ops)"
        for table in ("people_person", "people_organisation")
        for column in ("name", "also_known_as")
    ),
]
BACKWARD = [
    *(
        f"DROP INDEX IF EXISTS {table}_{column}_trgm"
        for table in ("people_person", "people_organisation")
        for column in ("name", "also_known_as")
    ),
    "DROP FUNCTION IF EXISTS filmdesk_unaccent(text)",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("people", "0002_person_user")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
