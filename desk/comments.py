"""Comments on a piece at the desk: who may comment, the forms, and the steps
(start a thread, answer it, resolve it). Each step is an audit event of the
piece, so it stands in the piece's history and mails the people the piece
concerns (desk/notifications.py)."""

import re

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator

from audit.models import Event, record
from desk.models import Comment
from desk.presence import name_of
from reviews.sanitising import plain_text

# The body's blocks of text, as the sanitiser writes them: paragraphs (in lists,
# quotes and tables too) and subheadings, none of which holds another.
TEXT_BLOCK = re.compile(r"<(p|h2|h3)\b[^>]*>(.*?)</\1>", re.S)
MAX_LENGTH = Comment._meta.get_field("text").max_length


def may_comment(piece, user):
    """Editors comment on any piece, writers on those they can edit."""
    return piece.pk is not None and piece.can_edit(user)


def paragraphs(body):
    """The text of each paragraph and subheading of a sanitised body, in order."""
    texts = (plain_text(inner) for _, inner in TEXT_BLOCK.findall(body or ""))
    return [text for text in texts if text]


def opening_words(text):
    return Truncator(text).chars(60)


class AnswerForm(forms.Form):
    text = forms.CharField(
        label="Answer",
        max_length=MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class CommentForm(AnswerForm):
    place = forms.ChoiceField(label="On")

    field_order = ["place", "text"]

    def __init__(self, piece, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = "Comment"
        self.paragraphs = paragraphs(piece.body)
        body = [
            (f"body:{number}", f"Paragraph {number}: {opening_words(text)}")
            for number, text in enumerate(self.paragraphs, start=1)
        ]
        fields = [
            (place.value, place.label)
            for place in Comment.Place
            if place != Comment.Place.BODY
        ]
        self.fields["place"].choices = [*fields, ("Body", body)] if body else fields

    def where(self):
        """The comment's place, its paragraph's number and opening words."""
        place = self.cleaned_data["place"]
        if not place.startswith("body:"):
            return {"place": place}
        number = int(place.removeprefix("body:"))
        return {
            "place": Comment.Place.BODY,
            "paragraph": number,
            "quoted": opening_words(self.paragraphs[number - 1]),
        }


def start_thread(piece, by, text, **where):
    comment = Comment(piece=piece, author=by, author_name=name_of(by), text=text)
    for name, value in where.items():
        setattr(comment, name, value)
    message = f"{name_of(by)} commented on {comment.where}: {text}"
    return _step(comment, by, Event.Action.COMMENTED, message)


def answer(thread, by, text):
    """An answer; to a resolved thread, it opens the thread again."""
    comment = Comment(
        piece=thread.piece,
        thread=thread,
        place=thread.place,
        paragraph=thread.paragraph,
        quoted=thread.quoted,
        author=by,
        author_name=name_of(by),
        text=text,
    )
    with transaction.atomic():
        if thread.resolved_at:
            thread.resolved_at, thread.resolved_by_name = None, ""
            thread.save(update_fields=["resolved_at", "resolved_by_name"])
        message = f"{name_of(by)} answered on {thread.where}: {text}"
        return _step(comment, by, Event.Action.COMMENTED, message)


def resolve(thread, by):
    thread.resolved_at = timezone.now()
    thread.resolved_by_name = name_of(by)
    message = f"{name_of(by)} resolved the comment on {thread.where}"
    return _step(thread, by, Event.Action.RESOLVED, message)


def _step(comment, by, action, message):
    with transaction.atomic():
        comment.save()
        record(action, comment.piece, by=by, message=message)
    return comment
