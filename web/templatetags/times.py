from datetime import datetime

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime

from web.dates import machine_time

register = template.Library()


@register.simple_tag
def time_element(value, label_format):
    """{% time_element piece.publish_at "j F Y" %}:
    <time datetime="2026-11-02T09:00:00+00:00">2 November 2026</time>."""
    shown = localtime(value) if isinstance(value, datetime) else value
    return format_html(
        '<time datetime="{}">{}</time>',
        machine_time(value),
        date_format(shown, label_format),
    )
