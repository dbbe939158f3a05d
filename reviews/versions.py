"""Which saves of a piece the history keeps: a version only for a saved change.

django-reversion records a version on every save. A save that changes nothing an
editor wrote (same text, same bylines and corrections, same publication state) is
dropped again before the transaction commits, unless it carries a workflow step's
comment. Only the comparison leaves out the internal fields; the versions still
hold them, so restoring and recovering work as before.
"""

from django.contrib.contenttypes.models import ContentType
from django.dispatch import receiver
from reversion.models import Version
from reversion.signals import post_revision_commit

from audit.models import Event
from reviews.models import Byline, Correction, Review

# These change on every save, even one that changes nothing an editor wrote.
INTERNAL_FIELDS = frozenset(
    {"id", "lock_token", "updated_at", "preview_key", "last_edited_by_id"}
)
PARTS = (Byline, Correction)


def content(version, versions):
    """What an editor wrote in `version`, with its bylines and corrections in the
    same revision, in a form that compares equal when nothing changed."""
    fields = {
        name: value
        for name, value in version.field_dict.items()
        if name not in INTERNAL_FIELDS
    }
    parts = sorted(
        (part._model.__name__, sorted(_own_fields(part).items()))
        for part in versions
        if part._model in PARTS
        and str(part.field_dict["review_id"]) == version.object_id
    )
    return fields, repr(parts)


def _own_fields(part):
    return {k: str(v) for k, v in part.field_dict.items() if k not in INTERNAL_FIELDS}


def _is_unchanged(version, versions):
    previous = (
        Version.objects.get_for_object_reference(Review, version.object_id)
        .exclude(revision=version.revision)
        .select_related("revision")
        .first()
    )
    if previous is None:
        return False
    earlier = list(previous.revision.version_set.all())
    return content(version, versions) == content(previous, earlier)


@receiver(post_revision_commit)
def drop_unchanged_revision(sender, revision, versions, **kwargs):
    pieces = [version for version in versions if version._model is Review]
    parts = [version for version in versions if version._model in PARTS]
    ids = {version.object_id for version in pieces}
    if not pieces or len(pieces) + len(parts) != len(versions):
        return  # Not only pieces: not ours to judge.
    if any(str(part.field_dict["review_id"]) not in ids for part in parts):
        return
    # A workflow step always shows in the history, even when nothing else changed.
    steps = Event.objects.filter(
        content_type=ContentType.objects.get_for_model(Review), object_id__in=ids
    )
    if revision.comment and steps.filter(message=revision.comment).exists():
        return
    if all(_is_unchanged(version, versions) for version in pieces):
        revision.delete()
