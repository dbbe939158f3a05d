"""The piece form's live preview: the piece as readers will see it, beside the
form, redrawn from what the writer has typed (static/js/live-preview.js). What
is typed is never saved here, and no version is kept: only the form's Save does
that. Each person turns it on or off for themselves."""

from django import forms
from django.conf import settings
from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.urls import path
from django.utils.csp import CSP
from django.views.decorators.clickjacking import xframe_options_sameorigin

from desk.models import UserSettings
from reviews.admin.history import is_restoring
from reviews.figures import own_words_only
from reviews.models import Review
from reviews.rendering import linked_body
from reviews.sanitising import sanitise
from reviews.views import preview_of

# The readers' policy, framed by the desk only.
FRAMED_CSP = {**settings.SECURE_CSP, "frame-ancestors": [CSP.SELF]}


def _field(name, **options):
    return Review._meta.get_field(name).formfield(**options)


class TypedPiece(forms.Form):
    """The fields the preview redraws, as the piece form posts them; half-typed
    is fine (a piece without a headline yet)."""

    kind = _field("kind")
    headline = _field("headline", required=False)
    standfirst = _field("standfirst")
    body = forms.CharField(required=False, strip=False)
    rating = _field("rating")
    verdict = _field("verdict")


class LivePreview:
    """For the desk's `PieceAdmin`, whose `_editable_piece` refuses a person who
    may not edit the piece."""

    def live_preview_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "live-preview/",
                view(self.live_preview_setting_view),
                name="reviews_review_live_preview_setting",
            ),
            path(
                "<path:object_id>/live-preview/",
                view(self.live_preview_view),
                name="reviews_review_live_preview",
            ),
        ]

    def live_preview_view(self, request, object_id):
        """GET: the piece as saved. POST: as the form holds it, saved or not."""
        if request.method not in ("GET", "POST"):
            return HttpResponseNotAllowed(["GET", "POST"])
        piece = self._editable_piece(request, object_id)
        if request.method == "POST":
            # What the form did not send stays as saved.
            saved = {name: getattr(piece, name) for name in TypedPiece.base_fields}
            typed = TypedPiece({**saved, **request.POST.dict()})
            if not typed.is_valid():
                problems = [
                    f"{typed[name].label}: {' '.join(errors)}"
                    for name, errors in typed.errors.items()
                ]
                return HttpResponse(
                    f"No preview: {' '.join(problems)}",
                    status=400,
                    content_type="text/plain; charset=utf-8",
                )
            # The saved piece's share image: one drawn for each headline typed
            # would fill the storage with cards nobody shares.
            saved_share_image = piece.share_image
            for name, value in typed.cleaned_data.items():
                setattr(piece, name, value)
            piece.share_image = saved_share_image
            piece.body = sanitise(own_words_only(sanitise(piece.body)))
            piece.body_html = linked_body(piece)
        response = xframe_options_sameorigin(preview_of)(request, piece)
        response._csp_config = FRAMED_CSP
        return response

    def live_preview_setting_view(self, request):
        """The form's "Live preview" button: on or off, for this person."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_change_permission(request):
            return JsonResponse({"message": "You cannot edit pieces."}, status=403)
        shown = request.POST.get("shown") == "1"
        UserSettings.objects.update_or_create(
            user=request.user, defaults={"live_preview": shown}
        )
        return JsonResponse({"shown": shown})

    def live_preview_context(self, request, piece, context):
        if is_restoring(context):
            return {}
        return {"live_preview": UserSettings.wants_live_preview(request.user)}
