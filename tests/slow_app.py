"""A WSGI app with one slow address, to show gunicorn's timeout at work."""

import time


def application(environ, start_response):
    if environ["PATH_INFO"] == "/slow":
        time.sleep(60)
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"fast\n"]
