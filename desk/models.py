import zoneinfo
from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone


def time_zone_choices():
    """Place names ('Europe/Berlin'), not legacy abbreviations ('CET')."""
    names = {z for z in zoneinfo.available_timezones() if "/" in z}
    names |= {"UTC", settings.TIME_ZONE}
    return [(name, name.replace("_", " ")) for name in sorted(names)]


def default_time_zone():
    return settings.TIME_ZONE


class UserSettings(models.Model):
    """What one person on the desk prefers; a row appears when they first save it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="desk_settings"
    )
    time_zone = models.CharField(
        max_length=64,
        choices=time_zone_choices,
        default=default_time_zone,
        help_text="Times on the desk and in the piece forms are shown in this zone.",
    )
    # The piece form's live preview, shown beside it (desk/live_preview.py).
    live_preview = models.BooleanField(default=False)

    class Meta:
        verbose_name = verbose_name_plural = "user settings"

    def __str__(self):
        return f"Settings of {self.user}"

    @classmethod
    def wants_live_preview(cls, user):
        return cls.objects.filter(user=user, live_preview=True).exists()

    @classmethod
    def time_zone_of(cls, user):
        stored = cls.objects.filter(user=user).values_list("time_zone", flat=True)
        return stored.first() or settings.TIME_ZONE


# The piece form beats every BEAT; after two missed beats the editor has gone.
BEAT = timedelta(seconds=30)
GONE_AFTER = 2 * BEAT + timedelta(seconds=15)


class PresenceQuerySet(models.QuerySet):
    def current(self):
        return self.filter(seen_at__gte=timezone.now() - GONE_AFTER)

    def beat(self, user, piece):
        """`user` still has `piece` open; a return after a gap starts a new stay."""
        now = timezone.now()
        with transaction.atomic():
            self.filter(piece=piece, seen_at__lt=now - GONE_AFTER).delete()
            stay, created = self.get_or_create(
                user=user, piece=piece, defaults={"since": now, "seen_at": now}
            )
            if not created:
                self.filter(pk=stay.pk).update(seen_at=now)
        return stay

    def others_on(self, piece, user):
        """Who else has `piece` open, earliest first."""
        return (
            self.current()
            .filter(piece=piece)
            .exclude(user=user)
            .select_related("user__person")
            .order_by("since")
        )


class Presence(models.Model):
    """Someone has a piece open in the desk: kept in the database, so every app
    server sees the same, and forgotten when the beats stop."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    piece = models.ForeignKey(
        "reviews.Review", on_delete=models.CASCADE, related_name="+"
    )
    since = models.DateTimeField()
    seen_at = models.DateTimeField()

    objects = PresenceQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "piece"], name="one_stay_per_piece")
        ]

    def __str__(self):
        return f"{self.user} on {self.piece_id} since {self.since}"


class KeptText(models.Model):
    """What autosave kept of one person's unsaved changes to a public piece: the
    piece stays as readers see it until that person saves (or discards this)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    piece = models.ForeignKey(
        "reviews.Review", on_delete=models.CASCADE, related_name="+"
    )
    text = models.JSONField()
    saved_at = models.DateTimeField()

    class Meta:
        verbose_name = verbose_name_plural = "kept text"
        constraints = [
            models.UniqueConstraint(fields=["user", "piece"], name="one_kept_text")
        ]

    def __str__(self):
        return f"Unsaved changes of {self.user} to {self.piece_id}"


class CommentQuerySet(models.QuerySet):
    def threads_on(self, piece):
        """The threads on `piece`, oldest first, each with its answers in
        `answers_in_order`: one query."""
        comments = list(self.filter(piece=piece).order_by("created_at", "pk"))
        threads = [comment for comment in comments if comment.thread_id is None]
        by_pk = {thread.pk: thread for thread in threads}
        for thread in threads:
            thread.answers_in_order = []
        for comment in comments:
            if comment.thread_id in by_pk:
                by_pk[comment.thread_id].answers_in_order.append(comment)
        return threads


class Comment(models.Model):
    """A remark at the desk on a piece or on one of its fields; answers hang
    under the comment that starts their thread. Never shown to readers."""

    class Place(models.TextChoices):
        PIECE = "piece", "The piece as a whole"
        HEADLINE = "headline", "Headline"
        STANDFIRST = "standfirst", "Standfirst"
        BODY = "body", "Body"

    piece = models.ForeignKey(
        "reviews.Review", on_delete=models.CASCADE, related_name="+"
    )
    thread = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="answers",
        help_text="The comment this one answers; empty for one that starts a thread.",
    )
    place = models.CharField(max_length=20, choices=Place, default=Place.PIECE)
    # For a paragraph of the body: its number and opening words when the comment
    # was made, so the thread still says what it was about after the body changes.
    paragraph = models.PositiveSmallIntegerField(null=True, blank=True)
    quoted = models.CharField(max_length=200, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The name as it was, so the thread still reads after an account is deleted.
    author_name = models.CharField(max_length=150)
    text = models.TextField(max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by_name = models.CharField(max_length=150, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(place="body") | models.Q(paragraph__isnull=False),
                name="comment_on_the_body_names_its_paragraph",
            )
        ]

    def __str__(self):
        return f"{self.author_name} on {self.where}"

    @property
    def where(self):
        """'the headline', 'paragraph 3 (“Khaled drives…”)', 'the piece'."""
        if self.place == self.Place.BODY:
            return f"paragraph {self.paragraph} (“{self.quoted}”)"
        if self.place == self.Place.PIECE:
            return "the piece"
        return f"the {self.get_place_display().lower()}"
