import re

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html
from django.views.decorators.http import require_GET

from images.models import LibraryImage
from reviews.models import Review

# The newest images matching a search, in the "Browse..." window.
PICKED_AT_ONCE = 60


class ClearedFilter(admin.SimpleListFilter):
    title = "cleared to publish"
    parameter_name = "cleared"

    def lookups(self, request, model_admin):
        return [("no", "Credit or licence missing"), ("yes", "Credit and licence")]

    def queryset(self, request, queryset):
        uncleared = queryset.uncleared()
        if self.value() == "no":
            return uncleared
        if self.value() == "yes":
            return queryset.exclude(pk__in=uncleared.values("pk"))
        return queryset


@admin.register(LibraryImage)
class LibraryImageAdmin(admin.ModelAdmin):
    list_display = ["thumbnail", "alt", "credit", "cleared", "created_at"]
    list_display_links = ["thumbnail", "alt"]
    list_filter = [ClearedFilter]
    search_fields = ["alt", "caption", "credit", "licence"]
    fields = ["file", "shown", "alt", "caption", "credit", "licence", "uploaded_by"]
    readonly_fields = ["shown", "uploaded_by"]

    def get_urls(self):
        pick = self.admin_site.admin_view(require_GET(self.pick_view))
        return [
            path("pick/", pick, name="images_libraryimage_pick"),
            *super().get_urls(),
        ]

    def pick_view(self, request):
        """The body editor's "Browse..." window: choose an image to place."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        query = request.GET.get("q", "").strip()
        # The editor's number for the dialog waiting for the choice.
        func_num = request.GET.get("CKEditorFuncNum", "")
        context = {
            **self.admin_site.each_context(request),
            "title": "Choose an image",
            "opts": self.opts,
            "is_popup": True,
            "query": query,
            "func_num": func_num if re.fullmatch(r"-?[0-9]{1,9}", func_num) else "",
            "images": LibraryImage.objects.search(query)[:PICKED_AT_ONCE],
        }
        return TemplateResponse(request, "admin/images/libraryimage/pick.html", context)

    def get_search_results(self, request, queryset, search_term):
        # Every word anywhere in the description, as the desk's other searches.
        return queryset.search(search_term), False

    @admin.display(description="image")
    def thumbnail(self, image):
        return format_html(
            '<img src="{}" alt="" width="96" height="{}" loading="lazy">',
            image.file.url,
            round(96 * (image.height or 1) / (image.width or 1)),
        )

    @admin.display(description="as it is")
    def shown(self, image):
        if not image.file:
            return "—"
        return format_html(
            '<img src="{}" alt="{}" width="{}" height="{}" class="library-image">',
            image.file.url,
            image.alt,
            image.width,
            image.height,
        )

    @admin.display(boolean=True, description="cleared")
    def cleared(self, image):
        return image.is_cleared

    def get_deleted_objects(self, objs, request):
        """An image a piece places stays until no piece does: its deletion
        would take the figure from the piece without a word."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(
            objs, request
        )
        for image in objs:
            placing = Review.objects.filter(body__contains=f'data-file="{image.pk}"')
            protected += [
                f"Piece: {piece} (places “{image}”)" for piece in placing.order_by("pk")
            ]
        return deleted, counts, perms_needed, protected

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)
