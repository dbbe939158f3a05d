from datetime import timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone

from films.models import Film
from images.sitemaps import RowSitemap
from reviews.models import Review, Topic

NEWS_DAYS = 2  # Google News lists articles of the last two days


class SectionSitemap(Sitemap):
    """The home page and the lists, as fresh as the newest thing they show."""

    changefreq = "daily"
    priority = 1.0

    def items(self):
        return ["reviews:home", "reviews:archive", "films:list"]

    def location(self, name):
        return reverse(name)

    def lastmod(self, name):
        records = Film.objects if name == "films:list" else Review.objects.public()
        return records.aggregate(latest=Max("updated_at"))["latest"]


class PieceSitemap(RowSitemap):
    changefreq = "weekly"
    priority = 0.8
    limit = 10_000  # smaller pages than the protocol's 50,000 render fast
    url_name = "reviews:detail"
    image_field = "hero_image"

    def rows(self):
        # Oldest first, as the (status, publish_at) index reads them: ordered
        # by id instead, SQLite sorted every public piece for each section.
        return Review.objects.public().order_by("publish_at", "pk")


class NewsSitemap(Sitemap):
    """Google News: the public pieces of the last two days, newest first."""

    limit = 1000  # the most Google News reads from one sitemap

    def items(self):
        since = timezone.now() - timedelta(days=NEWS_DAYS)
        return (
            Review.objects.public()
            .filter(publish_at__gte=since)
            .only("slug", "headline", "publish_at", "first_published_at", "updated_at")
            .order_by("-publish_at", "-pk")
        )

    def lastmod(self, piece):
        return piece.updated_at

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            piece = url["item"]
            url["news"] = {
                "name": settings.SITE_NAME,
                "language": settings.LANGUAGE_CODE.split("-")[0],
                "date": piece.first_published_at or piece.publish_at,
                "title": piece.headline,
            }
        return urls


class TopicSitemap(Sitemap):
    """Topics with public pieces, as fresh as their latest piece."""

    changefreq = "weekly"

    def items(self):
        latest = (
            Review.objects.public()
            .filter(topics=OuterRef("pk"))
            .order_by("-updated_at")
            .values("updated_at")[:1]
        )
        return (
            Topic.objects.annotate(latest_piece=Subquery(latest))
            .filter(latest_piece__isnull=False)
            .order_by("pk")
        )

    def lastmod(self, topic):
        return topic.latest_piece
