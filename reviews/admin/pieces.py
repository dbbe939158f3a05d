"""The pieces' admin: the list, the form's layout and who may do what."""

from functools import partial

from django.contrib import admin
from django.db.models import Case, F, Prefetch, Value, When
from django.urls import path, reverse
from django.utils.html import format_html
from reversion_compare.admin import CompareVersionAdmin

from people.models import Person
from reviews.admin.history import PieceHistory
from reviews.admin.import_page import import_view
from reviews.admin.piece_form import (
    BylineInline,
    CorrectionInline,
    MentionInline,
    ReviewForm,
    save_mentions,
)
from reviews.admin.workflow import PieceWorkflow
from reviews.models import Byline, Mention, Review
from reviews.models.presentation import WORDS_PER_MINUTE
from reviews.models.workflow import is_editor, local_time
from reviews.preview import make_token


class StatusFilter(admin.SimpleListFilter):
    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [*Review.Status.choices, ("scheduled", "Scheduled")]

    def queryset(self, request, queryset):
        if self.value() == "scheduled":
            return queryset.scheduled()
        if self.value() in Review.Status.values:
            return queryset.filter(status=self.value())
        return queryset


@admin.register(Review)
class ReviewAdmin(PieceWorkflow, PieceHistory, CompareVersionAdmin):
    form = ReviewForm
    list_display = [
        "headline",
        "status_label",
        "publish_at",
        "film",
        "byline_names",
        "kind",
        "preview_link",
    ]
    list_filter = [
        StatusFilter,
        "kind",
        "topics",
        ("authors", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["film"]
    search_fields = ["headline", "standfirst", "body"]
    date_hierarchy = "publish_at"
    autocomplete_fields = ["film", "other_films"]
    filter_horizontal = ["topics"]
    prepopulated_fields = {"slug": ["headline"]}
    inlines = [BylineInline, CorrectionInline, MentionInline]
    readonly_fields = ["workflow_state", "last_saved", "length", "preview_link"]
    actions = ["publish_selected", "withdraw_selected"]
    # The first fieldset is the publish box (change_form.html adds its buttons).
    fieldsets = [
        (
            "Publishing",
            {
                "fields": [
                    "workflow_state",
                    "schedule_for",
                    "preview_link",
                    "last_saved",
                    "length",
                    "lock_token",
                ],
                "classes": ["publish-box"],
            },
        ),
        (
            None,
            {"fields": ["kind", "headline", "slug", "standfirst", "body"]},
        ),
        (
            "Verdict",
            {"fields": ["film", "other_films", "rating", "verdict", "topics"]},
        ),
        (
            "Hero image",
            {"fields": ["hero_image", "hero_alt", "hero_caption", "hero_credit"]},
        ),
        (
            "Search engines",
            {"fields": ["seo_title", "seo_description"], "classes": ["collapse"]},
        ),
    ]

    change_list_template = "admin/reviews/review/change_list.html"

    class Media:
        js = ["js/piece-form.js", "js/admin-labels.js"]

    def get_urls(self):
        extra = [
            path(
                "import/",
                self.admin_site.admin_view(partial(import_view, self)),
                name="reviews_review_import",
            ),
            path(
                "<path:object_id>/revoke-preview/",
                self.admin_site.admin_view(self.revoke_preview_view),
                name="reviews_review_revoke_preview",
            ),
        ]
        return [*extra, *super().get_urls()]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .visible_to(request.user)
            .prefetch_related(
                Prefetch("bylines", Byline.objects.select_related("person"))
            )
        )

    def get_ordering(self, request):
        # Pieces without a publication time last on every database (PostgreSQL
        # puts NULLs first in a descending order, SQLite last).
        ordering = [F("publish_at").desc(nulls_last=True), "-pk"]
        if is_editor(request.user):
            return ordering
        # A writer's own pieces come first: those are the ones she works on.
        own_first = Case(
            When(created_by=request.user.pk, then=Value(0)), default=Value(1)
        )
        return [own_first.asc(), *ordering]

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, BylineInline) and obj.pk is None and not request.POST:
            # A new piece starts with its writer's byline, if she has a person.
            person = Person.objects.filter(user=request.user.pk).first()
            if person is not None:
                kwargs["initial"] = [{"person": person.pk, "order": 0}]
        return kwargs

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and obj.left_out_on_import:
            # Shown, after the publish box, until the editor empties it.
            left_out = ("Left out on import", {"fields": ["left_out_on_import"]})
            fieldsets = [fieldsets[0], left_out, *fieldsets[1:]]
        if is_editor(request.user):
            return fieldsets
        hidden = {"schedule_for"}
        return [
            (name, {**opts, "fields": [f for f in opts["fields"] if f not in hidden]})
            for name, opts in fieldsets
        ]

    # One permission model: Django's permissions say what a group may do with
    # pieces at all, `can_view`/`can_edit` which pieces, and publishing,
    # restoring and deleting belong to editors.
    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        return allowed and (obj is None or obj.can_view(request.user))

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or obj.can_edit(request.user))

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and is_editor(request.user)

    def has_publish_permission(self, request):
        return is_editor(request.user)

    has_restore_permission = has_publish_permission

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.last_edited_by = request.user
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if formset.model is not Mention:
            return super().save_formset(request, form, formset, change)
        save_mentions(formset, form.instance)
        return None

    @admin.display(description="Bylines")
    def byline_names(self, obj):
        return ", ".join(str(b.person) for b in obj.bylines.all())

    @admin.display(description="Last saved")
    def last_saved(self, obj):
        if not obj.pk:
            return "Not saved yet"
        who = obj.last_edited_by or obj.created_by
        when = local_time(obj.updated_at)
        return f"{when} by {who}" if who else when

    @admin.display(description="Length")
    def length(self, obj):
        # static/js/piece-form.js keeps this up to date while the writer types.
        return format_html(
            '<span class="piece-length" aria-live="polite" data-words-per-minute="{}">'
            "{} words, about {} min to read</span>",
            WORDS_PER_MINUTE,
            obj.word_count,
            obj.reading_minutes,
        )

    @admin.display(description="Preview")
    def preview_link(self, obj):
        if not obj.pk:
            return "Save the piece to preview it."
        url = reverse("reviews:preview", kwargs={"token": make_token(obj)})
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">Preview</a>', url
        )
