"""Purge the caches in front by surrogate key when pages change (CDN_PURGE_URL).

Pages carry `Surrogate-Key: review-12 film-3 …`; when those change, every
cache named in CDN_PURGE_URL is asked to drop every page carrying them, in the
form Fastly's API takes (POST, the keys in a Surrogate-Key header, the token
in Fastly-Key) and deploy/varnish.vcl takes (deploy/caching.md)."""

import logging
import time
import urllib.request

from django.conf import settings
from django.dispatch import receiver
from django.tasks import task

from web.pages import pages_changed

logger = logging.getLogger("filmdesk.cdn")
TIMEOUT_SECONDS = 5
# A cache restarting or a network blip: a second try soon, a third a bit later.
PAUSES_BETWEEN_TRIES = (0.2, 1.0)


@task
def purge(url, tags):
    """Ask the cache at `url` to drop the pages carrying `tags`."""
    keys = " ".join(sorted(tags))
    for pause in (*PAUSES_BETWEEN_TRIES, None):
        try:
            _send(url, keys)
            return
        except OSError as error:
            if pause is None:
                # The cache keeps the pages until their Surrogate-Control age runs out.
                logger.error("Purge of %s at %s failed: %s", keys, url, error)
                raise
            time.sleep(pause)


def _send(url, keys):
    # The settings accept only http and https addresses here.
    request = urllib.request.Request(  # noqa: S310
        url, method="POST", headers={"Surrogate-Key": keys}
    )
    if settings.CDN_PURGE_TOKEN:
        request.add_header("Fastly-Key", settings.CDN_PURGE_TOKEN)
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS):  # noqa: S310
        pass


@receiver(pages_changed)
def purge_caches(tags, **kwargs):
    """Each cache its own task: one that is down does not hold up the others."""
    for url in settings.CDN_PURGE_URLS:
        purge.enqueue(url, sorted(tags))
