"""The film box on a piece's page, stored with the film as a piece's body is.

What the box shows of the film's credits and awards, the film's schema.org
facts and its directors' names are rendered when the film, a credit or
nomination of it, or a name or address in them changes, so a piece's page
reads them with the film instead of querying and rendering credits and
awards on every view. Each render records a change to the film, which
refreshes the stored pages that show it (web/pages.py).
"""

import functools
from dataclasses import dataclass

import nh3
from django.db import transaction
from django.db.models import Prefetch
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.template.loader import get_template, render_to_string
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe

from films import models, structured_data
from films.models import Award, Credit, Film, Nomination
from films.structured_data import movie_facts, with_absolute_addresses
from people.models import Organisation, Person
from web.derived import source_digest, store_once_linked
from web.pages import changed, tag

FACTS_TEMPLATE = "films/includes/film_facts.html"
# The facts and what they include: a change to any stores the boxes again.
BOX_TEMPLATES = [FACTS_TEMPLATE, "films/includes/award_occasion.html"]

# The stored facts are this app's own template output; they are cleaned to the
# box's elements on the way out all the same, as stored bodies are.
_facts_cleaner = nh3.Cleaner(
    tags={"dl", "dt", "dd", "a"},
    attributes={"a": {"href"}},
    url_schemes={"http", "https"},
    link_rel=None,
)


@dataclass(frozen=True)
class FilmBox:
    film: Film

    @property
    def facts(self):
        # Safe: cleaned here to a list of facts and links, whatever reached the column.
        return mark_safe(_facts_cleaner.clean(self.film.box["facts"]))  # noqa: S308

    @cached_property
    def share_image(self):
        return self.film.share_image_naming(self.film.box["directors"])

    def movie(self, absolute):
        """The film's schema.org `Movie`, as the film's own page describes it."""
        data = {**self.film.box["movie"], "image": self.share_image.url}
        return with_absolute_addresses(data, absolute)


def box_of(film):
    """The stored box of `film`, rendered and stored first if it never was (a
    film written around the model, by `bulk_create` or SQL) or if a deploy
    changed how boxes are rendered."""
    if film.box.get("format") != box_format():
        # What readers see is unchanged: no stored page showed this film
        # without its box, and those of an older release are not served.
        store(film.pk, refresh_pages=False)
        film.refresh_from_db(fields=["box"])
    return FilmBox(film)


@functools.cache
def box_format():
    """A digest of what renders a box: its template, the film models and the
    schema.org code."""
    templates = [get_template(name).template.source for name in BOX_TEMPLATES]
    return source_digest(*templates, models, structured_data)


def store(*film_pks, refresh_pages=True):
    """Render these films' boxes again and, if `refresh_pages`, refresh the
    pages that show them."""
    rendered = []
    for pk in film_pks:
        with transaction.atomic():
            # Locked: two editors changing one film's credits at once render
            # in turn, the second seeing the first's change (PostgreSQL).
            film = (
                Film.objects.select_for_update()
                .prefetch_related(
                    # One film's credits: ordering by film would only add a join.
                    Prefetch(
                        "credits",
                        Credit.objects.with_parties().order_by("order", "pk"),
                    ),
                    Prefetch(
                        "nominations",
                        Nomination.objects.select_related("award__presenter"),
                    ),
                )
                .filter(pk=pk)
                .first()
            )
            if film is None:  # deleted: its credits go first, then the film
                continue
            box = {
                "format": box_format(),
                "facts": render_to_string(FACTS_TEMPLATE, {"film": film}).strip(),
                "movie": movie_facts(film),
                "directors": film.director_names,
            }
            Film.objects.filter(pk=pk).update(box=box)
        rendered.append(tag(Film, pk))
    if refresh_pages:
        # One record of the change for them all: a renamed critic may head many boxes.
        changed(*rendered)


def _store_for(raw, film_pks):
    film_pks = set(film_pks)
    store_once_linked(raw, lambda: store(*film_pks))


@receiver(post_save, sender=Film)
def film_saved(sender, instance, raw, **kwargs):
    _store_for(raw, [instance.pk])


@receiver(post_save, sender=Credit)
@receiver(post_delete, sender=Credit)
@receiver(post_save, sender=Nomination)
@receiver(post_delete, sender=Nomination)
def credit_or_nomination_changed(sender, instance, raw=False, **kwargs):
    _store_for(raw, [instance.film_id])


@receiver(post_save, sender=Person)
@receiver(post_save, sender=Organisation)
@receiver(post_save, sender=Award)
def name_changed(sender, instance, raw, **kwargs):
    """A name or address a box shows changed: a credited person or
    organisation, an award, or the organisation presenting one."""
    _store_for(raw, _films_naming(instance))


def _films_naming(instance):
    if isinstance(instance, Award):
        return Nomination.objects.filter(award=instance).values_list("film", flat=True)
    credits = Credit.objects.filter(**{type(instance)._meta.model_name: instance})
    films = set(credits.values_list("film", flat=True))
    if isinstance(instance, Organisation):
        presented = Nomination.objects.filter(award__presenter=instance)
        films.update(presented.values_list("film", flat=True))
    return films
