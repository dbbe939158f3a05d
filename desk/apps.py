from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class DeskConfig(AppConfig):
    name = "desk"
    verbose_name = "Desk"

    def ready(self):
        from desk import receivers  # noqa: F401


class DeskAdminConfig(admin_apps.AdminConfig):
    """Django's admin, with the desk as its site: every `@admin.register` lands here."""

    default = False  # listed by its dotted path; "desk" alone means DeskConfig
    default_site = "desk.sites.DeskSite"
