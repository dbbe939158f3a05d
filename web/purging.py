"""Purge a CDN by surrogate key when pages change (CDN_PURGE_URL).

Pages carry `Surrogate-Key: review-12 film-3 …`; when those change, the CDN
is asked to drop every page carrying them, in the form Fastly's API takes
(POST, the keys in a Surrogate-Key header, the token in Fastly-Key) and a
Varnish with the xkey module can be set up to take (docs/deployment.md)."""

import logging
import urllib.request

from django.conf import settings
from django.dispatch import receiver
from django.tasks import task

from web.pages import pages_changed

logger = logging.getLogger("filmdesk.cdn")
TIMEOUT_SECONDS = 10


@task
def purge(tags):
    # The settings accept only http and https addresses here.
    request = urllib.request.Request(  # noqa: S310
        settings.CDN_PURGE_URL,
        method="POST",
        headers={"Surrogate-Key": " ".join(sorted(tags))},
    )
    if settings.CDN_PURGE_TOKEN:
        request.add_header("Fastly-Key", settings.CDN_PURGE_TOKEN)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS):  # noqa: S310
            pass
    except OSError as error:
        # The CDN keeps the pages until their Surrogate-Control age runs out.
        logger.error("CDN purge of %s failed: %s", " ".join(sorted(tags)), error)
        raise


@receiver(pages_changed)
def purge_cdn(tags, **kwargs):
    if settings.CDN_PURGE_URL:
        purge.enqueue(sorted(tags))
