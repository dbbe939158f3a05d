from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "Pieces"

    def ready(self):
        from reviews import freshness, versions  # noqa: F401  (connect receivers)
        from reviews.models import Byline, Correction, Mention, Review, Topic
        from web import pages

        pages.follow(Review, Topic)
        pages.follow_links(Byline, Mention, Correction)
