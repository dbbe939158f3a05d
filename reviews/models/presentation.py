"""A piece as readers get it: its address, its body rendered with its
mentions linked, what is stored around its text, its length, summary and
share image."""

import math

from django.conf import settings
from django.utils.functional import cached_property

from images.cards import card
from images.sharing import uploaded_image
from people.describing import excerpt, join_names
from reviews.models.furniture import Furniture, is_current
from reviews.rendering import linked_body
from reviews.sanitising import plain_text, running_text
from web.addresses import slug_url

WORDS_PER_MINUTE = 230


class PresentationMixin:
    def get_absolute_url(self):
        return slug_url("reviews:detail", self.slug)

    @property
    def page_title(self):
        """Its title in a browser's tab and in search results."""
        of_film = " — review" if self.film_id and self.kind == self.Kind.REVIEW else ""
        return f"{self.seo_title or self.headline}{of_film} · {settings.SITE_NAME}"

    def pages_showing(self):
        """Tags of the pages that show this piece besides its own (web.pages)."""
        return type(self).objects.filter(pk=self.pk).page_tags(own=False)

    def render_body(self):
        """Store the body as readers get it: after a save, a change to its
        mentions or a change to a mentioned name or address."""
        self.body_html = linked_body(self)
        # An update, not a save: no version, no new lock token, no second scan.
        type(self).objects.filter(pk=self.pk).update(body_html=self.body_html)

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
            type(self).objects.filter(pk=self.pk).store_furniture(refresh_pages=False)
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
            colours_from=self.film.slug if self.film else None,
        )
