"""Slugs and alternative names that stay readable in any script."""

import unicodedata

from django.utils.text import slugify

# Latin letters that Unicode decomposition does not reduce to ASCII.
LATIN_LETTERS = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ß": "ss",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "ı": "i",
    }
)


def readable_slug(name):
    """'Søren Steen' gives 'soren-steen'; a name in Arabic or Cyrillic keeps its script."""
    ascii_slug = slugify(name.translate(LATIN_LETTERS))
    return ascii_slug or slugify(name, allow_unicode=True)


def unique_slug(instance, name, max_length=100, taken=None):
    """A readable slug for `name` that no other row of the instance's model uses,
    nor anything `taken(slug)` says is reserved (an old address, say)."""
    base = readable_slug(name)[: max_length - 6].strip("-") or "untitled"
    others = type(instance)._default_manager.exclude(pk=instance.pk)
    slug, number = base, 1
    while others.filter(slug=slug).exists() or (taken and taken(slug)):
        number += 1
        slug = f"{base}-{number}"
    return slug


def split_names(text):
    """The non-empty lines of an `also_known_as` field."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def fold(text):
    """Lower case without accents, for matching names the way readers type them."""
    if text.isascii():  # nothing to decompose: the common case, ten times faster
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(LATIN_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
