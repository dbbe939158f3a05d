"""Admin pieces shared by the film world's admins: duplicate warnings and merging."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from reversion.admin import VersionAdmin

from people.merging import merge


class DuplicateWarningForm(forms.ModelForm):
    """On creation, stop once if the name matches an existing record, linking to it."""

    not_a_duplicate = forms.BooleanField(
        required=False,
        label="This is not a duplicate",
        help_text="Tick to save although a record with this name exists.",
    )

    def possible_duplicates(self):
        raise NotImplementedError

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk or cleaned.get("not_a_duplicate"):
            return cleaned
        duplicates = list(self.possible_duplicates()[:5])
        if duplicates:
            meta = self._meta.model._meta
            links = format_html_join(
                ", ",
                '<a href="{}">{}</a>',
                (
                    (
                        reverse(
                            f"admin:{meta.app_label}_{meta.model_name}_change",
                            args=[d.pk],
                        ),
                        str(d),
                    )
                    for d in duplicates
                ),
            )
            raise forms.ValidationError(
                format_html(
                    "This may be a duplicate of {}. Check it, or tick "
                    "“This is not a duplicate” and save again.",
                    links,
                )
            )
        return cleaned


class MergeForm(forms.Form):
    keep = forms.ModelChoiceField(
        queryset=None, widget=forms.RadioSelect, empty_label=None, label="Keep"
    )

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"].queryset = queryset


@admin.action(
    description="Merge selected %(verbose_name_plural)s", permissions=["merge"]
)
def merge_selected(modeladmin, request, queryset):
    if queryset.count() < 2:
        modeladmin.message_user(
            request, "Select at least two records to merge.", messages.WARNING
        )
        return None
    if "confirm" in request.POST:
        form = MergeForm(request.POST, queryset=queryset)
        if form.is_valid():
            keep = form.cleaned_data["keep"]
            others = list(queryset.exclude(pk=keep.pk))
            merge(keep, others, by=request.user)
            modeladmin.message_user(
                request,
                f"Merged {len(others)} into “{keep}”; their names are now aliases. "
                "The merged records can be recovered from the history.",
                messages.SUCCESS,
            )
            return None
    else:
        form = MergeForm(queryset=queryset)
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": f"Merge {queryset.model._meta.verbose_name_plural}",
        "form": form,
        "queryset": queryset,
        "opts": modeladmin.model._meta,
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/people/merge.html", context)


class VersionedAdmin(VersionAdmin):
    """Restoring an old version rewrites the record: it needs the right to change it
    (django-reversion shows the old version to anyone who may view the record)."""

    def revision_view(self, request, object_id, version_id, extra_context=None):
        if not self.has_change_permission(request):
            raise PermissionDenied
        return super().revision_view(request, object_id, version_id, extra_context)


class MergeMixin:
    """Merging deletes records, so it takes the rights to change and to delete."""

    actions = [merge_selected]

    def has_merge_permission(self, request):
        return self.has_change_permission(request) and self.has_delete_permission(
            request
        )


def count_column(name, heading, aggregate):
    """A changelist column showing `aggregate`, annotated as `name` by CountColumnsMixin."""

    @admin.display(description=heading, ordering=name)
    def column(model_admin, obj):
        return getattr(obj, name)

    column.aggregate = aggregate
    return column


class CountColumnsMixin:
    """Annotates every count_column in list_display in the changelist's one query."""

    def get_queryset(self, request):
        counts = {
            name: column.aggregate
            for name in self.list_display
            if (column := getattr(type(self), name, None)) is not None
            and hasattr(column, "aggregate")
        }
        queryset = super().get_queryset(request)
        # A GROUP BY drops the model's default ordering, which autocomplete pages by.
        return queryset.annotate(**counts).order_by(
            *queryset.query.order_by or self.model._meta.ordering
        )
