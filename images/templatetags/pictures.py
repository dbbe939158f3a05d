from django import template

from images.renditions import srcsets

register = template.Library()


@register.inclusion_tag("includes/picture.html")
def picture(image, width, height, alt, sizes="100vw", lazy=True):
    """A <picture> with WebP and original renditions; width and height stop layout shift."""
    return {
        "image": image,
        "width": width,
        "height": height,
        "alt": alt,
        "sizes": sizes,
        "lazy": lazy,
        "srcsets": srcsets(image, width),
    }
