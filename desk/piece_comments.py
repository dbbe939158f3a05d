"""The comments under the piece form: its threads, a form to start one, and
the answer and resolve buttons, each a POST that comes back to the form. The
rules are in desk/comments.py; this only asks them and says what happened."""

from django.contrib import messages
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import path, reverse

from desk import comments
from desk.models import Comment
from reviews.admin.history import is_restoring


class PieceComments:
    """For the desk's `PieceAdmin`, whose `_editable_piece` refuses a person who
    may not edit (and so not comment on) the piece."""

    def comment_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/comments/",
                view(self.comment_view),
                name="reviews_review_comment",
            ),
            path(
                "<path:object_id>/comments/<int:thread_id>/answer/",
                view(self.answer_view),
                name="reviews_review_comment_answer",
            ),
            path(
                "<path:object_id>/comments/<int:thread_id>/resolve/",
                view(self.resolve_view),
                name="reviews_review_comment_resolve",
            ),
        ]

    def comments_context(self, request, piece, context):
        if is_restoring(context) or not comments.may_comment(piece, request.user):
            return {}
        threads = Comment.objects.threads_on(piece)
        return {
            "open_threads": [t for t in threads if t.resolved_at is None],
            "resolved_threads": [t for t in threads if t.resolved_at is not None],
            "comment_form": comments.CommentForm(piece, auto_id="id_comment_%s"),
            "comment_max_length": comments.MAX_LENGTH,
        }

    def comment_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        piece = self._editable_piece(request, object_id)
        form = comments.CommentForm(piece, request.POST)
        if not form.is_valid():
            return self._back(request, piece, form)
        comments.start_thread(
            piece, request.user, form.cleaned_data["text"], **form.where()
        )
        return self._back(request, piece, done="Your comment is added.")

    def answer_view(self, request, object_id, thread_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        piece = self._editable_piece(request, object_id)
        thread = self._thread(piece, thread_id)
        form = comments.AnswerForm(request.POST)
        if not form.is_valid():
            return self._back(request, piece, form)
        comments.answer(thread, request.user, form.cleaned_data["text"])
        return self._back(request, piece, done="Your answer is added.")

    def resolve_view(self, request, object_id, thread_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        piece = self._editable_piece(request, object_id)
        thread = self._thread(piece, thread_id)
        if thread.resolved_at is None:
            comments.resolve(thread, request.user)
        return self._back(
            request, piece, done=f"The comment on {thread.where} is resolved."
        )

    def _thread(self, piece, thread_id):
        thread = Comment.objects.filter(pk=thread_id, piece=piece, thread=None).first()
        if thread is None:
            raise Http404("No such comment on this piece.")
        thread.piece = piece
        return thread

    def _back(self, request, piece, form=None, done=""):
        """To the piece's comments, saying what was done or what was wrong."""
        if form is not None:
            problems = [
                f"{form[name].label}: {' '.join(errors)}"
                for name, errors in form.errors.items()
            ]
            text = form.data.get("text", "").strip()
            kept = f" What you wrote: “{text}”" if text else ""
            messages.error(
                request, f"The comment is not added. {' '.join(problems)}{kept}"
            )
        else:
            messages.success(request, done)
        url = reverse("admin:reviews_review_change", args=[piece.pk])
        return redirect(f"{url}#comments")
