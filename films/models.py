from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Prefetch, Q, Subquery
from django.utils.functional import cached_property
from django_countries.fields import CountryField

from images.cards import card
from images.paths import poster_path
from images.sharing import uploaded_image
from images.uploads import CleanImageField
from people.describing import excerpt, in_sentence, join_names
from people.identifiers import identifier_constraints, imdb_field, wikidata_field
from people.models import (
    AliasesMixin,
    Organisation,
    Person,
    SluggedModel,
    ValidatedModel,
)
from people.validators import year_in_range, year_validators
from web.addresses import slug_url
from web.grouping import by_year


class Genre(SluggedModel):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True, allow_unicode=True, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


def _public_pieces_about(films):
    """Public pieces whose film is one of `films` (an OuterRef or a queryset):
    through the reverse relation, as the pieces live in the reviews app above,
    with its one visibility rule."""
    pieces = Film._meta.get_field("reviews").related_model.objects.public()
    return pieces.filter(film=films)


class FilmQuerySet(models.QuerySet):
    def for_index(self):
        """What the film index shows of each film, in one query more: its
        directors, as `directors` (`Film.listed_image` names them)."""
        directors = Credit.objects.filter(role=Credit.Role.DIRECTOR)
        return self.prefetch_related(
            Prefetch("credits", directors.select_related("person"), to_attr="directors")
        )

    def made_in(self, country):
        """Films one of whose countries is `country` (a two-letter code): the
        codes are stored joined by commas, so two letters match only a code."""
        return self.filter(countries__contains=country)

    def reviewed(self):
        """Films with a public review or other piece of their own."""
        return self.filter(Exists(_public_pieces_about(OuterRef("pk"))))

    def sorted_by(self, order):
        """By 'title', 'year' (newest first) or 'newest-piece' (the films
        written about most recently first, then the rest by title)."""
        if order == "year":
            return self.order_by(F("year").desc(nulls_last=True), "title", "pk")
        if order == "newest-piece":
            newest = _public_pieces_about(OuterRef("pk")).order_by("-publish_at")
            return self.annotate(
                newest_piece_at=Subquery(newest.values("publish_at")[:1])
            ).order_by(F("newest_piece_at").desc(nulls_last=True), "title", "pk")
        return self.order_by("title", "year", "pk")

    def matching_title(self, title, year=None):
        """Films called `title` (or so known), in `year` when given."""
        title = title.strip()
        films = self.filter(
            Q(title__iexact=title)
            | Q(original_title__iexact=title)
            | Q(also_known_as__icontains=title)
        )
        return films.filter(year=year) if year else films


class Film(AliasesMixin, SluggedModel):
    class Kind(models.TextChoices):
        FEATURE = "feature", "Feature"
        DOCUMENTARY = "documentary", "Documentary"
        SHORT = "short", "Short"
        SHORT_DOCUMENTARY = "short_documentary", "Short documentary"
        SERIES = "series", "Series"

    title = models.CharField(max_length=300)
    original_title = models.CharField(max_length=300, blank=True)
    also_known_as = models.TextField(
        blank=True, help_text="Other titles, one per line, in any script."
    )
    slug = models.SlugField(max_length=100, unique=True, allow_unicode=True, blank=True)
    year = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=year_validators
    )
    release_date = models.DateField(null=True, blank=True)
    runtime_minutes = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1)]
    )
    countries = CountryField(multiple=True, blank=True)
    languages = models.CharField(
        max_length=300, blank=True, help_text="Comma-separated, e.g. 'Arabic, English'."
    )
    genres = models.ManyToManyField(Genre, blank=True, related_name="films")
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.FEATURE)
    synopsis = models.TextField(blank=True)
    poster = CleanImageField(
        upload_to=poster_path,
        blank=True,
        width_field="poster_width",
        height_field="poster_height",
    )
    poster_width = models.PositiveIntegerField(null=True, editable=False)
    poster_height = models.PositiveIntegerField(null=True, editable=False)
    poster_alt = models.CharField("poster alt text", max_length=300, blank=True)
    wikidata_id = wikidata_field()
    imdb_id = imdb_field("tt", "tt6333070")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # What a piece's page shows of the film's credits and awards, stored as a
    # piece's body is: rendered again when they change (films/boxes.py).
    box = models.JSONField(default=dict, blank=True, editable=False)

    objects = FilmQuerySet.as_manager()

    class Meta:
        ordering = ["title", "year"]
        constraints = [
            models.CheckConstraint(
                condition=year_in_range("year"), name="film_year_range"
            ),
            models.CheckConstraint(
                condition=Q(runtime_minutes__isnull=True) | Q(runtime_minutes__gt=0),
                name="film_runtime_positive",
            ),
            *identifier_constraints("film", "tt", "film"),
        ]

    def __str__(self):
        return f"{self.title} ({self.year})" if self.year else self.title

    def slug_source(self):
        return f"{self.title} {self.year}" if self.year else self.title

    def get_absolute_url(self):
        return slug_url("films:detail", self.slug)

    def credit_groups(self, roles=None):
        """[(role label, [credits])] in the order of Credit.Role, from prefetched credits."""
        roles = roles or Credit.Role.values
        groups = {role: [] for role in roles}
        for credit in self.credits.all():
            if credit.role in groups:
                groups[credit.role].append(credit)
        return [
            (Credit.Role(role).label, found) for role, found in groups.items() if found
        ]

    @property
    def key_credit_groups(self):
        """The credits a film box shows: who made it and who is in it."""
        return self.credit_groups(
            [
                Credit.Role.DIRECTOR,
                Credit.Role.CO_DIRECTOR,
                Credit.Role.CAST,
                Credit.Role.SUBJECT,
            ]
        )

    @property
    def director_names(self):
        """Names of the directors, from prefetched credits."""
        return [
            credit.display_name
            for credit in self.credits.all()
            if credit.role == Credit.Role.DIRECTOR
        ]

    @property
    def summary(self):
        """The synopsis's opening, else 'Last Men in Aleppo (2017): documentary
        directed by Feras Fayyad.', from prefetched credits."""
        if self.synopsis.strip():
            return excerpt(self.synopsis)
        made = in_sentence(self.get_kind_display())
        if directors := self.director_names:
            made = f"{made} directed by {join_names(directors)}"
        return excerpt(f"{self}: {made}.")

    def poster_image(self):
        return uploaded_image(
            self.poster,
            self.poster_width,
            self.poster_height,
            self.poster_alt or f"Poster of {self}",
        )

    @cached_property
    def share_image(self):
        """What a shared link shows: the poster, else a card with title and year."""
        return self.share_image_naming(self.director_names)

    @cached_property
    def listed_image(self):
        """The share image of a film in a list (the index, a filmography),
        which has its directors prefetched as `directors` (`for_index`) and
        not its other credits."""
        return self.share_image_naming(
            [credit.display_name for credit in self.directors]
        )

    def share_image_naming(self, director_names):
        """The share image, with `director_names` on a card."""
        if self.poster:
            return self.poster_image()
        directors = join_names(director_names)
        return card(
            f"film-{self.pk}",
            self.title,
            kicker=self.get_kind_display(),
            subtitle=" · ".join(
                part
                for part in (
                    str(self.year or ""),
                    f"Directed by {directors}" if directors else "",
                )
                if part
            ),
            colours_from=self.slug,
        )


class CreditQuerySet(models.QuerySet):
    def with_parties(self):
        """Credits ready to show: the person or organisation comes along."""
        return self.select_related("person", "organisation")


class Credit(ValidatedModel):
    class Role(models.TextChoices):
        DIRECTOR = "director", "Director"
        CO_DIRECTOR = "co_director", "Co-director"
        WRITER = "writer", "Writer"
        PRODUCER = "producer", "Producer"
        EXECUTIVE_PRODUCER = "executive_producer", "Executive producer"
        CINEMATOGRAPHER = "cinematographer", "Cinematographer"
        EDITOR = "editor", "Editor"
        COMPOSER = "composer", "Composer"
        CAST = "cast", "Cast"
        SUBJECT = "subject", "Subject"
        PRODUCTION_COMPANY = "production_company", "Production company"
        DISTRIBUTOR = "distributor", "Distributor"
        FOOTAGE_BY = "footage_by", "Footage by"

    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="credits")
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.CASCADE, related_name="credits"
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="credits",
    )
    role = models.CharField(max_length=30, choices=Role)
    character = models.CharField(max_length=200, blank=True)
    credited_as = models.CharField(max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    objects = CreditQuerySet.as_manager()

    class Meta:
        ordering = ["film", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False, organisation__isnull=True)
                | Q(person__isnull=True, organisation__isnull=False),
                name="credit_names_one_party",
                violation_error_message="A credit names a person or an organisation: "
                "exactly one of the two.",
            ),
            models.UniqueConstraint(
                fields=["film", "person", "role", "character"],
                condition=Q(person__isnull=False),
                name="credit_unique_person",
                violation_error_message="This person has this credit already.",
            ),
            models.UniqueConstraint(
                fields=["film", "organisation", "role", "character"],
                condition=Q(organisation__isnull=False),
                name="credit_unique_organisation",
                violation_error_message="This organisation has this credit already.",
            ),
        ]

    def __str__(self):
        return f"{self.party} — {self.get_role_display()} — {self.film}"

    @property
    def party(self):
        return self.person or self.organisation

    @property
    def display_name(self):
        return self.credited_as or str(self.party)

    @property
    def role_phrase(self):
        """How a sentence about the party names the role: 'director of'."""
        return (
            ROLE_PHRASES.get(self.role) or f"{in_sentence(self.get_role_display())} of"
        )


ROLE_PHRASES = {
    Credit.Role.CAST: "in the cast of",
    Credit.Role.FOOTAGE_BY: "footage for",
}


class Award(SluggedModel):
    name = models.CharField(max_length=300)
    slug = models.SlugField(max_length=100, unique=True, allow_unicode=True, blank=True)
    presenter = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="awards_presented"
    )
    # Also moved when one of its nominations is deleted (films/receivers.py).
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("films:award", self.slug)

    @property
    def summary(self):
        """'World Cinema Grand Jury Prize: Documentary, presented by Sundance
        Film Festival: 3 winners and nominees on file since 2017.', from the prefetched
        nominations."""
        nominations = self.nominations.all()
        about = f"{self.name}, presented by {self.presenter.name}"
        if not nominations:
            return f"{about}."
        first = min(nomination.year for nomination in nominations)
        count = len(nominations)
        return excerpt(
            f"{about}: {count} winner{'s' if count > 1 else ''} and nominee"
            f"{'s' if count > 1 else ''} on file since {first}."
        )

    def years(self):
        """[(year, edition, nominations: winners first)] newest year first, from
        the prefetched nominations."""
        years = by_year(
            self.nominations.all(),
            order=lambda n: (not n.won, n.category, n.film.title),
        )
        return [
            (year, next((n.edition for n in found if n.edition), ""), found)
            for year, found in years
        ]


class Nomination(ValidatedModel):
    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="nominations")
    award = models.ForeignKey(
        Award, on_delete=models.PROTECT, related_name="nominations"
    )
    category = models.CharField(max_length=300, blank=True)
    year = models.PositiveSmallIntegerField(validators=year_validators)
    edition = models.CharField(
        max_length=100, blank=True, help_text="e.g. 90th Academy Awards"
    )
    won = models.BooleanField(default=False)
    honourees = models.ManyToManyField(
        Person, blank=True, related_name="nominations", verbose_name="people honoured"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year", "award__name"]
        constraints = [
            models.CheckConstraint(
                condition=year_in_range("year"), name="nomination_year_range"
            ),
            models.UniqueConstraint(
                fields=["film", "award", "category", "year"],
                name="nomination_unique",
                violation_error_message="This nomination is recorded already.",
            ),
        ]

    def __str__(self):
        category = f": {self.category}" if self.category else ""
        return f"{self.award}{category} ({self.year}) — {self.film}"

    @property
    def outcome(self):
        return "Won" if self.won else "Nominated"

    @property
    def edition_names_presenter(self):
        """Whether the edition says who presents the award ("Sundance Film
        Festival 2017"), so that it stands for both."""
        presenter = self.award.presenter.name.casefold()
        return presenter in self.edition.casefold()
