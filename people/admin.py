from django.contrib import admin
from django.db.models import Count

from people.admin_tools import (
    CountColumnsMixin,
    DuplicateWarningForm,
    MergeMixin,
    VersionedAdmin,
    count_column,
)
from people.models import Affiliation, Organisation, Person


class PersonForm(DuplicateWarningForm):
    class Meta:
        model = Person
        fields = "__all__"

    def possible_duplicates(self):
        return Person.objects.matching_name(self.cleaned_data.get("name", ""))


class OrganisationForm(DuplicateWarningForm):
    class Meta:
        model = Organisation
        fields = "__all__"

    def possible_duplicates(self):
        return Organisation.objects.matching_name(self.cleaned_data.get("name", ""))


class PersonAffiliationInline(admin.TabularInline):
    model = Affiliation
    fields = ["organisation", "role", "start_year", "end_year"]
    autocomplete_fields = ["organisation"]
    extra = 0


class OrganisationAffiliationInline(PersonAffiliationInline):
    fields = ["person", "role", "start_year", "end_year"]
    autocomplete_fields = ["person"]


@admin.register(Person)
class PersonAdmin(MergeMixin, CountColumnsMixin, VersionedAdmin):
    form = PersonForm
    list_display = ["name", "sort_name", "years", "film_count", "wikidata_id"]
    search_fields = ["name", "also_known_as", "sort_name"]
    list_filter = ["affiliations__organisation"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PersonAffiliationInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "sort_name", "also_known_as"]}),
        ("About", {"fields": ["bio", "birth_year", "death_year"]}),
        ("Portrait", {"fields": ["portrait", "portrait_alt", "portrait_credit"]}),
        ("Identifiers", {"fields": ["wikidata_id", "imdb_id"]}),
        (None, {"fields": ["not_a_duplicate"]}),
    ]

    film_count = count_column(
        "film_count", "Films", Count("credits__film", distinct=True)
    )


@admin.register(Organisation)
class OrganisationAdmin(MergeMixin, CountColumnsMixin, VersionedAdmin):
    form = OrganisationForm
    list_display = ["name", "kind", "country", "founded", "credit_count"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "also_known_as"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OrganisationAffiliationInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "also_known_as"]}),
        ("About", {"fields": ["description", "founded", "country", "website"]}),
        ("Logo", {"fields": ["logo", "logo_alt"]}),
        ("Identifiers", {"fields": ["wikidata_id", "imdb_id"]}),
        (None, {"fields": ["not_a_duplicate"]}),
    ]

    credit_count = count_column(
        "credit_count", "Credits", Count("credits", distinct=True)
    )


@admin.register(Affiliation)
class AffiliationAdmin(admin.ModelAdmin):
    list_display = ["person", "organisation", "role", "start_year", "end_year"]
    list_select_related = ["person", "organisation"]
    list_filter = ["organisation"]
    search_fields = ["person__name", "organisation__name", "role"]
    autocomplete_fields = ["person", "organisation"]
