from django import template

from images.renditions import srcsets

register = template.Library()


@register.inclusion_tag("includes/picture.html")
def picture(image, width, height, alt, sizes="100vw", lazy=True):
    """A <picture> with WebP and original renditions; width and height stop layout shift."""
    return {
        "url": image.url,
        "width": width,
        "height": height,
        "alt": alt,
        "sizes": sizes,
        "lazy": lazy,
        "srcsets": srcsets(image, width),
    }


@register.inclusion_tag("includes/picture.html")
def shown_image(image, sizes, lazy=True, alt=None):
    """A share image (`images.sharing.ShareImage`) in every size stored, such
    as a piece's picture on its card. `alt` in place of the image's own (""
    where the image says nothing its card's text does not); a drawn card's
    text is its page's, so it has none by default."""
    if alt is None:
        alt = "" if image.drawn else image.alt
    return {
        "url": image.url,
        "width": image.width,
        "height": image.height,
        "alt": alt,
        "sizes": sizes,
        "lazy": lazy,
        "priority": not lazy,
        "srcsets": srcsets(image.original, image.original_width)
        if image.original
        else {},
    }
