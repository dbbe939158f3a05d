"""Full-text search for pieces on PostgreSQL: an accent-free, weighted document in a
generated column with a GIN index. Other databases skip this migration's SQL."""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE TEXT SEARCH CONFIGURATION filmdesk_search (COPY = english)",
    "ALTER TEXT SEARCH CONFIGURATION filmdesk_search "
    "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem",
    """
    ALTER TABLE reviews_review ADD COLUMN search_document tsvector
    GENERATED ALWAYS AS (
        setweight(to_tsvector('filmdesk_search', coalesce(headline, '')), 'A')
        || setweight(to_tsvector('filmdesk_search', coalesce(standfirst, '')), 'B')
        || setweight(to_tsvector('filmdesk_search',
               regexp_replace(coalesce(body, ''), '<[^>]+>', ' ', 'g')), 'C')
    ) STORED
    """,
    "CREATE INDEX reviews_review_search_document ON reviews_review "
    "USING gin (search_document)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS reviews_review_search_document",
    "ALTER TABLE reviews_review DROP COLUMN IF EXISTS search_document",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS filmdesk_search",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("reviews", "0002_writer_and_editor_groups")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
