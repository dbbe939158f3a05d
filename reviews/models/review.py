import math
import uuid
from decimal import Decimal

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.functional import cached_property
from django_prose_editor.fields import ProseEditorField

from audit.models import Event, record
from films.models import Film
from images.cards import card
from images.paths import hero_path
from images.sharing import uploaded_image
from images.uploads import CleanImageField
from people.describing import excerpt, join_names
from people.models import Organisation, Person, ValidatedModel
from people.naming import unique_slug
from reviews.models.furniture import Furniture, furnish, is_current
from reviews.models.mention import Mention
from reviews.models.topic import Topic
from reviews.models.workflow import WORKFLOW_FIELDS, Status, WorkflowMixin, is_editor
from reviews.name_index import update_mentions
from reviews.rendering import linked_body
from reviews.sanitising import EDITOR_EXTENSIONS, plain_text, running_text, sanitise
from web.addresses import slug_url
from web.pages import changed, tag

RATINGS = [Decimal(half) / 2 for half in range(1, 11)]
WORDS_PER_MINUTE = 230
# The same words whoever holds the address: the piece may be one the writer
# cannot see, or a withdrawn piece whose old address still sends readers on.
ADDRESS_TAKEN = "This address is taken: choose another."


def rating_label(rating):
    return f"{rating.normalize():f} out of 5"


def _public():
    return Q(status=Status.PUBLISHED, publish_at__lte=timezone.now())


def _contributed_by(user):
    """Pieces `user` started or is bylined on: a co-byline makes a co-author."""
    bylined = Byline.objects.filter(person__user=user.pk).values("review")
    return Q(created_by=user.pk) | Q(pk__in=bylined)


class ReviewQuerySet(models.QuerySet):
    def public(self):
        """The one rule for every public surface: published, and its time has come."""
        return self.filter(_public())

    def visible_to(self, user):
        """What `user` may open at the desk: see `Review.can_view`."""
        if is_editor(user):
            return self
        if not user.has_perm("reviews.view_review"):
            return self.none()
        return self.filter(_public() | _contributed_by(user))

    def scheduled(self):
        return self.filter(status=Status.PUBLISHED, publish_at__gt=timezone.now())

    def for_cards(self):
        """What a list of pieces shows, in a fixed number of queries: the
        bylines come stored with each piece (`Review.furniture`)."""
        return self.select_related("film")

    def of(self, user):
        """Pieces `user` started or is bylined on."""
        return self.filter(_contributed_by(user))

    def drafts_of(self, user):
        """`user`'s pieces that are not out: drafts, in review, withdrawn."""
        unpublished = [Status.DRAFT, Status.IN_REVIEW, Status.WITHDRAWN]
        return self.of(user).filter(status__in=unpublished)

    def in_review(self):
        return self.filter(status=Status.IN_REVIEW)

    def withdrawn(self):
        return self.filter(status=Status.WITHDRAWN)

    def published_since(self, when):
        return self.public().filter(publish_at__gte=when)

    def store_furniture(self, refresh_pages=True):
        """Store what these pieces show around their text and, if
        `refresh_pages`, refresh the pages that show them. Five queries and the
        updates, however many pieces."""
        with transaction.atomic():
            pieces = list(
                # Locked: two changes to one piece's bylines store in turn, the
                # second seeing the first's (PostgreSQL).
                self.select_for_update()
                .only("pk")
                .prefetch_related("bylines__person", "topics", "corrections")
            )
            for piece in pieces:
                piece.stored_furniture = furnish(piece)
            Review.objects.bulk_update(pieces, ["stored_furniture"], batch_size=500)
        if refresh_pages:
            changed(*(tag(Review, piece.pk) for piece in pieces))

    def page_tags(self, own=True):
        """Tags of the pages that show these pieces (web.pages): those of their
        films, people, organisations and topics, and, if `own`, their own
        pages and the lists. Five queries, however many pieces."""
        ids = list(self.values_list("pk", flat=True))
        tags = {tag(Review), *(tag(Review, pk) for pk in ids)} if own else set()
        films = Review.objects.filter(pk__in=ids, film__isnull=False)
        tags.update(tag(Film, pk) for pk in films.values_list("film", flat=True))
        linked = {
            Review.other_films.through: (Film, "film"),
            Review.topics.through: (Topic, "topic"),
            Byline: (Person, "person"),
        }
        for model, (target, field) in linked.items():
            pks = model.objects.filter(review__in=ids).values_list(field, flat=True)
            tags.update(tag(target, pk) for pk in pks)
        mentions = Mention.objects.filter(review__in=ids, wrong=False)
        for row in mentions.values("person", "organisation", "film"):
            kind, pk = next((kind, pk) for kind, pk in row.items() if pk)
            tags.add(f"{kind}-{pk}")
        return tags


# body_html and stored_furniture are derived from what a version keeps, and
# stored again on restore.
@reversion.register(
    follow=["bylines", "corrections"], exclude=["body_html", "stored_furniture"]
)
class Review(WorkflowMixin, ValidatedModel):
    Status = Status

    class Kind(models.TextChoices):
        REVIEW = "review", "Review"
        FEATURE = "feature", "Feature"
        INTERVIEW = "interview", "Interview"
        NEWS = "news", "News"

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
    featured = models.BooleanField(
        default=False, help_text="Shown first on the home page."
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
            # Featured first on the home page. Not a partial index: SQLite cannot
            # match one against a bound parameter.
            models.Index(
                fields=["featured", "status", "-publish_at", "-id"],
                name="review_featured_idx",
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
        old_address = SlugRedirect.objects.filter(old_slug=self.slug)
        if self.slug and old_address.exclude(review=self.pk).exists():
            raise ValidationError({"slug": ADDRESS_TAKEN})

    def save(self, *args, **kwargs):
        self.body = sanitise(self.body)
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

    def get_absolute_url(self):
        return slug_url("reviews:detail", self.slug)

    @property
    def shown_to_readers(self):
        """Whether saving this piece changes what readers see beyond its own page."""
        return self.is_public or getattr(self, "_was_public", False)

    def pages_showing(self):
        """Tags of the pages that show this piece besides its own (web.pages)."""
        return Review.objects.filter(pk=self.pk).page_tags(own=False)

    def render_body(self):
        """Store the body as readers get it: after a save, a change to its
        mentions or a change to a mentioned name or address."""
        self.body_html = linked_body(self)
        # An update, not a save: no version, no new lock token, no second scan.
        Review.objects.filter(pk=self.pk).update(body_html=self.body_html)

    def revoke_previews(self, by):
        """Draw a new preview key: links given out so far stop working."""
        self.preview_key = uuid.uuid4()
        # An update, not a save: content is unchanged, so no version and no new
        # lock token that would refuse the editor's open form.
        Review.objects.filter(pk=self.pk).update(preview_key=self.preview_key)
        record(
            Event.Action.PREVIEW_REVOKED,
            self,
            by=by,
            message=f"Preview links revoked by {by}",
        )

    @property
    def word_count(self):
        return len(plain_text(self.body).split())

    @property
    def reading_minutes(self):
        return max(1, math.ceil(self.word_count / WORDS_PER_MINUTE))

    @property
    def is_updated(self):
        """Edited noticeably after it first went out."""
        return bool(
            self.first_published_at
            and (self.updated_at - self.first_published_at).total_seconds() > 3600
        )

    @property
    def summary(self):
        """The SEO description, else the standfirst, else the body's opening
        sentences, else who wrote what on which film."""
        if self.seo_description.strip():
            return self.seo_description.strip()
        for text in (self.standfirst, running_text(self.body)):
            if text.strip():
                return excerpt(text)
        authors = join_names(self.furniture.author_names)
        facts = [
            self.get_kind_display(),
            f"of {self.film}" if self.film else "",
            f"by {authors}" if authors else "",
        ]
        return excerpt(f"{' '.join(fact for fact in facts if fact)}: {self.headline}.")

    @cached_property
    def furniture(self):
        """Its stored bylines, topics and corrections; stored first if they
        never were (a piece written around the model, by `bulk_create` or SQL)
        or if a deploy changed what is stored."""
        if not is_current(self.stored_furniture):
            # What readers see is unchanged: no stored page showed this piece
            # without it, and those of an older release are not served.
            Review.objects.filter(pk=self.pk).store_furniture(refresh_pages=False)
            self.refresh_from_db(fields=["stored_furniture"])
        return Furniture.from_stored(self.stored_furniture)

    def more_on_the_film(self, count=3):
        """Up to `count` other public pieces on this piece's film, newest first."""
        if not self.film_id:
            return []
        # Through the film, so each piece comes with it (no join, no query);
        # without the bodies, which a card does not show.
        others = (
            self.film.reviews.public().exclude(pk=self.pk).defer("body", "body_html")
        )
        return list(others[:count])

    @cached_property
    def share_image(self):
        """What a shared link shows: the hero image, else the film's poster, else a
        card with the headline, the film and the stars."""
        if self.hero_image:
            return uploaded_image(
                self.hero_image, self.hero_width, self.hero_height, self.hero_alt
            )
        if self.film and self.film.poster:
            return self.film.poster_image()
        return card(
            f"piece-{self.pk}",
            self.headline,
            kicker=self.get_kind_display(),
            subtitle=str(self.film) if self.film else "",
            rating=self.rating,
        )


@reversion.register()
class Byline(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="bylines")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="bylines")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "person"],
                name="byline_unique",
                violation_error_message="This writer is on the byline already.",
            )
        ]

    def __str__(self):
        return str(self.person)


@reversion.register()
class Correction(models.Model):
    review = models.ForeignKey(
        Review, on_delete=models.CASCADE, related_name="corrections"
    )
    date = models.DateField(default=timezone.localdate)
    text = models.TextField()

    class Meta:
        ordering = ["date", "pk"]

    def __str__(self):
        return f"Correction of {self.date:%d %B %Y}"


class SlugRedirect(models.Model):
    """An address a published piece used to have, sent on to its new one."""

    old_slug = models.SlugField(max_length=100, unique=True, allow_unicode=True)
    review = models.ForeignKey(
        Review, on_delete=models.CASCADE, related_name="old_slugs"
    )

    def __str__(self):
        return self.old_slug

    @classmethod
    def taken(cls, slug):
        return cls.objects.filter(old_slug=slug).exists()


@receiver(pre_save, sender=Review)
def keep_publication_state(sender, instance, raw, **kwargs):
    """Restoring a version (a raw save of old data) brings back the content only:
    whether and when the piece is public stays as the workflow left it, and
    preview links revoked since stay revoked."""
    if not raw:
        return
    kept = (*WORKFLOW_FIELDS, "preview_key")
    stored = Review.objects.filter(pk=instance.pk).values(*kept).first()
    for name, value in (stored or {}).items():
        setattr(instance, name, value)
