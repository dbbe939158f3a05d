"""The piece form's workflow buttons (submit, publish, schedule, withdraw), the
list's bulk actions and revoking preview links. The model decides what is
allowed (reviews/models/workflow.py); this only asks it and says what it did."""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst

from reviews.admin.history import is_restoring
from reviews.models import Review
from reviews.models.workflow import is_editor, local_time

logger = logging.getLogger("reviews.workflow")

WORKFLOW_BUTTONS = ("_submit", "_publish", "_schedule", "_withdraw")


def checks_panel(piece):
    """The piece form's "Before publishing" panel: each check with the label of
    the field it concerns, and what search results and shared links show."""
    labelled = [
        (capfirst(piece._meta.get_field(check.field).verbose_name), check)
        if check.field
        else ("", check)
        for check in piece.publishing_checks()
    ]
    address = f"{settings.SITE_URL}{piece.get_absolute_url()}"
    return {
        "errors": [item for item in labelled if item[1].is_error],
        "warnings": [item for item in labelled if not item[1].is_error],
        "address": address,
        "host": urlsplit(address).netloc,
        "page_title": piece.page_title,
        "card_title": piece.seo_title or piece.headline,
        "description": piece.summary,
        "image": piece.share_image,
        "is_public": piece.is_public,
    }


def obj_state(piece):
    if piece.is_scheduled:
        return f"Scheduled for {local_time(piece.publish_at)}"
    return piece.get_status_display()


class PieceWorkflow:
    """For a `ModelAdmin` of pieces whose `has_publish_permission` says who
    publishes."""

    def render_change_form(self, request, context, add=False, change=False, **kwargs):
        piece = context.get("original")
        editor = is_editor(request.user)
        editable = piece is None or piece.can_edit(request.user)
        status = piece.status if piece else Review.Status.DRAFT
        if piece is not None and not is_restoring(context):
            # A refused save leaves the form's values on `piece`: check the saved one.
            saved = (
                Review.objects.get(pk=piece.pk) if request.method == "POST" else piece
            )
            context["checks"] = checks_panel(saved)
        context.update(
            can_submit=editable and status in ("draft", "withdrawn"),
            can_publish=editor and not (piece and piece.is_public),
            can_withdraw=editor and status == "published",
            can_revoke_preview=editor and piece is not None,
        )
        return super().render_change_form(request, context, add, change, **kwargs)

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

    @admin.display(description="Status", ordering="status")
    def status_label(self, obj):
        return obj_state(obj)

    @admin.display(description="Status")
    def workflow_state(self, obj):
        return obj_state(obj) if obj.pk else "Draft (not saved yet)"
