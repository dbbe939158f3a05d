import logging
from functools import partial

import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, F, Prefetch, Value, When
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import capfirst
from reversion.models import Version
from reversion_compare.admin import CompareVersionAdmin

from audit.models import Event, record
from people.models import Person
from reviews.admin_import import import_view
from reviews.conflicts import Conflict
from reviews.diffing import diff_html, diff_text
from reviews.models import Byline, Correction, Mention, Review, SlugRedirect, Topic
from reviews.models.review import WORDS_PER_MINUTE
from reviews.models.workflow import is_editor, local_time
from reviews.preview import make_token

logger = logging.getLogger("reviews.workflow")

WORKFLOW_BUTTONS = ("_submit", "_publish", "_schedule", "_withdraw")


class ReviewForm(forms.ModelForm):
    schedule_for = forms.SplitDateTimeField(
        required=False,
        label="Publish at",
        help_text="For “Schedule”: the date and time the piece goes public.",
        widget=admin.widgets.AdminSplitDateTime,
    )

    conflict = None  # a Conflict when the piece was saved meanwhile

    class Meta:
        model = Review
        fields = "__all__"
        widgets = {
            "lock_token": forms.HiddenInput,
            # Headlines run to 300 characters: the box spans the form (desk.css).
            "headline": forms.TextInput(attrs={"class": "vTextField piece-headline"}),
        }

    def clean(self):
        cleaned = super().clean()
        stored = (
            # The admin saves inside a transaction, so this lock holds until the save.
            Review.objects.select_for_update(of=("self",))
            .select_related("last_edited_by__person")
            .filter(pk=self.instance.pk)
            .first()
        )
        if stored and stored.lock_token != cleaned.get("lock_token"):
            mine = {**self.data.dict(), **cleaned}
            labels = {name: f.label or name for name, f in self.fields.items()}
            self.conflict = Conflict(saved=stored, mine=mine, labels=labels)
            # The form comes back holding the saved version's token: having read
            # it, the editor's next save is a deliberate one and goes through.
            self.data = self.data.copy()
            self.data[self.add_prefix("lock_token")] = str(stored.lock_token)
            raise ValidationError(self.conflict.message, code="edit_conflict")
        return cleaned


class BylineInline(admin.TabularInline):
    model = Byline
    fields = ["person", "order"]
    autocomplete_fields = ["person"]
    extra = 1


class CorrectionInline(admin.StackedInline):
    model = Correction
    fields = ["date", "text"]
    extra = 0
    classes = ["collapse"]


class MentionInline(admin.TabularInline):
    model = Mention
    fields = ["person", "organisation", "film", "wrong", "added_by_editor"]
    readonly_fields = ["added_by_editor"]
    autocomplete_fields = ["person", "organisation", "film"]
    extra = 0
    verbose_name_plural = (
        "mentions (found in the body on every save; add what the scan missed, "
        "tick “wrong match” for what it should not link)"
    )


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


def without_lock_token(message):
    """The admin's change message without the lock token, which no one edits."""
    label = capfirst(Review._meta.get_field("lock_token").verbose_name)
    parts = []
    for part in message if isinstance(message, list) else []:
        if "changed" in part:
            fields = [name for name in part["changed"]["fields"] if name != label]
            if not fields:
                continue
            part = {**part, "changed": {**part["changed"], "fields": fields}}
        parts.append(part)
    return parts if isinstance(message, list) else message


@admin.register(Review)
class ReviewAdmin(CompareVersionAdmin):
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
                    "featured",
                    "preview_link",
                    "last_saved",
                    "lock_token",
                ],
                "classes": ["publish-box"],
            },
        ),
        (
            None,
            {"fields": ["kind", "headline", "slug", "standfirst", "body", "length"]},
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
    object_history_template = "admin/reviews/review/object_history.html"

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
        if is_editor(request.user):
            return fieldsets
        hidden = {"featured", "schedule_for"}
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

    def revision_view(self, request, object_id, version_id, extra_context=None):
        if not self.has_restore_permission(request):
            raise PermissionDenied
        response = super().revision_view(request, object_id, version_id, extra_context)
        if request.method == "POST" and response.status_code == 302:
            version = Version.objects.get(pk=version_id)
            record(
                Event.Action.RESTORED,
                self.get_object(request, object_id),
                by=request.user,
                message=f"Restored the version of "
                f"{local_time(version.revision.date_created)} by {request.user}",
            )
        return response

    def recoverlist_view(self, request, extra_context=None):
        if not self.has_restore_permission(request):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not self.has_restore_permission(request):
            raise PermissionDenied
        response = super().recover_view(request, version_id, extra_context)
        if request.method == "POST" and response.status_code == 302:
            version = Version.objects.get(pk=version_id)
            piece = Review.objects.filter(pk=version.object_id).first()
            if piece is not None:
                piece.return_to_draft(
                    request.user,
                    Event.Action.RECOVERED,
                    f"Recovered as a draft by {request.user}",
                )
        return response

    def log_change(self, request, obj, message):
        # A workflow step's comment ("Submitted by …") says more in the history
        # than the list of fields that reversion's admin would put in its place.
        step = reversion.get_comment() if reversion.is_active() else ""
        entry = super().log_change(request, obj, without_lock_token(message))
        if step:
            reversion.set_comment(step)
        return entry

    def history_view(self, request, object_id, extra_context=None):
        piece = self.get_object(request, unquote(object_id))
        events = Event.objects.for_object(piece) if piece else Event.objects.none()
        return super().history_view(
            request, object_id, {"events": events, **(extra_context or {})}
        )

    # The compare page shows what an editor wrote, not what the system keeps.
    compare_template = "admin/reviews/review/compare.html"
    compare_exclude = [
        "lock_token",
        "updated_at",
        "created_at",
        "preview_key",
        "status",
        "publish_at",
        "first_published_at",
        "last_edited_by",
        "created_by",
        "hero_width",
        "hero_height",
    ]

    def compare_body(self, obj_compare):
        return diff_html(obj_compare.value1, obj_compare.value2)

    def compare_CharField(self, obj_compare):
        return diff_text(*obj_compare.to_string())

    compare_TextField = compare_CharField

    def compare_view(self, request, object_id, extra_context=None):
        piece = self.get_object(request, unquote(object_id))
        if piece is None or not self.has_view_or_change_permission(request, piece):
            raise PermissionDenied
        return super().compare_view(request, object_id, extra_context)

    def revoke_preview_view(self, request, object_id):
        """POST from the piece's form: every preview link given out stops working."""
        piece = self.get_object(request, unquote(object_id))
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if piece is None or not self.has_publish_permission(request):
            raise PermissionDenied
        piece.revoke_previews(by=request.user)
        self.message_user(
            request,
            "The old preview links no longer work; the piece has a new one.",
            messages.SUCCESS,
        )
        return redirect(reverse("admin:reviews_review_change", args=[piece.pk]))

    def delete_model(self, request, obj):
        self._log_deletion(request, [obj])
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        self._log_deletion(request, queryset)
        super().delete_queryset(request, queryset)

    def _log_deletion(self, request, pieces):
        for piece in pieces:
            record(
                Event.Action.DELETED,
                piece,
                by=request.user,
                message=f"Deleted by {request.user}",
            )

    def render_change_form(self, request, context, add=False, change=False, **kwargs):
        piece = context.get("original")
        editor = is_editor(request.user)
        editable = piece is None or piece.can_edit(request.user)
        status = piece.status if piece else Review.Status.DRAFT
        context.update(
            can_submit=editable and status in ("draft", "withdrawn"),
            can_publish=editor and not (piece and piece.is_public),
            can_withdraw=editor and status == "published",
            can_revoke_preview=editor and piece is not None,
        )
        return super().render_change_form(request, context, add, change, **kwargs)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.last_edited_by = request.user
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if formset.model is not Mention:
            return super().save_formset(request, form, formset, change)
        # The scan on save may have just found what the editor adds: update, not insert.
        for mention in formset.save(commit=False):
            if mention.pk:
                mention.save()
                continue
            kind, _ = mention.key
            Mention.objects.update_or_create(
                review=form.instance,
                **{kind: mention.entity},
                defaults={"added_by_editor": True, "wrong": mention.wrong},
            )
        for mention in formset.deleted_objects:
            mention.delete()
        return None

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # After bylines and corrections, so the workflow sees the whole piece.
        self._apply_workflow_button(request, form.instance, form.cleaned_data)

    def response_change(self, request, obj):
        if any(button in request.POST for button in WORKFLOW_BUTTONS):
            # Stay on the piece, whose status just changed (or was refused).
            return self.response_post_save_change(request, obj)
        return super().response_change(request, obj)

    def _apply_workflow_button(self, request, piece, cleaned_data):
        """Run the step the user pressed; the model decides whether it is allowed."""
        button = next((b for b in WORKFLOW_BUTTONS if b in request.POST), None)
        if button is None:
            return
        schedule_for = cleaned_data.get("schedule_for")
        if button == "_schedule" and (
            schedule_for is None or schedule_for <= timezone.now()
        ):
            self.message_user(
                request,
                "To schedule, give a date and time in the future under “Publish at”.",
                messages.ERROR,
            )
            return
        try:
            if button == "_submit":
                piece.submit(by=request.user)
            elif button == "_withdraw":
                piece.withdraw(by=request.user)
            else:
                piece.publish(by=request.user, at=schedule_for)
        except ValidationError as error:
            logger.warning(
                "Refused %s of piece %s by %s: %s",
                button.strip("_"),
                piece.pk,
                request.user,
                "; ".join(error.messages),
            )
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return
        self.message_user(request, f"“{piece}”: {obj_state(piece)}.", messages.SUCCESS)

    @admin.action(description="Publish selected pieces now", permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._bulk(request, queryset, "publish")

    @admin.action(description="Withdraw selected pieces", permissions=["publish"])
    def withdraw_selected(self, request, queryset):
        self._bulk(request, queryset, "withdraw")

    def _bulk(self, request, queryset, step):
        done = 0
        for piece in queryset:
            try:
                getattr(piece, step)(by=request.user)
                done += 1
            except ValidationError as error:
                self.message_user(
                    request, f"“{piece}”: {' '.join(error.messages)}", messages.WARNING
                )
        if done:
            self.message_user(request, f"{step.capitalize()}ed {done} piece(s).")

    @admin.display(description="Status", ordering="status")
    def status_label(self, obj):
        return obj_state(obj)

    @admin.display(description="Bylines")
    def byline_names(self, obj):
        return ", ".join(str(b.person) for b in obj.bylines.all())

    @admin.display(description="Status")
    def workflow_state(self, obj):
        return obj_state(obj) if obj.pk else "Draft (not saved yet)"

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


def obj_state(piece):
    if piece.is_scheduled:
        return f"Scheduled for {local_time(piece.publish_at)}"
    return piece.get_status_display()


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(SlugRedirect)
class SlugRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "review"]
    search_fields = ["old_slug", "review__headline"]
    autocomplete_fields = ["review"]
