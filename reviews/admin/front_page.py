"""The front page on the desk: editors place pieces on the home page and
number them; writers see the arrangement. A preview beside the list shows
the home page as readers will get it."""

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.cache import patch_cache_control
from django.utils.csp import CSP
from django.views.decorators.clickjacking import xframe_options_sameorigin

from reviews import views
from reviews.admin.workflow import obj_state
from reviews.models import FrontPagePlace


@admin.register(FrontPagePlace)
class FrontPageAdmin(admin.ModelAdmin):
    list_display = ["position", "piece", "on_the_home_page"]
    list_display_links = ["piece"]
    list_editable = ["position"]
    list_select_related = ["piece"]
    list_per_page = 100
    autocomplete_fields = ["piece"]
    change_list_template = "admin/reviews/frontpageplace/change_list.html"

    def get_urls(self):
        preview = path(
            "preview/",
            self.admin_site.admin_view(self.preview_view),
            name="reviews_frontpageplace_preview",
        )
        return [preview, *super().get_urls()]

    @admin.display(description="On the home page")
    def on_the_home_page(self, place):
        piece = place.piece
        if piece.is_public:
            return "Shown"
        return f"Not shown until published ({obj_state(piece)})"

    def preview_view(self, request):
        """The home page as readers will get it, framed by the list's page."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        response = xframe_options_sameorigin(views.home)(request)
        response["X-Robots-Tag"] = "noindex, nofollow"
        patch_cache_control(response, private=True, no_store=True)
        # The readers' policy, framed by the desk only.
        response._csp_config = {**settings.SECURE_CSP, "frame-ancestors": [CSP.SELF]}
        return response
