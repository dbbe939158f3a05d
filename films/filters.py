"""What readers may ask of the film index through its query string."""

from django import forms
from django_countries import countries

from films.models import Film
from people.validators import EARLIEST_YEAR, LATEST_YEAR
from web.filters import QueryFilters

YEAR_MESSAGE = "Give the year as four digits, for example 2017."
DECADE_MESSAGE = "Give the decade by its first year, for example 2010."

SORTS = {
    "title": "Title",
    "year": "Year, newest first",
    "newest-piece": "Newest piece first",
}


class FilmFilters(QueryFilters):
    """The index's filters and its order. A genre that is well formed but
    unknown matches nothing, like a year without films."""

    year = forms.IntegerField(
        min_value=EARLIEST_YEAR,
        max_value=LATEST_YEAR,
        required=False,
        error_messages={
            key: YEAR_MESSAGE for key in ("invalid", "min_value", "max_value")
        },
    )
    decade = forms.IntegerField(
        min_value=EARLIEST_YEAR,
        max_value=LATEST_YEAR,
        step_size=10,
        required=False,
        error_messages={
            key: DECADE_MESSAGE
            for key in ("invalid", "min_value", "max_value", "step_size")
        },
    )
    genre = forms.SlugField(
        allow_unicode=True,
        required=False,
        error_messages={
            "invalid": "A genre is named by its address, for example documentary."
        },
    )
    country = forms.ChoiceField(
        choices=countries,
        required=False,
        error_messages={
            "invalid_choice": "Give a country by its two-letter code, for example "
            "SY; “%(value)s” is none."
        },
    )
    kind = forms.ChoiceField(
        choices=Film.Kind.choices,
        required=False,
        error_messages={
            "invalid_choice": "There is no kind of film called “%(value)s”."
        },
    )
    reviewed = forms.ChoiceField(
        choices=[("yes", "With a review")],
        required=False,
        label="Has a review",
        error_messages={"invalid_choice": "Leave it out, or give yes."},
    )
    sort = forms.ChoiceField(
        choices=SORTS.items(),
        required=False,
        error_messages={
            "invalid_choice": "Sort by title, year or newest-piece, not “%(value)s”."
        },
    )

    def films(self, films):
        """`films`, narrowed and ordered as chosen."""
        chosen = self.cleaned_data
        if chosen["year"]:
            films = films.filter(year=chosen["year"])
        if chosen["decade"]:
            films = films.filter(
                year__gte=chosen["decade"], year__lt=chosen["decade"] + 10
            )
        if chosen["genre"]:
            films = films.filter(genres__slug=chosen["genre"])
        if chosen["country"]:
            films = films.made_in(chosen["country"])
        if chosen["kind"]:
            films = films.filter(kind=chosen["kind"])
        if chosen["reviewed"]:
            films = films.reviewed()
        return films.sorted_by(chosen["sort"] or "title")
