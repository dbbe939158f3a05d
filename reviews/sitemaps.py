from django.contrib.sitemaps import Sitemap

from reviews.models import Review, Topic


class PieceSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8
    limit = (
        10_000  # smaller pages than the protocol's 50,000 render in well under a second
    )

    def items(self):
        return Review.objects.public().only("slug", "updated_at").order_by("pk")

    def lastmod(self, piece):
        return piece.updated_at


class TopicSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Topic.objects.order_by("pk")
