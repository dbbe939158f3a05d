from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from config.views import healthz

urlpatterns = [
    path(settings.ADMIN_PATH, admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("", include("reviews.urls")),
]
