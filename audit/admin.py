from axes import admin as axes_admin
from axes.models import AccessAttempt
from django.contrib import admin

from audit.models import Event


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    """The site-wide log, read-only: events are written by the steps they record."""

    list_display = [
        "at",
        "action",
        "object_repr",
        "content_type",
        "actor_name",
        "message",
    ]
    list_filter = ["action", "content_type", "at"]
    search_fields = ["object_repr", "actor_name", "message"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# Login records are part of the trail too: editors read them and unlock logins.
admin.site.unregister(AccessAttempt)


@admin.register(AccessAttempt)
class AccessAttemptAdmin(axes_admin.AccessAttemptAdmin):
    @admin.action(description="Clean up expired attempts", permissions=["delete"])
    def cleanup_expired_attempts(self, request, queryset):
        # django-axes reads the time of a login attempt, which only a login sets.
        request.axes_attempt_time = None
        return super().cleanup_expired_attempts(request, queryset)
