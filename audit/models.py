"""The audit log: who changed the state of what, and when, kept apart from content history."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models


class EventQuerySet(models.QuerySet):
    def for_object(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(
                obj, for_concrete_model=False
            ),
            object_id=str(obj.pk),
        )


class Event(models.Model):
    """One step that changed what readers see or what exists: never edited, never deleted."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", "Submitted"
        PUBLISHED = "published", "Published"
        SCHEDULED = "scheduled", "Scheduled"
        WITHDRAWN = "withdrawn", "Withdrawn"
        RESTORED = "restored", "Restored an earlier version"
        RECOVERED = "recovered", "Recovered after deletion"
        DELETED = "deleted", "Deleted"
        MERGED = "merged", "Merged"
        IMPORTED = "imported", "Imported"
        PREVIEW_REVOKED = "preview_revoked", "Revoked preview links"
        COMMENTED = "commented", "Commented"
        RESOLVED = "resolved", "Resolved a comment"

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The user name as it was, so the log still reads after an account is deleted.
    actor_name = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=20, choices=Action)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(max_length=300)
    message = models.TextField(blank=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "-at"])]
        get_latest_by = "at"

    def __str__(self):
        return f"{self.get_action_display()}: {self.object_repr}"


def record(action, obj, by=None, message=""):
    """Write one event for `obj`, done by the user `by` (None: a command or the system)."""
    return Event.objects.create(
        action=action,
        actor=by if by is not None and by.pk else None,
        actor_name=by.get_username() if by is not None and by.pk else "",
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        message=message,
    )
