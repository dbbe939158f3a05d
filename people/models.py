import reversion
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from django_countries.fields import CountryField

from images.cards import card
from images.paths import logo_path, portrait_path
from images.sharing import uploaded_image
from images.uploads import CleanImageField
from people.describing import excerpt, filmography_phrase, in_sentence, join_names
from people.identifiers import identifier_constraints, imdb_field, wikidata_field
from people.naming import split_names, unique_slug
from people.validators import in_order, year_in_range, year_validators
from web.addresses import slug_url

ALSO_KNOWN_AS_HELP = "Other names, one per line, in any script."


class ValidatedModel(models.Model):
    """Runs full validation on every save, so code gets the admin's errors."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.full_clean()
        super().save(*args, **kwargs)


class SluggedModel(ValidatedModel):
    """Fills an empty slug from `slug_source()`: readable in any script, unique."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.slug_source())
        super().save(*args, **kwargs)

    def slug_source(self):
        return self.name


class AliasesMixin:
    """For models with an `also_known_as` field: its names as a list."""

    @property
    def aliases(self):
        return split_names(self.also_known_as)


class NamedQuerySet(models.QuerySet):
    def matching_name(self, name):
        """Rows whose name or one of whose other names is `name`, ignoring case."""
        name = name.strip()
        return self.filter(Q(name__iexact=name) | Q(also_known_as__icontains=name))


@reversion.register()
class Person(AliasesMixin, SluggedModel):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True, allow_unicode=True, blank=True)
    sort_name = models.CharField(
        max_length=200,
        blank=True,
        help_text="How lists sort this person, e.g. 'Fayyad, Feras'. "
        "Left empty, it is the last word of the name first.",
    )
    also_known_as = models.TextField(blank=True, help_text=ALSO_KNOWN_AS_HELP)
    bio = models.TextField("biography", blank=True)
    birth_year = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=year_validators
    )
    death_year = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=year_validators
    )
    wikidata_id = wikidata_field()
    imdb_id = imdb_field("nm", "nm0000001")
    portrait = CleanImageField(
        upload_to=portrait_path,
        blank=True,
        width_field="portrait_width",
        height_field="portrait_height",
    )
    portrait_width = models.PositiveIntegerField(null=True, editable=False)
    portrait_height = models.PositiveIntegerField(null=True, editable=False)
    portrait_alt = models.CharField("portrait alt text", max_length=300, blank=True)
    portrait_credit = models.CharField(max_length=200, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
        verbose_name="login account",
        help_text="The contributor's account, so bylines and the desk know who is who.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = NamedQuerySet.as_manager()

    class Meta:
        ordering = ["sort_name", "name"]
        verbose_name_plural = "people"
        constraints = [
            models.CheckConstraint(
                condition=year_in_range("birth_year"), name="person_birth_year_range"
            ),
            models.CheckConstraint(
                condition=year_in_range("death_year"), name="person_death_year_range"
            ),
            in_order(
                "birth_year",
                "death_year",
                "person_death_after_birth",
                "The year of death is before the year of birth.",
            ),
            *identifier_constraints("person", "nm", "person"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.sort_name:
            *given, last = self.name.split() or [""]
            self.sort_name = f"{last}, {' '.join(given)}" if given else last
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("people:person", self.slug)

    @property
    def years(self):
        """'1984–', '1920–2001' or '' when unknown."""
        if not self.birth_year:
            return ""
        return f"{self.birth_year}–{self.death_year or ''}"

    @property
    def summary(self):
        """The bio's opening, else what they did ('Feras Fayyad: director of …'),
        from prefetched credits (with their films) and affiliations."""
        if self.bio.strip():
            return excerpt(self.bio)
        facts = filmography_phrase(self.credits.all()) or join_names(
            f"{affiliation.role} with {affiliation.organisation}"
            if affiliation.role
            else f"member of {affiliation.organisation}"
            for affiliation in self.affiliations.all()
        )
        if not facts:
            return f"{self.name} on {settings.SITE_NAME}: films, pieces and mentions."
        return excerpt(f"{self.name}: {facts}.")

    @cached_property
    def share_image(self):
        """What a shared link shows: the portrait, else a card with the name."""
        if self.portrait:
            return uploaded_image(
                self.portrait,
                self.portrait_width,
                self.portrait_height,
                self.portrait_alt or self.name,
            )
        return card(
            f"person-{self.pk}", self.name, kicker="Person", subtitle=self.years
        )


@reversion.register()
class Organisation(AliasesMixin, SluggedModel):
    class Kind(models.TextChoices):
        NGO = "ngo", "NGO"
        MEDIA_COLLECTIVE = "media_collective", "Media collective"
        PRODUCTION_COMPANY = "production_company", "Production company"
        DISTRIBUTOR = "distributor", "Distributor"
        FESTIVAL = "festival", "Festival"
        BROADCASTER = "broadcaster", "Broadcaster"
        PUBLISHER = "publisher", "Publisher"
        AWARDING_BODY = "awarding_body", "Awarding body"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True, allow_unicode=True, blank=True)
    kind = models.CharField(max_length=30, choices=Kind, default=Kind.OTHER)
    also_known_as = models.TextField(blank=True, help_text=ALSO_KNOWN_AS_HELP)
    founded = models.PositiveSmallIntegerField(
        "founded in", null=True, blank=True, validators=year_validators
    )
    country = CountryField(blank=True)
    description = models.TextField(blank=True)
    website = models.URLField(blank=True)
    logo = CleanImageField(
        upload_to=logo_path,
        blank=True,
        width_field="logo_width",
        height_field="logo_height",
    )
    logo_width = models.PositiveIntegerField(null=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, editable=False)
    logo_alt = models.CharField(
        "logo alt text",
        max_length=300,
        blank=True,
        help_text="What the logo says, if not just the name.",
    )
    wikidata_id = wikidata_field()
    imdb_id = imdb_field("co", "co0000001")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = NamedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=year_in_range("founded"), name="organisation_founded_range"
            ),
            *identifier_constraints("organisation", "co", "organisation"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("people:organisation", self.slug)

    @property
    def summary(self):
        """The description's opening, else its kind and credits ('The White
        Helmets: NGO founded in 2013; subject of …'), from prefetched credits
        (with their films) and awards presented."""
        if self.description.strip():
            return excerpt(self.description)
        credits = filmography_phrase(self.credits.all())
        kind = in_sentence(self.get_kind_display())
        # 'Larm Film: production company of …' says the kind already.
        if self.kind == self.Kind.OTHER or credits.startswith(kind):
            kind = ""
        founded = f"founded in {self.founded}" if self.founded else ""
        awards = join_names(award.name for award in self.awards_presented.all())
        facts = [
            f"{kind} {founded}".strip(),
            credits,
            f"presents the {awards}" if awards else "",
        ]
        if not any(facts):
            return f"{self.name} on {settings.SITE_NAME}: films, members and mentions."
        return excerpt(f"{self.name}: {'; '.join(fact for fact in facts if fact)}.")

    @cached_property
    def share_image(self):
        """What a shared link shows: the logo, else a card with the name and kind."""
        if self.logo:
            return uploaded_image(
                self.logo,
                self.logo_width,
                self.logo_height,
                self.logo_alt or f"Logo of {self.name}",
            )
        return card(
            f"organisation-{self.pk}", self.name, kicker=self.get_kind_display()
        )


class Affiliation(ValidatedModel):
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="affiliations"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="affiliations"
    )
    role = models.CharField(max_length=200, blank=True, help_text="e.g. volunteer")
    start_year = models.PositiveSmallIntegerField(
        "from", null=True, blank=True, validators=year_validators
    )
    end_year = models.PositiveSmallIntegerField(
        "to", null=True, blank=True, validators=year_validators
    )

    class Meta:
        ordering = ["organisation__name", "start_year"]
        constraints = [
            models.CheckConstraint(
                condition=year_in_range("start_year"), name="affiliation_start_range"
            ),
            models.CheckConstraint(
                condition=year_in_range("end_year"), name="affiliation_end_range"
            ),
            in_order(
                "start_year",
                "end_year",
                "affiliation_ends_after_start",
                "An affiliation cannot end before it starts.",
            ),
            models.UniqueConstraint(
                fields=["person", "organisation", "role"],
                name="affiliation_unique",
                violation_error_message="This affiliation is recorded already.",
            ),
        ]

    def __str__(self):
        role = f" ({self.role})" if self.role else ""
        return f"{self.person} — {self.organisation}{role}"
