"""The image library: a picture uploaded once, described once (alt text,
caption, credit and what lets us publish it), and placed wherever pieces need
it, starting with their bodies (reviews/figures.py)."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from images.paths import library_path
from images.uploads import CleanImageField


class LibraryImageQuerySet(models.QuerySet):
    def search(self, words):
        """Images whose alt text, caption, credit or licence holds every word."""
        images = self
        for word in words.split():
            images = images.filter(
                Q(alt__icontains=word)
                | Q(caption__icontains=word)
                | Q(credit__icontains=word)
                | Q(licence__icontains=word)
            )
        return images

    def uncleared(self):
        """Images a piece cannot be published with: no credit or no licence."""
        return self.filter(Q(credit="") | Q(licence=""))


class LibraryImage(models.Model):
    file = CleanImageField(
        "image", upload_to=library_path, width_field="width", height_field="height"
    )
    width = models.PositiveIntegerField(null=True, editable=False)
    height = models.PositiveIntegerField(null=True, editable=False)
    alt = models.CharField(
        "alt text",
        max_length=300,
        help_text="What the image shows, for readers who cannot see it.",
    )
    caption = models.CharField(
        max_length=300,
        blank=True,
        help_text="Shown beneath it; a piece can give its own.",
    )
    credit = models.CharField(
        max_length=200,
        blank=True,
        help_text="Who made it, as printed: “Grasshopper Film/Larm Film”.",
    )
    licence = models.CharField(
        "licence or source",
        max_length=300,
        blank=True,
        help_text="What lets us publish it: a licence (“CC BY-SA 4.0”), the press "
        "kit it came from, an agreement. Pieces with it wait for this and the "
        "credit before they are published.",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = LibraryImageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "library image"
        constraints = [
            models.CheckConstraint(
                condition=~Q(alt=""),
                name="library_image_has_alt",
                violation_error_message="Describe the image in its alt text.",
            )
        ]

    def __str__(self):
        return self.alt

    @property
    def is_cleared(self):
        return bool(self.credit and self.licence)
