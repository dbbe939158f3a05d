from django.conf import settings
from django.views.decorators.cache import cache_control


def public_page(view):
    """Cacheable by browsers and CDNs for a few minutes; ETags come from middleware."""
    return cache_control(public=True, max_age=settings.PUBLIC_CACHE_SECONDS)(view)
