from django.conf import settings
from django.db import models
from django.utils.functional import cached_property

from images.cards import card
from people.describing import excerpt
from people.models import SluggedModel
from web.addresses import slug_url


class Topic(SluggedModel):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True, allow_unicode=True, blank=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("reviews:topic", self.slug)

    @property
    def summary(self):
        if self.description.strip():
            return excerpt(self.description)
        return f"{self.name}: reviews, features and interviews on {settings.SITE_NAME}."

    @cached_property
    def share_image(self):
        return card(f"topic-{self.pk}", self.name, kicker="Topic")
