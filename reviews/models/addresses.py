from django.db import models

# The same words whoever holds the address: the piece may be one the writer
# cannot see, or a withdrawn piece whose old address still sends readers on.
ADDRESS_TAKEN = "This address is taken: choose another."


class SlugRedirect(models.Model):
    """An address a published piece used to have, sent on to its new one."""

    old_slug = models.SlugField(max_length=100, unique=True, allow_unicode=True)
    review = models.ForeignKey(
        "reviews.Review", on_delete=models.CASCADE, related_name="old_slugs"
    )

    def __str__(self):
        return self.old_slug

    @classmethod
    def taken(cls, slug):
        return cls.objects.filter(old_slug=slug).exists()
