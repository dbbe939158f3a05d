"""Filters for the site's log records (LOGGING in config/settings.py)."""

import logging


class TracebackOnlyIfFailed(logging.Filter):
    """Django logs a finished task with whatever exception is being handled
    around it (django/tasks/signals.py). The immediate backend runs a task
    queued while a template looks up an attribute inside the template's own
    `except`, so a share card drawn without fault was logged with a
    TypeError's traceback. A task that did not fail is logged without one."""

    def filter(self, record):
        if record.levelno < logging.ERROR:
            record.exc_info = None
            record.exc_text = None
        return True
