"""The site as a server that errs while its health check passes: every page but
/healthz answers 500 while the file that FAIL_FLAG names exists."""

import os

from config.wsgi import application as site


def application(environ, start_response):
    if environ["PATH_INFO"] != "/healthz" and os.path.exists(os.environ["FAIL_FLAG"]):
        start_response("500 Internal Server Error", [("Content-Type", "text/plain")])
        return [b"failing\n"]
    return site(environ, start_response)
