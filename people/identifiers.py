"""Wikidata and IMDb identifiers: the same fields and rules on every model that has them."""

from django.db import models

from people.validators import (
    WIKIDATA_PATTERN,
    empty_or_matches,
    imdb_pattern,
    imdb_validator,
    not_empty,
    validate_wikidata_id,
)


def wikidata_field():
    return models.CharField(
        "Wikidata id", max_length=20, blank=True, validators=[validate_wikidata_id]
    )


def imdb_field(prefix, example):
    return models.CharField(
        "IMDb id",
        max_length=20,
        blank=True,
        validators=[imdb_validator(prefix, example)],
    )


def identifier_constraints(prefix, imdb_prefix, noun):
    """Well-formed when set, and unique when set, enforced by the database."""
    return [
        models.CheckConstraint(
            condition=empty_or_matches("wikidata_id", WIKIDATA_PATTERN),
            name=f"{prefix}_wikidata_id_format",
        ),
        models.CheckConstraint(
            condition=empty_or_matches("imdb_id", imdb_pattern(imdb_prefix)),
            name=f"{prefix}_imdb_id_format",
        ),
        models.UniqueConstraint(
            fields=["wikidata_id"],
            condition=not_empty("wikidata_id"),
            name=f"{prefix}_unique_wikidata_id",
            violation_error_message=f"Another {noun} has this Wikidata id.",
        ),
        models.UniqueConstraint(
            fields=["imdb_id"],
            condition=not_empty("imdb_id"),
            name=f"{prefix}_unique_imdb_id",
            violation_error_message=f"Another {noun} has this IMDb id.",
        ),
    ]
