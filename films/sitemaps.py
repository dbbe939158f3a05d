from films.models import Film
from images.sitemaps import ImageSitemap


class FilmSitemap(ImageSitemap):
    changefreq = "monthly"

    def items(self):
        return Film.objects.only("slug", "updated_at", "poster").order_by("pk")

    def lastmod(self, film):
        return film.updated_at

    def images(self, film):
        return [film.poster] if film.poster else []
