from urllib.parse import quote, urljoin

from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from web.addresses import around_the_slug


class RowSitemap(Sitemap):
    """One model's pages at /…/<slug>/, with their images in Google's image
    extension (templates/sitemap.xml writes them).

    A section holds thousands of URLs, so it is built from plain rows: no model
    instances, and the URL is reversed once, not once per row.
    """

    url_name = ""  # a URL pattern whose one argument is the slug
    image_field = None  # an image field of the model, or None
    lastmod_field = "updated_at"  # a field or annotation of rows(), not an aggregate
    changefreq = None
    priority = None

    def rows(self):
        """The queryset of what the section lists, in a stable order."""
        raise NotImplementedError

    def items(self):
        fields = ["slug", self.lastmod_field]
        if self.image_field:
            fields.append(self.image_field)
        return self.rows().values_list(*fields)

    def get_latest_lastmod(self):
        # One aggregate instead of the default's walk over every row.
        return self.rows().aggregate(latest=Max(self.lastmod_field))["latest"]

    def get_urls(self, page=1, site=None, protocol=None):
        origin = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        # As slug_url() writes it, without its check: these slugs are saved ones.
        before, after = around_the_slug(self.url_name)
        storage = self.image_storage()
        priority = "" if self.priority is None else str(self.priority)
        urls = []
        for slug, lastmod, *image in self.paginator.page(page).object_list:
            urls.append(
                {
                    "location": f"{origin}{before}{quote(slug)}{after}",
                    "lastmod": lastmod,
                    "changefreq": self.changefreq,
                    "priority": priority,
                    "images": [urljoin(f"{origin}/", storage.url(image[0]))]
                    if any(image)
                    else [],
                }
            )
        if urls:
            self.latest_lastmod = max(url["lastmod"] for url in urls)
        return urls

    def image_storage(self):
        """Where the image field keeps its files (they give the URLs), if any."""
        if self.image_field:
            return self.rows().model._meta.get_field(self.image_field).storage
        return None
