from django.contrib import admin
from django.db.models import Count

from films.models import Award, Credit, Film, Genre, Nomination
from people.admin import OrganisationAdmin, PersonAdmin
from people.admin_tools import CountColumnsMixin, DuplicateWarningForm, count_column
from people.models import Organisation, Person


class FilmForm(DuplicateWarningForm):
    class Meta:
        model = Film
        fields = "__all__"

    def possible_duplicates(self):
        return Film.objects.matching_title(
            self.cleaned_data.get("title", ""), self.cleaned_data.get("year")
        )


class CreditInline(admin.TabularInline):
    model = Credit
    fields = ["order", "role", "person", "organisation", "character", "credited_as"]
    autocomplete_fields = ["person", "organisation"]
    extra = 1


class NominationInline(admin.TabularInline):
    model = Nomination
    fields = ["award", "category", "year", "edition", "won", "honourees"]
    autocomplete_fields = ["award", "honourees"]
    extra = 0


@admin.register(Film)
class FilmAdmin(CountColumnsMixin, admin.ModelAdmin):
    form = FilmForm
    list_display = ["title", "year", "kind", "runtime_minutes", "credit_count"]
    list_filter = ["kind", "year", "genres"]
    search_fields = ["title", "original_title", "also_known_as"]
    prepopulated_fields = {"slug": ["title", "year"]}
    filter_horizontal = ["genres"]
    inlines = [CreditInline, NominationInline]
    fieldsets = [
        (
            None,
            {"fields": ["title", "original_title", "also_known_as", "slug", "kind"]},
        ),
        (
            "Facts",
            {
                "fields": [
                    "year",
                    "release_date",
                    "runtime_minutes",
                    "countries",
                    "languages",
                    "genres",
                    "synopsis",
                ]
            },
        ),
        ("Poster", {"fields": ["poster", "poster_alt"]}),
        ("Identifiers", {"fields": ["wikidata_id", "imdb_id"]}),
        (None, {"fields": ["not_a_duplicate"]}),
    ]

    credit_count = count_column("credit_count", "Credits", Count("credits"))


@admin.register(Genre)
class GenreAdmin(CountColumnsMixin, admin.ModelAdmin):
    list_display = ["name", "film_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    film_count = count_column("film_count", "Films", Count("films"))


@admin.register(Award)
class AwardAdmin(CountColumnsMixin, admin.ModelAdmin):
    list_display = ["name", "presenter", "nomination_count"]
    list_select_related = ["presenter"]
    list_filter = ["presenter"]
    search_fields = ["name", "presenter__name"]
    autocomplete_fields = ["presenter"]
    prepopulated_fields = {"slug": ["name"]}

    nomination_count = count_column(
        "nomination_count", "Nominations", Count("nominations")
    )


@admin.register(Nomination)
class NominationAdmin(admin.ModelAdmin):
    list_display = ["film", "award", "category", "year", "won"]
    list_select_related = ["film", "award"]
    list_filter = ["won", "award", "year"]
    search_fields = ["film__title", "award__name", "category"]
    autocomplete_fields = ["film", "award", "honourees"]


@admin.register(Credit)
class CreditAdmin(admin.ModelAdmin):
    list_display = ["film", "role", "person", "organisation", "character", "order"]
    list_select_related = ["film", "person", "organisation"]
    list_filter = ["role"]
    search_fields = ["film__title", "person__name", "organisation__name", "character"]
    autocomplete_fields = ["film", "person", "organisation"]


class PartyCreditInline(admin.TabularInline):
    """A person's or organisation's credits, shown on their own admin page."""

    model = Credit
    fields = ["film", "role", "character", "credited_as", "order"]
    autocomplete_fields = ["film"]
    extra = 0


# People and organisations are registered by the people app, which cannot know
# about credits; add the credits inline here, where both are known.
admin.site.unregister(Person)
admin.site.unregister(Organisation)


@admin.register(Person)
class PersonWithCreditsAdmin(PersonAdmin):
    inlines = [*PersonAdmin.inlines, PartyCreditInline]


@admin.register(Organisation)
class OrganisationWithCreditsAdmin(OrganisationAdmin):
    inlines = [*OrganisationAdmin.inlines, PartyCreditInline]
