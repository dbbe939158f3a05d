"""Times as machines read them: one form for every page, feed, sitemap and
JSON-LD block."""

from datetime import datetime

from django.utils.timezone import localtime


def whole_seconds(moment):
    """`moment` without its microseconds, which HTML's <time datetime> refuses
    past three digits and no reader needs."""
    return moment.replace(microsecond=0)


def machine_time(value, zone=None):
    """'2026-12-06T21:45:51+00:00', in whole seconds, in the current time zone
    unless `zone` is given; a date as '2026-12-06'."""
    if isinstance(value, datetime):
        return whole_seconds(localtime(value, zone)).isoformat()
    return value.isoformat()
