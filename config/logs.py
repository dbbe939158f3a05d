"""The site's logging: one line an event, on stdout, in one format."""

import logging


def logging_config(level):
    """LOGGING for config/settings.py: every record at `level` or above."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"}
        },
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": "plain",
                # Django sets its own loggers to INFO; their records reach this
                # handler past the root's level, so the handler applies it too.
                "level": level,
            }
        },
        "filters": {
            "traceback_only_if_failed": {"()": "config.logs.TracebackOnlyIfFailed"}
        },
        "root": {"handlers": ["stdout"], "level": level},
        "loggers": {
            # Django's own console handler (DEBUG only) would print each of its
            # records a second time, unformatted: they reach stdout through the root.
            "django": {"handlers": [], "level": "INFO"},
            # axes announces itself at every start; keep its warnings only.
            "axes": {"level": "WARNING"},
            "django.tasks": {"filters": ["traceback_only_if_failed"]},
        },
    }


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
