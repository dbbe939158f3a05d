from django.apps import AppConfig


class WebConfig(AppConfig):
    """What every public page shares: the page cache, URL converters, the
    site's context and JSON-LD. It knows no model; the apps above it say what
    their pages show."""

    name = "web"
    verbose_name = "Web"

    def ready(self):
        # Converters register <uslug:> and <token:>; purging connects a receiver.
        from web import converters, purging  # noqa: F401
