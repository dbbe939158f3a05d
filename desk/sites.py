import logging
from functools import partial, wraps

from django.conf import settings
from django.contrib import admin
from django.db import DataError
from django.template.response import TemplateResponse
from django.urls import path

from desk import views
from desk.forms import DeskAuthenticationForm
from desk.home import desk_for

# The apps editors work in, in this order; the rest is for those who run the site.
EDITORIAL_APPS = ["reviews", "images", "films", "people"]

# What a lookup in the query string can make the database or Python refuse: a
# broken regular expression or a NUL byte (PostgreSQL), a number too large
# for the column or for a date, a word where an id belongs.
UNUSABLE_INPUT = (DataError, OverflowError, ValueError)

# No list offers them, and a pattern costs the database what its writer likes.
REFUSED_LOOKUPS = ("__regex", "__iregex")

logger = logging.getLogger("desk")


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

    def admin_view(self, view, cacheable=False):
        return super().admin_view(self._refusing_unusable_input(view), cacheable)

    def _refusing_unusable_input(self, view):
        """A 400 page naming the problem, not a 500, for an address whose query
        string the desk cannot use (`?headline__regex=(`, `add/?film=abc`).
        Rendered here, as a form's initial values are only looked up then."""

        @wraps(view)
        def inner(request, *args, **kwargs):
            if any(name.endswith(REFUSED_LOOKUPS) for name in request.GET):
                return self._unusable_address(request, "a regular expression")
            try:
                response = view(request, *args, **kwargs)
                if callable(getattr(response, "render", None)):
                    response = response.render()
            except UNUSABLE_INPUT as error:
                return self._unusable_address(request, repr(error))
            return response

        return inner

    def _unusable_address(self, request, problem):
        logger.warning("Unusable address %s: %s", request.get_full_path(), problem)
        context = {**self.each_context(request), "title": "This address cannot be used"}
        return TemplateResponse(
            request, "admin/desk/bad_request.html", context, status=400
        )

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
