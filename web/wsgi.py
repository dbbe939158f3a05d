"""Stored pages straight from WSGI: an anonymous reader's unconditional GET or
HEAD of a stored, current page is answered before Django's request handling,
with the status and every header the whole stack gave that page the first
time it served it (security headers and CSP included), so readers cannot tell
the two apart. Everything else, and the first answer of each stored page,
goes through Django as before (web/middleware.py, then `public_page`)."""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest
from django.db import DatabaseError

from web.pages import SERVED_FROM, keep_served_headers, served_page

# Asked of the stack: a 304 has headers of its own.
CONDITIONAL = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE")


class StoredPages:
    def __init__(self, application):
        self.application = application
        # Files, never pages: no cache lookup in their way.
        self.files = tuple(
            prefix for prefix in (settings.STATIC_URL, settings.MEDIA_URL) if prefix
        )

    def __call__(self, environ, start_response):
        page = self._stored_page(environ)
        if page is None:
            return self._answer_and_keep(environ, start_response)
        start_response("200 OK", list(page.served_headers))
        return [b"" if environ["REQUEST_METHOD"] == "HEAD" else page.content]

    def _stored_page(self, environ):
        if (
            environ.get("REQUEST_METHOD") not in {"GET", "HEAD"}
            or environ.get("QUERY_STRING")
            or any(header in environ for header in CONDITIONAL)
            or environ.get("PATH_INFO", "").startswith(self.files)
        ):
            return None
        request = WSGIRequest(environ)
        if settings.SECURE_SSL_REDIRECT and not request.is_secure():
            return None  # SecurityMiddleware sends it to https first
        try:
            return served_page(request)
        # The whole way, to the 400 page, or to the 503 page when a clock's
        # look at the schedule finds the database down.
        except (DisallowedHost, DatabaseError):
            return None

    def _answer_and_keep(self, environ, start_response):
        answered = {}

        def noting(status, headers, exc_info=None):
            answered.update(status=status, headers=headers)
            return start_response(status, headers, exc_info)

        response = self.application(environ, noting)
        if (
            SERVED_FROM in environ
            and environ["REQUEST_METHOD"] == "GET"
            # A reader with no cookie at all: nothing in the answer was for her.
            and "HTTP_COOKIE" not in environ
            and answered.get("status") == "200 OK"
            and not any(name.lower() == "set-cookie" for name, _ in answered["headers"])
        ):
            keep_served_headers(environ[SERVED_FROM], answered["headers"])
        return response
