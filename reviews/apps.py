from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "Pieces"

    def ready(self):
        from reviews import versions  # noqa: F401  (connects its signal receiver)
