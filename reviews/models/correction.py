import reversion
from django.db import models
from django.utils import timezone


@reversion.register()
class Correction(models.Model):
    review = models.ForeignKey(
        "reviews.Review", on_delete=models.CASCADE, related_name="corrections"
    )
    date = models.DateField(default=timezone.localdate)
    text = models.TextField()

    class Meta:
        ordering = ["date", "pk"]

    def __str__(self):
        return f"Correction of {self.date:%d %B %Y}"
