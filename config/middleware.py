import logging

from botocore.exceptions import ConnectionError as StoreConnectionError
from botocore.exceptions import HTTPClientError
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger("filmdesk.faults")


class HeadWithoutBodyMiddleware:
    """HEAD gets GET's headers and no body (RFC 9110, 9.3.2). Django leaves the
    body to the server to drop; gunicorn 27 logs a warning each time it does,
    so every load balancer's HEAD check would write one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "HEAD":
            if response.streaming:
                response.streaming_content = []
            else:
                response.content = b""
        return response


class SecurityHeadersMiddleware:
    """Headers Django has no setting for, and the admin's own CSP."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        # The admin's prefix as config/urls.py mounts it: no reverse() per request.
        if request.path_info.startswith(f"/{settings.ADMIN_PATH}"):
            response._csp_config = getattr(response, "_csp_config", settings.ADMIN_CSP)
        return response


# What cannot be reached, by the errors that say so.
UNREACHABLE = {
    "database": (OperationalError, InterfaceError),
    # The bucket (MEDIA_STORAGE_URL) refused, timed out or dropped the connection.
    "image storage": (StoreConnectionError, HTTPClientError),
}


def unreachable_service(exception):
    """'database' or 'image storage' when `exception` says it cannot be reached."""
    for name, errors in UNREACHABLE.items():
        if isinstance(exception, errors):
            return name
    return None


class DatabaseUnavailableMiddleware:
    """A friendly 503 instead of a traceback while the database, or the object
    store that holds the pictures, cannot be reached."""

    RETRY_AFTER_SECONDS = 30

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        service = unreachable_service(exception)
        if service is None:
            return None
        logger.warning(
            "%s unavailable for %s: %s", service.capitalize(), request.path, exception
        )
        response = HttpResponse(
            render_to_string("503.html", {"service": service}), status=503
        )
        response["Retry-After"] = str(self.RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
