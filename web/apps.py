from django.apps import AppConfig


class WebConfig(AppConfig):
    """What every public page shares: the page cache, URL converters, the
    site's context and JSON-LD. It knows no model; the apps above it say what
    their pages show."""

    name = "web"
    verbose_name = "Web"

    def ready(self):
        from django.db.models.signals import pre_save

        # Converters register <uslug:> and <token:>; purging connects a receiver.
        from web import converters, purging  # noqa: F401
        from web.text import clean_text_fields

        # Every model's, not just ours: an account's name reaches mails too.
        pre_save.connect(clean_text_fields, dispatch_uid="clean_text_fields")
