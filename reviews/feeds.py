from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.text import Truncator

from reviews.models import Review
from reviews.sanitising import plain_text, sanitise

FEED_LENGTH = 30
SUMMARY_WORDS = 60


class LatestPiecesFeed(Feed):
    feed_type = Rss201rev2Feed
    link = reverse_lazy("reviews:home")
    description = "The latest reviews, features and interviews."

    def title(self):
        return f"{settings.SITE_NAME}: latest pieces"

    def author_name(self):
        return settings.SITE_NAME

    def items(self):
        return (
            Review.objects.public()
            .for_cards()
            .prefetch_related("topics")
            .order_by("-publish_at")[:FEED_LENGTH]
        )

    def item_title(self, piece):
        return piece.headline

    def item_description(self, piece):
        """RSS descriptions and Atom summaries are HTML that readers render, and the
        standfirst is plain text: escape it, and the body's words when there is none."""
        text = piece.standfirst or Truncator(plain_text(sanitise(piece.body))).words(
            SUMMARY_WORDS, truncate=" …"
        )
        return escape(text)

    def item_author_name(self, piece):
        return ", ".join(str(byline.person) for byline in piece.bylines.all()) or None

    def item_pubdate(self, piece):
        return piece.publish_at

    def item_updateddate(self, piece):
        return max(piece.updated_at, piece.publish_at)

    def item_categories(self, piece):
        return [piece.get_kind_display(), *(topic.name for topic in piece.topics.all())]


class LatestPiecesAtomFeed(LatestPiecesFeed):
    feed_type = Atom1Feed
    subtitle = LatestPiecesFeed.description
