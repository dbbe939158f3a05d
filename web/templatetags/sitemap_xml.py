"""The <url> entries of a sitemap section, written in Python.

A section holds up to 10,000 URLs; through the template language, with a dozen
lookups and tags each, they took most of a second to write. The output is what
templates/sitemap.xml wrote before, byte for byte.
"""

from html import escape

from django import template
from django.utils.safestring import mark_safe
from django.utils.timezone import get_current_timezone

from web.dates import machine_time
from web.text import without_control_characters

register = template.Library()


def _entry(url, zone):
    parts = ["<url><loc>", escape(url["location"]), "</loc>"]
    if url.get("lastmod"):
        parts += [
            "<lastmod>",
            machine_time(url["lastmod"], zone),
            "</lastmod>",
        ]
    if url.get("changefreq"):
        parts += ["<changefreq>", escape(url["changefreq"]), "</changefreq>"]
    if url.get("priority"):
        parts += ["<priority>", escape(url["priority"]), "</priority>"]
    for image in url.get("images", ()):
        parts += [
            "<image:image><image:loc>",
            escape(image),
            "</image:loc></image:image>",
        ]
    if news := url.get("news"):
        parts += [
            "<news:news><news:publication><news:name>",
            escape(without_control_characters(news["name"])),
            "</news:name><news:language>",
            escape(news["language"]),
            "</news:language></news:publication><news:publication_date>",
            machine_time(news["date"], zone),
            "</news:publication_date><news:title>",
            escape(without_control_characters(news["title"])),
            "</news:title></news:news>",
        ]
    parts.append("</url>")
    return "".join(parts)


@register.simple_tag
def sitemap_entries(urlset):
    """Every URL of the section, escaped (html.escape, as Django's escape is, without
    its lazy-text checks), its times in the current zone, in whole seconds (web/dates.py)."""
    zone = get_current_timezone()
    entries = "".join(_entry(url, zone) for url in urlset)
    return mark_safe(entries)  # noqa: S308 - every value was escaped
