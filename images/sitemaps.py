from urllib.parse import urljoin

from django.contrib.sitemaps import Sitemap


class ImageSitemap(Sitemap):
    """A sitemap whose URLs may list their images, in Google's image extension
    (templates/sitemap.xml writes them)."""

    def images(self, item):
        """The item's uploaded images (field files); none by default."""
        return []

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        origin = f"{self.get_protocol(protocol)}://{self.get_domain(site)}/"
        for url in urls:
            url["images"] = [
                urljoin(origin, image.url) for image in self.images(url["item"])
            ]
        return urls
