from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce, Greatest

from films.models import Award, Film, Nomination
from images.sitemaps import RowSitemap


class FilmSitemap(RowSitemap):
    changefreq = "monthly"
    url_name = "films:detail"
    image_field = "poster"

    def rows(self):
        return Film.objects.order_by("pk")


class AwardSitemap(RowSitemap):
    """An award's page is as fresh as the award and its nominations, the films
    it lists and its presenter."""

    changefreq = "yearly"
    url_name = "films:award"
    lastmod_field = "last_changed"

    def rows(self):
        def latest(rows):
            return Subquery(rows.order_by("-updated_at").values("updated_at")[:1])

        # Greatest is NULL on SQLite when any of its values is: an award
        # without nominations counts its own time for theirs.
        changed = Greatest(
            "updated_at",
            Coalesce(
                latest(Nomination.objects.filter(award=OuterRef("pk"))), "updated_at"
            ),
            Coalesce(
                latest(Film.objects.filter(nominations__award=OuterRef("pk"))),
                "updated_at",
            ),
            "presenter__updated_at",
        )
        return Award.objects.annotate(last_changed=changed).order_by("pk")
