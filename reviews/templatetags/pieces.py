from django import template

from reviews.models.review import rating_label

register = template.Library()


@register.inclusion_tag("includes/stars.html")
def stars(rating):
    """Five stars, half steps shown as ½, with the value spelled out for everyone."""
    full = int(rating)
    half = rating - full >= 0.5
    return {
        "label": rating_label(rating),
        "full": range(full),
        "half": half,
        "empty": range(5 - full - half),
    }
