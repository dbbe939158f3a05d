"""Text as every surface can carry it: no control characters but tab and newlines.

XML 1.0 (feeds, sitemaps) refuses them and mail headers break on them, yet a
browser's text input keeps one Word pastes (U+000B, its manual line break). So
every model's text is cleaned on save, whoever saves it, and the XML writers
clean what older rows may still hold.
"""

import re

from django.db import models

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _replace(match):
    # A line or page break between two words must not join them.
    return " " if match.group().isspace() else ""


def without_control_characters(text):
    """'Last Men\\x0bin Aleppo\\x07' -> 'Last Men in Aleppo'."""
    return CONTROL_CHARACTERS.sub(_replace, text)


def clean_text_fields(sender, instance, **kwargs):
    """pre_save: every text field of `instance` without control characters."""
    for field in sender._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField):
            value = getattr(instance, field.attname)
            if isinstance(value, str) and CONTROL_CHARACTERS.search(value):
                setattr(instance, field.attname, without_control_characters(value))
