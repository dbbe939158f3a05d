"""RSS and Atom feeds of public pieces: the latest, and per topic, film and person.

Items carry the full body as readers see it on the page, with absolute links, the
hero image as an enclosure, every byline and the kind and topics as categories.
"""

import mimetypes
from copy import copy

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import escape, format_html
from django.utils.text import Truncator

from films.models import Film
from people.models import Organisation, Person
from reviews.models import Review, Topic
from reviews.models.review import rating_label
from reviews.rendering import reader_body, with_absolute_urls
from reviews.sanitising import plain_text, sanitise
from web.dates import whole_seconds
from web.text import without_control_characters

FEED_LENGTH = 30
EXCERPT_WORDS = 60
DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"
CONTENT_MODULE = "http://purl.org/rss/1.0/modules/content/"


def _xml_ready(value):
    """`value` with its strings, in lists and tuples too, fit for XML 1.0."""
    if isinstance(value, str):
        return without_control_characters(value)
    if isinstance(value, list | tuple):
        return type(value)(_xml_ready(part) for part in value)
    return value


class XmlReadyText:
    """Feeds of rows saved before text was cleaned on save still write: Django's
    XML writer raises on a control character rather than drop it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.feed = {key: _xml_ready(value) for key, value in self.feed.items()}

    def add_item(self, *args, **kwargs):
        super().add_item(*args, **kwargs)
        self.items[-1] = {key: _xml_ready(v) for key, v in self.items[-1].items()}


class PiecesRss(XmlReadyText, Rss201rev2Feed):
    """RSS 2.0 with the full body in `content:encoded` and one `dc:creator` a byline."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:content": CONTENT_MODULE}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, _url in item["bylines"]:
            handler.addQuickElement("dc:creator", name, {"xmlns:dc": DUBLIN_CORE})
        handler.addQuickElement("content:encoded", item["content"])


class PiecesAtom(XmlReadyText, Atom1Feed):
    """Atom with the full body in `content` and one `author` a byline."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, url in item["bylines"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.addQuickElement("uri", url)
            handler.endElement("author")
        handler.addQuickElement("content", item["content"], {"type": "html"})


def feed_pieces(pieces):
    """What a feed item shows, in a fixed number of queries."""
    return pieces.select_related("film").order_by("-publish_at", "-pk")[:FEED_LENGTH]


class LatestPiecesFeed(Feed):
    feed_type = PiecesRss
    link = reverse_lazy("reviews:home")

    def __call__(self, request, *args, **kwargs):
        # One copy per request: the item hooks need the request for absolute
        # addresses, and one instance serves every thread.
        feed = copy(self)
        feed.request = request
        return Feed.__call__(feed, request, *args, **kwargs)

    def title(self):
        return f"{settings.SITE_NAME}: latest pieces"

    def summary(self, subject=None):
        """What the feed holds, as plain text: Atom's subtitle."""
        return "The latest reviews, features and interviews."

    def description(self, subject=None):
        # RSS readers render a channel's description as HTML, as an item's.
        return escape(self.summary(subject))

    def author_name(self):
        return settings.SITE_NAME

    def items(self):
        return feed_pieces(Review.objects.public())

    def item_title(self, piece):
        return piece.headline

    def item_description(self, piece):
        """RSS descriptions and Atom summaries are HTML that readers render, and the
        standfirst is plain text: escape it, and the body's words when there is none."""
        text = piece.standfirst or Truncator(plain_text(sanitise(piece.body))).words(
            EXCERPT_WORDS, truncate=" …"
        )
        return escape(text)

    # Whole seconds, as on the pages and in the sitemaps (web/dates.py).
    def item_pubdate(self, piece):
        return whole_seconds(piece.publish_at)

    def item_updateddate(self, piece):
        return whole_seconds(max(piece.updated_at, piece.publish_at))

    def item_categories(self, piece):
        return [
            piece.get_kind_display(),
            *(topic.name for topic in piece.furniture.topics),
        ]

    def item_enclosures(self, piece):
        if not piece.hero_image:
            return []
        try:
            length = piece.hero_image.size
        except (
            OSError
        ):  # the file has gone from storage: no enclosure beats a broken one
            return []
        mime_type, _encoding = mimetypes.guess_type(piece.hero_image.name)
        url = self.request.build_absolute_uri(piece.hero_image.url)
        return [Enclosure(url, str(length), mime_type or "application/octet-stream")]

    def item_extra_kwargs(self, piece):
        return {
            "content": self.content(piece),
            "bylines": [
                (byline.name, self.request.build_absolute_uri(byline.url))
                for byline in piece.furniture.bylines
            ],
        }

    def content(self, piece):
        """The piece as its page shows it: hero image, body, rating and verdict."""
        parts = []
        if piece.hero_image:
            caption = " ".join(
                part
                for part in (
                    piece.hero_caption,
                    piece.hero_credit and f"Photo: {piece.hero_credit}",
                )
                if part
            )
            parts.append(
                format_html(
                    '<figure><img src="{}" alt="{}" width="{}" height="{}">{}</figure>',
                    piece.hero_image.url,
                    piece.hero_alt,
                    piece.hero_width,
                    piece.hero_height,
                    format_html("<figcaption>{}</figcaption>", caption)
                    if caption
                    else "",
                )
            )
        parts.append(reader_body(piece))
        if piece.rating is not None:
            parts.append(
                format_html(
                    "<p><strong>Rating:</strong> {}</p>", rating_label(piece.rating)
                )
            )
        if piece.verdict:
            parts.append(
                format_html("<p><strong>Verdict:</strong> {}</p>", piece.verdict)
            )
        page = self.request.build_absolute_uri(piece.get_absolute_url())
        return with_absolute_urls("\n".join(parts), page)


class SubjectFeed(LatestPiecesFeed):
    """Pieces on one topic, film, person or organisation, newest first."""

    model = None

    def get_object(self, request, slug):
        return get_object_or_404(self.model, slug=slug)

    def title(self, subject):
        return f"{settings.SITE_NAME}: {subject}"

    def link(self, subject):
        return subject.get_absolute_url()

    def summary(self, subject):
        return f"The latest pieces on {subject}."

    def items(self, subject):
        return feed_pieces(Review.objects.public().filter(self.about(subject)))

    def about(self, subject):
        """The condition a piece meets to be in this subject's feed."""
        raise NotImplementedError


def _mentioning(subject):
    """Pieces whose mention of `subject` an editor has not marked wrong."""
    return Q(pk__in=subject.mentions.filter(wrong=False).values("review"))


class TopicFeed(SubjectFeed):
    model = Topic

    def about(self, topic):
        return Q(topics=topic)


class FilmFeed(SubjectFeed):
    model = Film

    def about(self, film):
        # Subqueries, not joins: a join on other films would repeat pieces.
        return (
            Q(film=film) | Q(pk__in=film.discussed_in.values("pk")) | _mentioning(film)
        )


class PersonFeed(SubjectFeed):
    model = Person

    def summary(self, person):
        return f"The latest pieces by or about {person}."

    def about(self, person):
        return Q(pk__in=person.bylines.values("review")) | _mentioning(person)


class OrganisationFeed(SubjectFeed):
    model = Organisation

    def about(self, organisation):
        return _mentioning(organisation)


def atom(feed_class):
    """The Atom twin of an RSS feed class."""
    return type(
        f"{feed_class.__name__}Atom",
        (feed_class,),
        {"feed_type": PiecesAtom, "subtitle": feed_class.summary},
    )
