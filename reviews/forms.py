"""What readers may ask of the public pages through their query strings."""

from datetime import MAXYEAR, MINYEAR

from django import forms

from reviews.models import Review
from web.filters import QueryFilters

YEAR_MESSAGE = "Give the year as four digits, for example 2017."


class ArchiveFilters(QueryFilters):
    """The archive's kind, topic and year filters; any of them may be left out.

    A topic that is well formed but unknown simply matches nothing, like a year
    without pieces; a value that cannot be a kind, a topic address or a year is
    an error the reader is told about.
    """

    kind = forms.ChoiceField(
        choices=Review.Kind.choices,
        required=False,
        error_messages={
            "invalid_choice": "There is no kind of piece called “%(value)s”."
        },
    )
    topic = forms.SlugField(
        allow_unicode=True,
        required=False,
        error_messages={
            "invalid": "A topic is named by its address, for example syria."
        },
    )
    # A year one short of datetime's limits, so the bounds of the year stay
    # representable in any time zone (year=0000 used to answer 500).
    year = forms.IntegerField(
        min_value=MINYEAR + 1,
        max_value=MAXYEAR - 1,
        required=False,
        error_messages={
            "invalid": YEAR_MESSAGE,
            "min_value": YEAR_MESSAGE,
            "max_value": YEAR_MESSAGE,
        },
    )
