from functools import partial

from django.conf import settings


def site(request):
    """The site's name and description and the page's canonical address, for
    every template."""
    return {
        "site_name": settings.SITE_NAME,
        "site_description": settings.SITE_DESCRIPTION,
        # Worked out only by pages that show it: the 400 page for a request
        # with a host we do not serve must not ask for that host.
        "canonical_url": partial(request.build_absolute_uri, request.path),
    }
