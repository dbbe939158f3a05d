from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from config.views import (
    favicon,
    healthz,
    readyz,
    robots_txt,
    web_manifest,
)
from films.models import Award, Film
from films.sitemaps import AwardSitemap, FilmSitemap
from people.models import Organisation, Person
from people.sitemaps import OrganisationSitemap, PersonSitemap
from reviews.models import Review, Topic
from reviews.sitemaps import NewsSitemap, PieceSitemap, SectionSitemap, TopicSitemap
from web.pages import public_page

sitemaps = {
    "sections": SectionSitemap,
    "pieces": PieceSitemap,
    "films": FilmSitemap,
    "awards": AwardSitemap,
    "people": PersonSitemap,
    "organisations": OrganisationSitemap,
    "topics": TopicSitemap,
    "news": NewsSitemap,
}

SITEMAP_LISTS = [Review, Film, Award, Person, Organisation, Topic]

urlpatterns = [
    path(settings.ADMIN_PATH, admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("robots.txt", robots_txt, name="robots"),
    path("favicon.ico", favicon, name="favicon"),
    path("site.webmanifest", web_manifest, name="web_manifest"),
    path(
        "sitemap.xml",
        public_page(sitemap_views.index, lists=SITEMAP_LISTS),
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        public_page(sitemap_views.sitemap, lists=SITEMAP_LISTS, query=["p"]),
        {"sitemaps": sitemaps},
        name="sitemap-section",
    ),
    path("", include("reviews.urls")),
    path("", include("films.urls")),
    path("", include("people.urls")),
]

handler400 = "config.views.bad_request"

if settings.DEBUG:
    # Uploaded images for `make run`; in production the web server serves /media/.
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
