"""A piece's history at the desk: its versions, comparing and restoring them,
recovering a deleted piece, and the audit trail beside them."""

import reversion
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.utils.text import capfirst
from reversion.models import Version

from audit.models import Event, record
from reviews.diffing import diff_html, diff_text
from reviews.models import Review
from reviews.models.workflow import local_time


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


def is_restoring(context):
    """Whether a change form's context is of a version being restored or a
    deleted piece being recovered, rather than of the piece itself."""
    return bool(context.get("revert") or context.get("recover"))


class PieceHistory:
    """For a `CompareVersionAdmin` of pieces: restoring is for editors
    (`has_restore_permission`), and every restore, recovery and deletion is
    an audit event."""

    object_history_template = "admin/reviews/review/object_history.html"

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
