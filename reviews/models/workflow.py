"""The editorial workflow: who may move a piece from one status to another."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

PUBLISH_PERMISSION = "reviews.publish_review"


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


def is_editor(user):
    return user.has_perm(PUBLISH_PERMISSION)


class WorkflowMixin:
    """`submit`, `publish` and `withdraw` enforce the rules whoever calls them."""

    def can_edit(self, user):
        """Editors edit anything; writers their own pieces until they are published."""
        if is_editor(user):
            return True
        return (
            user.has_perm("reviews.change_review")
            and (self.pk is None or self.created_by_id == user.pk)
            and self.status != Status.PUBLISHED
        )

    def submit(self, by):
        if self.status not in (Status.DRAFT, Status.WITHDRAWN):
            raise ValidationError(
                f"Only a draft can be submitted for review; this piece is "
                f"{self.get_status_display().lower()}."
            )
        if not self.can_edit(by):
            raise ValidationError("You can submit only your own pieces for review.")
        self.status = Status.IN_REVIEW
        self.save()

    def publish(self, by, at=None):
        """Publish now, or at `at` when it lies in the future (scheduling)."""
        if not is_editor(by):
            raise ValidationError("Only editors can publish or schedule pieces.")
        if self.is_public:
            raise ValidationError("This piece is already published.")
        if self.kind == self.Kind.REVIEW and self.film_id is None:
            raise ValidationError("Choose the film under review before publishing.")
        if not self.body:
            raise ValidationError("A piece needs a body before it is published.")
        now = timezone.now()
        at = at or now
        self.status = Status.PUBLISHED
        self.publish_at = at
        if self.first_published_at is None or self.first_published_at > now:
            self.first_published_at = at
        self.save()

    def withdraw(self, by):
        if not is_editor(by):
            raise ValidationError("Only editors can withdraw pieces.")
        if self.status != Status.PUBLISHED:
            raise ValidationError(
                "Only a published or scheduled piece can be withdrawn."
            )
        self.status = Status.WITHDRAWN
        self.save()

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
