"""The body of a piece as readers get it, on its page and in the feeds."""

import re
from urllib.parse import urljoin

from django.utils.safestring import mark_safe

from reviews.figures import library_figures
from reviews.footnotes import linked_notes
from reviews.mentions import link_first_mentions
from reviews.quotes import attributed_quotes
from reviews.sanitising import sanitise, sanitise_for_readers, without_images_to_add
from reviews.videos import video_facades

# The sanitiser writes every attribute double-quoted and escapes "<" and ">" in
# text, so these patterns find every tag and every address in one.
TAG = re.compile(r"<[a-zA-Z][^>]*>")
URL_ATTRIBUTE = re.compile(r'\s(href|src)="([^"]*)"')


def linked_body(piece):
    """The body, sanitised, without the desk's notes, with the first mention
    of each entity linked, footnote markers linked to their notes, and
    figures of quotes with their source, videos and library images."""
    mentions = piece.mentions.select_related("person", "organisation", "film")
    written = without_images_to_add(sanitise(piece.body))
    body = sanitise(link_first_mentions(written, mentions))
    # Library figures first: the figures of quotes and videos are not stored ones.
    figures = library_figures(linked_notes(body))
    return sanitise_for_readers(video_facades(attributed_quotes(figures)))


def reader_body(piece):
    """The stored body for a page or a feed, sanitised once more on the way out."""
    # Safe: sanitised here, whatever reached the column.
    return mark_safe(sanitise_for_readers(piece.body_html))  # noqa: S308


def with_absolute_urls(html, base_url):
    """`html` with every link and image address absolute against `base_url`,
    for readers (feed readers, e-mail) that have no page address to resolve from."""

    def absolute(match):
        attribute, url = match.groups()
        return f' {attribute}="{urljoin(base_url, url)}"'

    def in_tag(match):
        return URL_ATTRIBUTE.sub(absolute, match.group())

    # Safe: only attribute values change, to URLs joined from ones already there.
    return mark_safe(TAG.sub(in_tag, html))  # noqa: S308
