"""Links in a body to the site's own pages, and those readers would find dead."""

import re
from html import unescape
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.db.models import Q
from django.urls import Resolver404, resolve

from films.models import Award, Film
from people.models import Organisation, Person
from reviews.models.topic import Topic

# As the sanitiser writes a link: attributes double-quoted, quotes escaped.
HREF = re.compile(r'<a\s[^>]*?\bhref="([^"]*)"')

FEEDS_OF = {
    "film": Film,
    "person": Person,
    "organisation": Organisation,
    "topic": Topic,
}
# The pages of one row, by the slug in their address (films/urls.py, people/urls.py,
# reviews/urls.py).
PAGES_OF_ONE = {
    "films:detail": Film,
    "films:award": Award,
    "people:person": Person,
    "people:organisation": Organisation,
    "reviews:topic": Topic,
    **{
        f"reviews:{name}_feed_{format}": model
        for name, model in FEEDS_OF.items()
        for format in ("rss", "atom")
    },
}
NO_PAGE = "no page has that address"


def dead_links(body):
    """(address, why) for each link of a sanitised body to one of the site's own
    pages that readers would not reach."""
    addresses = dict.fromkeys(unescape(href) for href in HREF.findall(body or ""))
    for address in addresses:
        path = _own_path(address)
        if path is not None and (why := _why_dead(path)):
            yield address, why


def _own_path(address):
    """The path of a link to this site ("/films/the-cave/", or the site's full
    address), else None: links elsewhere, within the page or to an e-mail."""
    parts = urlsplit(address)
    if parts.scheme or parts.netloc:
        own = parts.scheme in ("http", "https") and (
            parts.netloc == urlsplit(settings.SITE_URL).netloc
        )
        return (parts.path or "/") if own else None
    if not parts.path.startswith("/"):
        return None
    if parts.path.startswith((settings.MEDIA_URL, settings.STATIC_URL)):
        # Files, served outside Django in production.
        return None
    return parts.path


def _why_dead(path):
    try:
        match = resolve(path)
    except Resolver404:
        if path.endswith("/"):
            return NO_PAGE
        # Readers are sent on to the address with the slash.
        return _why_dead(f"{path}/")
    if match.namespace == "admin" or match.view_name == "reviews:preview":
        return "it leads into the desk, which readers cannot open"
    slug = match.kwargs.get("slug")
    if match.view_name == "reviews:detail" and not _is_public_piece(slug):
        return "no piece readers can see has that address (yet)"
    model = PAGES_OF_ONE.get(match.view_name)
    if model is not None and not model.objects.filter(slug=slug).exists():
        return NO_PAGE
    return ""


def _is_public_piece(slug):
    """Whether the address of a piece reaches one readers can see: its own or an
    old one that sends them on."""
    pieces = apps.get_model("reviews", "Review").objects.public()
    return pieces.filter(Q(slug=slug) | Q(old_slugs__old_slug=slug)).exists()
