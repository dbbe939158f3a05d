"""Autosave: what someone writes is kept every minute or so, and never goes public
unasked.

A piece readers cannot see (draft, in review, withdrawn) is saved as it stands;
the history keeps a version only when the text changed (reviews/versions.py). A
published or scheduled piece stays as it is: the text is kept for its writer
(KeptText), and the piece form offers to restore it. So is the text of a draft
that someone else saved meanwhile, which saving the form then shows side by side.
"""

from dataclasses import dataclass

import reversion
from django.core.exceptions import ValidationError
from django.forms import modelform_factory
from django.utils import timezone

from desk.models import KeptText
from desk.presence import clock_time, name_of
from reviews.conflicts import TEXT_FIELDS
from reviews.models import Review
from reviews.sanitising import sanitise


@dataclass
class Autosaved:
    status: str  # "saved", "kept" or "unchanged"
    message: str = ""
    lock_token: str = ""  # the draft's new token, for the open form


def _unchanged(piece, text):
    """`text` is what `piece` holds already (the body as saving would clean it)."""
    if "body" in text:
        text = {**text, "body": sanitise(text["body"])}
    return all(getattr(piece, name) == value for name, value in text.items())


def autosave(piece, user, data):
    """Keep the text fields found in `data` of `piece` for `user`."""
    names = [name for name in TEXT_FIELDS if name in data]
    form = modelform_factory(Review, fields=names)(data, instance=Review(pk=piece.pk))
    if not form.is_valid():
        problems = (f"{form[n].label}: {' '.join(e)}" for n, e in form.errors.items())
        raise ValidationError(f"Not saved automatically. {'; '.join(problems)}")
    text = {name: form.cleaned_data[name] for name in names}
    if not text or _unchanged(piece, text):
        discard(piece, user)  # back to what is saved: nothing left to keep
        return Autosaved("unchanged")
    now = timezone.now()
    if piece.status == Review.Status.PUBLISHED:
        _keep(piece, user, text, now)
        return Autosaved(
            "kept",
            f"Changes kept for you at {clock_time(now)}. Readers see them only "
            "when you save.",
        )
    if data.get("lock_token") != str(piece.lock_token):
        _keep(piece, user, text, now)
        return Autosaved("kept", _conflict_message(piece, now))
    for name, value in text.items():
        setattr(piece, name, value)
    piece.last_edited_by = user
    try:
        with reversion.create_revision():
            reversion.set_user(user)
            reversion.set_comment("Autosaved")
            piece.save()
    except ValidationError:  # saved by someone else a moment ago
        piece.refresh_from_db()
        _keep(piece, user, text, now)
        return Autosaved("kept", _conflict_message(piece, now))
    return Autosaved(
        "saved", f"Draft saved at {clock_time(now)}.", str(piece.lock_token)
    )


def _keep(piece, user, text, now):
    KeptText.objects.update_or_create(
        user=user, piece=piece, defaults={"text": text, "saved_at": now}
    )


def _conflict_message(piece, now):
    who = name_of(piece.last_edited_by) if piece.last_edited_by else "Someone else"
    return (
        f"{who} saved this piece at {clock_time(piece.updated_at)}: your text is kept "
        f"for you ({clock_time(now)}). Save to see both versions side by side."
    )


def kept_text(piece, user):
    return KeptText.objects.filter(piece=piece, user=user).first()


def restore(piece, kept):
    """Put the kept text back into `piece` (in memory: the form shows it to save)."""
    for name, value in kept.text.items():
        if name in TEXT_FIELDS:
            setattr(piece, name, value)


def discard(piece, user):
    KeptText.objects.filter(piece=piece, user=user).delete()
