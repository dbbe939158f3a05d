from functools import partial

from django.conf import settings
from django.contrib import admin
from django.template.response import TemplateResponse
from django.urls import path

from desk import views
from desk.forms import DeskAuthenticationForm
from desk.home import desk_for

# The apps editors work in, in this order; the rest is for those who run the site.
EDITORIAL_APPS = ["reviews", "films", "people"]


class DeskSite(admin.AdminSite):
    site_header = site_title = index_title = settings.SITE_NAME
    index_template = "admin/desk/index.html"
    login_form = DeskAuthenticationForm

    def get_urls(self):
        return [
            path(
                "my-settings/",
                self.admin_view(partial(views.my_settings, self)),
                name="my_settings",
            ),
            path(
                "contributors/add/",
                self.admin_view(partial(views.add_contributor, self)),
                name="add_contributor",
            ),
            # Reached from the e-mailed link, before the contributor can log in.
            path(
                "set-password/<uidb64>/<token>/",
                views.SetPasswordView.as_view(),
                name="set_password",
            ),
            # In place of Django's own "View on site", which checks no permission.
            path(
                "r/<path:content_type_id>/<path:object_id>/",
                self.admin_view(partial(views.view_on_site, self)),
                name="view_on_site",
            ),
            *(
                pattern
                for pattern in super().get_urls()
                if getattr(pattern, "name", None) != "view_on_site"
            ),
        ]

    def get_app_list(self, request, app_label=None):
        def position(app):
            label = app["app_label"]
            order = EDITORIAL_APPS.index(label) if label in EDITORIAL_APPS else 99
            return order, app["name"].lower()

        return sorted(super().get_app_list(request, app_label), key=position)

    def index(self, request, extra_context=None):
        apps = self.get_app_list(request)
        context = {
            **self.each_context(request),
            "title": self.index_title,
            "subtitle": None,
            "desk": desk_for(request.user),
            "app_list": [a for a in apps if a["app_label"] in EDITORIAL_APPS],
            "technical_apps": [a for a in apps if a["app_label"] not in EDITORIAL_APPS],
            **(extra_context or {}),
        }
        request.current_app = self.name
        return TemplateResponse(request, self.index_template, context)
