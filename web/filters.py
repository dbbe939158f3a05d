"""Lists readers narrow through the query string (the archive, the film
index): the values they chose, and a 400 page naming those that cannot be used."""

from django import forms
from django.shortcuts import render


class QueryFilters(forms.Form):
    """Filters any of which may be left out; a value that cannot be one is an
    error the reader is told about."""

    def chosen(self):
        """The filters in use, as they appear in the query string, in the
        form's order: one address for each combination."""
        return {
            name: str(self.cleaned_data[name])
            for name in self.fields
            if self.cleaned_data.get(name)
        }

    def problems(self):
        """One sentence per refused value, naming the filter."""
        return [
            f"{self.fields[name].label or name.capitalize()}: {message}"
            for name, messages in self.errors.items()
            for message in messages
        ]


def bad_request(request, problems):
    """The 400 page, naming what in the address could not be used."""
    return render(request, "400.html", {"problems": problems}, status=400)
