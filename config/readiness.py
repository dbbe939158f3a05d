"""Readiness: whether this server can serve, asking each shared service once.

Each check answers within a few seconds: the database and Redis connections
and the object store's client all have short timeouts (config/settings.py,
config/media.py).
"""

import logging
import uuid

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection

logger = logging.getLogger("filmdesk.faults")


def database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def shared_cache():
    """A value written and read back (the Redis cache hides its own errors)."""
    key, value = f"readyz:{uuid.uuid4().hex}", "ready"
    cache.set(key, value, 10)
    if cache.get(key) != value:
        raise ConnectionError("the cache did not keep a value")
    cache.delete(key)


def media_storage():
    """The bucket answers; local files are this machine's disk, always at hand."""
    bucket = getattr(default_storage, "bucket", None)
    if bucket is not None:
        bucket.meta.client.head_bucket(Bucket=bucket.name)


CHECKS = {"database": database, "cache": shared_cache, "storage": media_storage}


def failed_checks():
    """The names of the checks that fail, logged with their reasons."""
    failed = []
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:
            logger.warning("Readiness check %s failed: %s", name, error)
            failed.append(name)
    return failed
