from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.urls import reverse
from django.utils.html import format_html

from desk.contributors import sync_staff
from desk.piece_admin import PieceAdmin
from reviews.models import Review

User = get_user_model()

STAFF_HELP = "Set by the groups: members of Writers or Editors may log in to the desk."


class ContributorUserAdmin(UserAdmin):
    """Django's user admin, with the person behind the account; groups give staff status."""

    list_display = ["username", "contributor", "email", "group_names", "is_staff"]
    list_select_related = ["person"]
    readonly_fields = ["is_staff", "contributor"]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        ("Contributor", {"fields": ["contributor", "email"]}),
        (
            "Access",
            {
                "fields": [
                    "groups",
                    "is_staff",
                    "is_active",
                    "is_superuser",
                    "user_permissions",
                ]
            },
        ),
        ("Personal info", {"fields": ["first_name", "last_name"]}),
        ("Important dates", {"fields": ["last_login", "date_joined"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if "groups" in form.base_fields:
            form.base_fields["groups"].help_text = STAFF_HELP
        return form

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        sync_staff(form.instance)  # also when only “superuser” changed

    @admin.display(description="Person")
    def contributor(self, user):
        person = getattr(user, "person", None)
        if person is None:
            return "No person is linked to this account."
        url = reverse("admin:people_person_change", args=[person.pk])
        return format_html('<a href="{}">{}</a>', url, person)

    @admin.display(description="Groups")
    def group_names(self, user):
        return ", ".join(group.name for group in user.groups.all())


admin.site.unregister(User)
admin.site.register(User, ContributorUserAdmin)


admin.site.unregister(Review)
admin.site.register(Review, PieceAdmin)
