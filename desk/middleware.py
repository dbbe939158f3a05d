import zoneinfo

from django.conf import settings
from django.utils import timezone

from desk.models import UserSettings


class UserTimeZoneMiddleware:
    """Staff see the admin in their own time zone (My settings); the rest keeps TIME_ZONE."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if not (
            request.path_info.startswith(f"/{settings.ADMIN_PATH}")
            and user.is_authenticated
            and user.is_staff
        ):
            return self.get_response(request)
        zone = zoneinfo.ZoneInfo(UserSettings.time_zone_of(user))
        # Template responses render inside get_response, so the zone covers them.
        with timezone.override(zone):
            return self.get_response(request)
