from django.db import models
from django.urls import reverse

from people.models import SluggedModel


class Topic(SluggedModel):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True, allow_unicode=True, blank=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("reviews:topic", kwargs={"slug": self.slug})
