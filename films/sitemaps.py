from django.db.models import Max
from django.db.models.functions import Coalesce

from films.models import Award, Film
from images.sitemaps import RowSitemap


class FilmSitemap(RowSitemap):
    changefreq = "monthly"
    url_name = "films:detail"
    image_field = "poster"

    def rows(self):
        return Film.objects.order_by("pk")


class AwardSitemap(RowSitemap):
    """An award's page is as fresh as the films it lists, or its presenter."""

    changefreq = "yearly"
    url_name = "films:award"

    def rows(self):
        changed = Coalesce(
            Max("nominations__film__updated_at"), "presenter__updated_at"
        )
        return Award.objects.annotate(updated_at=changed).order_by("pk")
