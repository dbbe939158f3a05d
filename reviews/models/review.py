import uuid
from decimal import Decimal

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django_prose_editor.fields import ProseEditorField

from films.models import Film
from images.paths import hero_path
from images.uploads import CleanImageField
from people.models import Organisation, Person, ValidatedModel
from people.naming import unique_slug
from reviews.figures import own_words_only
from reviews.models.addresses import ADDRESS_TAKEN, SlugRedirect
from reviews.models.checks import ChecksMixin, unready_images
from reviews.models.presentation import PresentationMixin
from reviews.models.queries import ReviewQuerySet
from reviews.models.topic import Topic
from reviews.models.workflow import Status, WorkflowMixin
from reviews.name_index import update_mentions
from reviews.sanitising import EDITOR_EXTENSIONS, sanitise

RATINGS = [Decimal(half) / 2 for half in range(1, 11)]


def rating_label(rating):
    return f"{rating.normalize():f} out of 5"


# body_html and stored_furniture are derived from what a version keeps, and
# stored again on restore.
@reversion.register(
    follow=["bylines", "corrections"], exclude=["body_html", "stored_furniture"]
)
class Review(WorkflowMixin, ChecksMixin, PresentationMixin, ValidatedModel):
    Status = Status

    class Kind(models.TextChoices):
        REVIEW = "review", "Review"
        FEATURE = "feature", "Feature"
        INTERVIEW = "interview", "Interview"
        NEWS = "news", "News"

        @property
        def plural(self):
            """For a section of one kind: 'Reviews', 'News'."""
            return self.label if self is self.NEWS else f"{self.label}s"

    kind = models.CharField(max_length=20, choices=Kind, default=Kind.REVIEW)
    headline = models.CharField(max_length=300)
    slug = models.SlugField(
        max_length=100,
        unique=True,
        allow_unicode=True,
        blank=True,
        help_text="Changing it on a published piece sends the old address on here.",
        error_messages={"unique": ADDRESS_TAKEN},
    )
    standfirst = models.TextField(
        blank=True, help_text="The summary under the headline."
    )
    body = ProseEditorField(
        config={"extensions": EDITOR_EXTENSIONS}, sanitize=sanitise, blank=True
    )
    # For the editor alone, never on a public page (reviews/importing/keeping.py).
    left_out_on_import = models.TextField(
        "left out on import",
        blank=True,
        help_text="What the import could not keep, a sentence each. Deal with each "
        "in the body, then empty this box.",
    )
    # The body as readers get it, mentions linked: rendered when the body, its
    # mentions or a mentioned name change, so no reader request pays for it.
    body_html = models.TextField(blank=True, editable=False)
    # Its bylines, topics and corrections as readers get them, stored likewise
    # (reviews/models/furniture.py); read through `furniture`.
    stored_furniture = models.JSONField(default=dict, editable=False)
    film = models.ForeignKey(
        Film,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviews",
        help_text="The film under review; optional for features.",
    )
    other_films = models.ManyToManyField(
        Film,
        blank=True,
        related_name="discussed_in",
        verbose_name="other films discussed",
    )
    rating = models.DecimalField(
        max_digits=2,
        decimal_places=1,
        null=True,
        blank=True,
        choices=[(r, rating_label(r)) for r in RATINGS],
    )
    verdict = models.CharField(max_length=300, blank=True)
    authors = models.ManyToManyField(
        Person, through="Byline", related_name="pieces_written", blank=True
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="pieces")
    mentioned_people = models.ManyToManyField(
        Person,
        through="Mention",
        through_fields=("review", "person"),
        related_name="mentioned_in",
        blank=True,
    )
    mentioned_organisations = models.ManyToManyField(
        Organisation,
        through="Mention",
        through_fields=("review", "organisation"),
        related_name="mentioned_in",
        blank=True,
    )
    mentioned_films = models.ManyToManyField(
        Film,
        through="Mention",
        through_fields=("review", "film"),
        related_name="mentioned_in",
        blank=True,
    )
    hero_image = CleanImageField(
        upload_to=hero_path,
        blank=True,
        width_field="hero_width",
        height_field="hero_height",
    )
    hero_width = models.PositiveIntegerField(null=True, editable=False)
    hero_height = models.PositiveIntegerField(null=True, editable=False)
    hero_alt = models.CharField(
        "hero image alt text",
        max_length=300,
        blank=True,
        help_text="What the image shows, for readers who cannot see it.",
    )
    hero_caption = models.CharField(max_length=300, blank=True)
    hero_credit = models.CharField(max_length=200, blank=True)
    seo_title = models.CharField("SEO title", max_length=70, blank=True)
    seo_description = models.CharField("SEO description", max_length=160, blank=True)
    status = models.CharField(
        max_length=20, choices=Status, default=Status.DRAFT, editable=False
    )
    publish_at = models.DateTimeField(null=True, blank=True, editable=False)
    first_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    last_edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    # Part of every preview link: drawing a new one revokes the links given out.
    preview_key = models.UUIDField(default=uuid.uuid4, editable=False)
    # Optimistic locking: every save draws a new token; a save from a copy that
    # holds an older token is refused. Random rather than a counter, so restoring
    # an old revision cannot bring back a token that a stale copy still holds.
    lock_token = models.UUIDField(default=uuid.uuid4)

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-publish_at", "-pk"]
        verbose_name = "piece"
        permissions = [("publish_review", "Can publish, schedule and withdraw pieces")]
        # Public lists: status, then newest first, read straight off the index.
        indexes = [
            models.Index(fields=["status", "-publish_at", "-id"]),
            # The home page's section of each kind, the archive by kind.
            models.Index(
                fields=["kind", "status", "-publish_at", "-id"],
                name="review_kind_public_idx",
            ),
            # A film's pieces, newest first (its page, "more on this film").
            # Both end in the lists' whole order (-publish_at, -id), or SQLite
            # prefers the first index and walks every public piece by date.
            models.Index(
                fields=["film", "status", "-publish_at", "-id"],
                name="review_film_public_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__in=RATINGS),
                name="review_rating_on_scale",
                violation_error_message="A rating is 0.5 to 5 in half steps.",
            ),
            models.CheckConstraint(
                condition=Q(hero_image="") | ~Q(hero_alt=""),
                name="review_hero_has_alt_text",
                violation_error_message="Describe the hero image in its alt text.",
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.PUBLISHED) | Q(publish_at__isnull=False),
                name="review_published_has_time",
            ),
        ]

    def __str__(self):
        return self.headline

    def clean(self):
        if self.hero_image and not self.hero_alt.strip():
            raise ValidationError(
                {"hero_alt": "Describe the hero image for readers who cannot see it."}
            )
        if self.status == Status.PUBLISHED and (
            unready := unready_images(sanitise(self.body))
        ):
            raise ValidationError({"body": unready})
        old_address = SlugRedirect.objects.filter(old_slug=self.slug)
        if self.slug and old_address.exclude(review=self.pk).exists():
            raise ValidationError({"slug": ADDRESS_TAKEN})

    def save(self, *args, **kwargs):
        self.body = sanitise(own_words_only(sanitise(self.body)))
        if not self.slug:
            self.slug = unique_slug(self, self.headline, taken=SlugRedirect.taken)
        # Every save keeps a version, joining the admin's revision when there is one.
        with transaction.atomic(), reversion.create_revision():
            if self.pk:
                self._claim_lock_and_keep_old_address()
            super().save(*args, **kwargs)
            update_mentions(self)
            self.render_body()

    def _claim_lock_and_keep_old_address(self):
        stored = (
            Review.objects.select_for_update()
            .filter(pk=self.pk)
            .values("lock_token", "slug", "first_published_at", "status", "publish_at")
            .first()
        )
        if stored is None:
            return
        self._was_public = Review(
            status=stored["status"], publish_at=stored["publish_at"]
        ).is_public
        if stored["lock_token"] != self.lock_token:
            raise ValidationError(
                "Someone else saved this piece while you were editing it.",
                code="edit_conflict",
            )
        self.lock_token = uuid.uuid4()
        if stored["slug"] != self.slug and stored["first_published_at"]:
            SlugRedirect.objects.update_or_create(
                old_slug=stored["slug"], defaults={"review": self}
            )
        # Back at one of its own old addresses: that address is live again.
        SlugRedirect.objects.filter(old_slug=self.slug, review=self).delete()
