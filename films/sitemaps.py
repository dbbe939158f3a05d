from films.models import Film
from images.sitemaps import RowSitemap


class FilmSitemap(RowSitemap):
    changefreq = "monthly"
    url_name = "films:detail"
    image_field = "poster"

    def rows(self):
        return Film.objects.order_by("pk")
