from django.db import models
from django.db.models import Q

from films.models import Film
from people.models import Organisation, Person


class Mention(models.Model):
    """A person, organisation or film that a piece talks about.

    Found by scanning the body on every save; an editor may add one the scan
    missed or mark a wrong one, and both choices survive later saves.
    """

    review = models.ForeignKey(
        "reviews.Review", on_delete=models.CASCADE, related_name="mentions"
    )
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.CASCADE, related_name="mentions"
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="mentions",
    )
    film = models.ForeignKey(
        Film, null=True, blank=True, on_delete=models.CASCADE, related_name="mentions"
    )
    added_by_editor = models.BooleanField(default=False, editable=False)
    wrong = models.BooleanField(
        "wrong match",
        default=False,
        help_text="Tick to stop linking this: the scan will not bring it back.",
    )

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        person__isnull=False,
                        organisation__isnull=True,
                        film__isnull=True,
                    )
                    | Q(
                        person__isnull=True,
                        organisation__isnull=False,
                        film__isnull=True,
                    )
                    | Q(
                        person__isnull=True,
                        organisation__isnull=True,
                        film__isnull=False,
                    )
                ),
                name="mention_names_one_entity",
                violation_error_message="A mention names one person, organisation "
                "or film.",
            ),
            *(
                models.UniqueConstraint(
                    fields=["review", field],
                    condition=Q(**{f"{field}__isnull": False}),
                    name=f"mention_unique_{field}",
                    violation_error_message="This piece mentions it already.",
                )
                for field in ("person", "organisation", "film")
            ),
        ]

    def __str__(self):
        return str(self.entity)

    @property
    def entity(self):
        return self.person or self.organisation or self.film

    @property
    def key(self):
        return entity_key(self.entity)


def entity_key(entity):
    """('person', 3): how the scan and the links name an entity."""
    return (type(entity)._meta.model_name, entity.pk)
