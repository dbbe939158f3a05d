from django.contrib.sitemaps import Sitemap

from people.models import Organisation, Person


class PersonSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Person.objects.only("slug", "updated_at").order_by("pk")

    def lastmod(self, person):
        return person.updated_at


class OrganisationSitemap(PersonSitemap):
    def items(self):
        return Organisation.objects.only("slug", "updated_at").order_by("pk")
