"""Stored pages answered before the framework: sessions, CSRF, users,
messages, the lockout and routing are for pages that render."""

from django.core.exceptions import DisallowedHost
from django.db import DatabaseError
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.middleware.common import CommonMiddleware
from django.middleware.http import ConditionalGetMiddleware

from web.pages import stored_response


class StoredPageMiddleware:
    """An anonymous reader's GET or HEAD of a stored, current page gets it at
    once, with the headers the whole stack would give it (a 304 for a
    matching ETag included). The middlewares before this one (security
    headers, CSP, WhiteNoise) run as for any response; of those after it,
    the ones that change a stored page's response run here, innermost first.
    Everything else goes the whole way, and `public_page` decides as before."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.finishing = [
            middleware(get_response).process_response
            for middleware in (
                XFrameOptionsMiddleware,
                ConditionalGetMiddleware,
                CommonMiddleware,
            )
        ]

    def __call__(self, request):
        try:
            response = stored_response(request)
        # The whole way, to the 400 page, or to the 503 page when a clock's
        # look at the schedule finds the database down.
        except (DisallowedHost, DatabaseError):
            response = None
        if response is None:
            return self.get_response(request)
        for finish in self.finishing:
            response = finish(request, response)
        return response
