from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control, never_cache

from config.readiness import CHECKS, failed_checks

# Files at fixed addresses cannot be versioned like hashed static files: a month
# keeps them off the wire, and still lets a new icon arrive.
ROOT_FILE_MAX_AGE = 60 * 60 * 24 * 30
# The page's background (static/css/site.css) and the icon's tile.
PAPER, TILE = "#fdfcf9", "#7a1f1f"


@never_cache
def healthz(request):
    """For load balancers: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": False}, status=503)
    return JsonResponse({"status": "ok", "database": True})


@never_cache
def readyz(request):
    """For load balancers choosing a server: 200 when the database, the cache and
    the media storage all answer, 503 naming those that do not (never why)."""
    failed = failed_checks()
    checks = {name: "failed" if name in failed else "ok" for name in CHECKS}
    status = "unavailable" if failed else "ok"
    return JsonResponse(
        {"status": status, "checks": checks}, status=503 if failed else 200
    )


def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    news = request.build_absolute_uri(
        reverse("sitemap-section", kwargs={"section": "news"})
    )
    # The admin is left out on purpose: naming it here would advertise its path.
    lines = [
        "User-agent: *",
        "Disallow: /preview/",
        "Disallow: /search/",
        f"Sitemap: {sitemap}",
        f"Sitemap: {news}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def bad_request(request, exception):
    """The branded 400 page for requests Django refuses (a bad Host header, too many
    fields). Rendered without the request: its context processors read the host."""
    context = {"site_name": settings.SITE_NAME}
    return HttpResponseBadRequest(render_to_string("400.html", context))


@cache_control(public=True, max_age=ROOT_FILE_MAX_AGE)
def favicon(request):
    """/favicon.ico, which browsers ask for whatever the page declares."""
    with open(finders.find("icons/favicon.ico"), "rb") as icon:
        return HttpResponse(icon.read(), content_type="image/x-icon")


@cache_control(public=True, max_age=ROOT_FILE_MAX_AGE)
def web_manifest(request):
    """The web app manifest: the site's name, colours and icons."""
    manifest = {
        "name": settings.SITE_NAME,
        "short_name": settings.SITE_NAME,
        "description": settings.SITE_DESCRIPTION,
        "lang": "en-GB",
        "start_url": "/",
        "display": "browser",
        "background_color": PAPER,
        "theme_color": TILE,
        "icons": [
            *(
                {
                    "src": static(f"icons/icon-{size}.png"),
                    "sizes": f"{size}x{size}",
                    "type": "image/png",
                }
                for size in (192, 512)
            ),
            {
                "src": static("icons/favicon.svg"),
                "sizes": "any",
                "type": "image/svg+xml",
            },
        ],
    }
    return JsonResponse(manifest, content_type="application/manifest+json")
