from django import template

from images.cards import site_card

register = template.Library()


@register.inclusion_tag("includes/share_image.html", takes_context=True)
def share_image(context, image=None):
    """Open Graph and Twitter tags for `image`, or for the site's own card."""
    image = image or site_card()
    return {"image": image, "url": context["request"].build_absolute_uri(image.url)}
