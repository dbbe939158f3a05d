import reversion
from django.db import models

from people.models import Person


@reversion.register()
class Byline(models.Model):
    review = models.ForeignKey(
        "reviews.Review", on_delete=models.CASCADE, related_name="bylines"
    )
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
