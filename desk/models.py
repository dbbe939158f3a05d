import zoneinfo

from django.conf import settings
from django.db import models


def time_zone_choices():
    """Place names ('Europe/Berlin'), not legacy abbreviations ('CET')."""
    names = {z for z in zoneinfo.available_timezones() if "/" in z}
    names |= {"UTC", settings.TIME_ZONE}
    return [(name, name.replace("_", " ")) for name in sorted(names)]


def default_time_zone():
    return settings.TIME_ZONE


class UserSettings(models.Model):
    """What one person on the desk prefers; a row appears when they first save it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="desk_settings"
    )
    time_zone = models.CharField(
        max_length=64,
        choices=time_zone_choices,
        default=default_time_zone,
        help_text="Times on the desk and in the piece forms are shown in this zone.",
    )

    class Meta:
        verbose_name = verbose_name_plural = "user settings"

    def __str__(self):
        return f"Settings of {self.user}"

    @classmethod
    def time_zone_of(cls, user):
        stored = cls.objects.filter(user=user).values_list("time_zone", flat=True)
        return stored.first() or settings.TIME_ZONE
