from django.contrib import admin

from reviews.models import SlugRedirect


@admin.register(SlugRedirect)
class SlugRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "review"]
    search_fields = ["old_slug", "review__headline"]
    autocomplete_fields = ["review"]
