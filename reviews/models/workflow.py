"""The editorial workflow: who may see a piece, and who may move it between statuses."""

import uuid

import reversion
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.formats import date_format

from audit.models import Event, record

PUBLISH_PERMISSION = "reviews.publish_review"
# Publication state: set by the workflow below, never by restoring a version.
WORKFLOW_FIELDS = ("status", "publish_at", "first_published_at")


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


def is_editor(user):
    return user.has_perm(PUBLISH_PERMISSION)


def local_time(moment):
    """'26 November 2026, 15:00' in the active time zone."""
    return date_format(timezone.localtime(moment), "j F Y, H:i")


class WorkflowMixin:
    """`submit`, `publish` and `withdraw` enforce the rules whoever calls them."""

    def can_view(self, user):
        """Editors see every piece; writers their own and what readers can see."""
        return (
            user.has_perm("reviews.view_review")
            or user.has_perm("reviews.change_review")
        ) and (is_editor(user) or self.is_public or self.is_by(user))

    def can_edit(self, user):
        """Editors edit anything; writers their own pieces until they are published."""
        if is_editor(user):
            return True
        return (
            user.has_perm("reviews.change_review")
            and (self.pk is None or self.is_by(user))
            and self.status != Status.PUBLISHED
        )

    def is_by(self, user):
        """Whether `user` started this piece or is on its byline: a writer who
        bylines a colleague makes them a co-author, with the same rights."""
        if self.pk is None:
            return False
        if self.created_by_id == user.pk:
            return True
        return self.bylines.filter(person__user=user.pk).exists()

    def submit(self, by):
        if self.status not in (Status.DRAFT, Status.WITHDRAWN):
            raise ValidationError(
                f"Only a draft can be submitted for review; this piece is "
                f"{self.get_status_display().lower()}."
            )
        if not self.can_edit(by):
            raise ValidationError("You can submit only your own pieces for review.")
        self.status = Status.IN_REVIEW
        self._record_step(Event.Action.SUBMITTED, by, f"Submitted by {by}")

    def publish(self, by, at=None):
        """Publish now, or at `at` when it lies in the future (scheduling)."""
        if not is_editor(by):
            raise ValidationError("Only editors can publish or schedule pieces.")
        if self.is_public:
            raise ValidationError("This piece is already published.")
        if errors := self.publishing_errors():
            raise ValidationError([error.message for error in errors])
        now = timezone.now()
        at = at or now
        self.status = Status.PUBLISHED
        self.publish_at = at
        if self.first_published_at is None or self.first_published_at > now:
            self.first_published_at = at
        if at > now:
            self._record_step(
                Event.Action.SCHEDULED,
                by,
                f"Scheduled for {local_time(at)} by {by}",
            )
        else:
            self._record_step(Event.Action.PUBLISHED, by, f"Published by {by}")

    def withdraw(self, by):
        if not is_editor(by):
            raise ValidationError("Only editors can withdraw pieces.")
        if self.status != Status.PUBLISHED:
            raise ValidationError(
                "Only a published or scheduled piece can be withdrawn."
            )
        self.status = Status.WITHDRAWN
        self._record_step(Event.Action.WITHDRAWN, by, f"Withdrawn by {by}")

    def return_to_draft(self, by, action, message):
        """After a recovery: the piece comes back as a draft, never straight to
        readers, and the preview links given out before its deletion stay dead."""
        if not is_editor(by):
            raise ValidationError("Only editors can recover pieces.")
        self.status = Status.DRAFT
        self.publish_at = None
        self.preview_key = uuid.uuid4()
        self._record_step(action, by, message)

    def revoke_previews(self, by):
        """Draw a new preview key: links given out so far stop working."""
        self.preview_key = uuid.uuid4()
        # An update, not a save: content is unchanged, so no version and no new
        # lock token that would refuse the editor's open form.
        type(self).objects.filter(pk=self.pk).update(preview_key=self.preview_key)
        record(
            Event.Action.PREVIEW_REVOKED,
            self,
            by=by,
            message=f"Preview links revoked by {by}",
        )

    def _record_step(self, action, by, message):
        """Save the new state as one version with a readable comment, and log it."""
        with transaction.atomic(), reversion.create_revision():
            reversion.set_user(by)
            reversion.set_comment(message)
            self.save()
            record(action, self, by=by, message=message)

    @property
    def is_public(self):
        return (
            self.status == Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= timezone.now()
        )

    @property
    def is_scheduled(self):
        return self.status == Status.PUBLISHED and not self.is_public

    @property
    def shown_to_readers(self):
        """Whether saving this piece changes what readers see beyond its own page."""
        return self.is_public or getattr(self, "_was_public", False)


@receiver(pre_save, sender="reviews.Review")
def keep_publication_state(sender, instance, raw, **kwargs):
    """Restoring a version (a raw save of old data) brings back the content only:
    whether and when the piece is public stays as the workflow left it, and
    preview links revoked since stay revoked."""
    if not raw:
        return
    kept = (*WORKFLOW_FIELDS, "preview_key")
    stored = sender.objects.filter(pk=instance.pk).values(*kept).first()
    for name, value in (stored or {}).items():
        setattr(instance, name, value)
