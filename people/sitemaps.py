from images.sitemaps import RowSitemap
from people.models import Organisation, Person


class PersonSitemap(RowSitemap):
    changefreq = "monthly"
    url_name = "people:person"
    image_field = "portrait"

    def rows(self):
        return Person.objects.order_by("pk")


class OrganisationSitemap(RowSitemap):
    changefreq = "monthly"
    url_name = "people:organisation"

    def rows(self):
        return Organisation.objects.order_by("pk")
