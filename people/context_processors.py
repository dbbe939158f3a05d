from django.conf import settings


def site(request):
    """The site's name and description and the page's canonical address, for
    every template."""
    return {
        "site_name": settings.SITE_NAME,
        "site_description": settings.SITE_DESCRIPTION,
        "canonical_url": request.build_absolute_uri(request.path),
    }
