"""The piece form on the desk: who else is editing, autosave, comments and
the live preview.

The desk sits above `reviews`, so it extends the pieces' admin here rather than
`reviews/admin/` reaching up into the desk.
"""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect
from django.urls import path, reverse

from desk import autosave, presence
from desk.live_preview import LivePreview
from desk.models import BEAT
from desk.piece_comments import PieceComments
from reviews.admin.pieces import ReviewAdmin

AUTOSAVE_EVERY = 60  # seconds


class PieceAdmin(LivePreview, PieceComments, ReviewAdmin):
    class Media:
        js = ["js/piece-live.js", "js/live-preview.js"]

    def get_urls(self):
        own = [
            path(
                "<path:object_id>/presence/",
                self.admin_site.admin_view(self.presence_view),
                name="reviews_review_presence",
            ),
            path(
                "<path:object_id>/autosave/",
                self.admin_site.admin_view(self.autosave_view),
                name="reviews_review_autosave",
            ),
            path(
                "<path:object_id>/autosave/discard/",
                self.admin_site.admin_view(self.discard_view),
                name="reviews_review_autosave_discard",
            ),
        ]
        return [
            *own,
            *self.comment_urls(),
            *self.live_preview_urls(),
            *super().get_urls(),
        ]

    def _editable_piece(self, request, object_id):
        """The piece behind a POST from its form, if this person may edit it."""
        piece = self.get_object(request, unquote(object_id))
        if piece is None:
            raise Http404("No such piece.")
        if not self.has_change_permission(request, piece):
            raise PermissionDenied
        return piece

    def presence_view(self, request, object_id):
        """The form's heartbeat: this person still has the piece open."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        piece = self._editable_piece(request, object_id)
        return JsonResponse({"editing": presence.beat(piece, request.user)})

    def autosave_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        piece = self._editable_piece(request, object_id)
        try:
            done = autosave.autosave(piece, request.user, request.POST)
        except ValidationError as error:
            return JsonResponse({"message": " ".join(error.messages)}, status=400)
        return JsonResponse(
            {
                "status": done.status,
                "message": done.message,
                "lock_token": done.lock_token,
            }
        )

    def discard_view(self, request, object_id):
        """A button in the piece form: forget the kept text."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        piece = self._editable_piece(request, object_id)
        autosave.discard(piece, request.user)
        messages.success(request, "Your unsaved changes are discarded.")
        return redirect(reverse("admin:reviews_review_change", args=[piece.pk]))

    def _restoring(self, request):
        return request.method == "GET" and "restore" in request.GET

    def get_object(self, request, object_id, from_field=None):
        piece = super().get_object(request, object_id, from_field)
        restoring = piece is not None and self._restoring(request)
        if restoring and (kept := autosave.kept_text(piece, request.user)):
            autosave.restore(piece, kept)
        return piece

    def render_change_form(self, request, context, add=False, change=False, **kwargs):
        piece = context.get("original")
        if piece is not None and self.has_change_permission(request, piece):
            if request.method == "GET":
                editing = presence.beat(piece, request.user)
            else:
                editing = presence.editing_now(piece, request.user)
            kept = autosave.kept_text(piece, request.user)
            context.update(
                editing_now=editing,
                kept_text=kept,
                restored=kept is not None and self._restoring(request),
                beat_seconds=int(BEAT.total_seconds()),
                autosave_seconds=AUTOSAVE_EVERY,
                **self.comments_context(request, piece, context),
                **self.live_preview_context(request, piece, context),
            )
        return super().render_change_form(request, context, add, change, **kwargs)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change:
            autosave.discard(obj, request.user)  # what it kept is now saved
