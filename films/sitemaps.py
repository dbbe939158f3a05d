from django.contrib.sitemaps import Sitemap

from films.models import Film


class FilmSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Film.objects.only("slug", "updated_at").order_by("pk")

    def lastmod(self, film):
        return film.updated_at
