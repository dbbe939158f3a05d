from django import template
from django.utils.safestring import mark_safe

from reviews.sanitising import sanitise

register = template.Library()


@register.filter
def sanitised(html):
    # Safe: the sanitiser keeps only the tags and attributes of the site's design,
    # whatever wrote the row (the admin, an import or a raw SQL update).
    return mark_safe(sanitise(html))  # noqa: S308


@register.inclusion_tag("includes/stars.html")
def stars(rating):
    """Five stars, half steps shown as ½, with the value spelled out for everyone."""
    full = int(rating)
    return {
        "rating": rating,
        "full": range(full),
        "half": rating - full >= 0.5,
        "empty": range(5 - full - (1 if rating - full >= 0.5 else 0)),
    }
