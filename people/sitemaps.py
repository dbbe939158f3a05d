from django.contrib.sitemaps import Sitemap

from images.sitemaps import ImageSitemap
from people.models import Organisation, Person


class PersonSitemap(ImageSitemap):
    changefreq = "monthly"

    def items(self):
        return Person.objects.only("slug", "updated_at", "portrait").order_by("pk")

    def lastmod(self, person):
        return person.updated_at

    def images(self, person):
        return [person.portrait] if person.portrait else []


class OrganisationSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Organisation.objects.only("slug", "updated_at").order_by("pk")

    def lastmod(self, organisation):
        return organisation.updated_at
