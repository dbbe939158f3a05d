from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "Pieces"

    def ready(self):
        from films.models import Film
        from people.models import Organisation, Person
        from reviews import freshness, versions  # noqa: F401  (connect receivers)
        from reviews.models import (
            Byline,
            Correction,
            FrontPagePlace,
            Mention,
            Review,
            Topic,
        )
        from reviews.name_index import names_changed
        from web import pages

        pages.follow(Review, Topic, FrontPagePlace)
        pages.follow_links(Byline, Mention, Correction)
        # Here rather than in people or films, which never import reviews.
        for model in (Person, Organisation, Film):
            for signal in (post_save, post_delete):
                signal.connect(names_changed, sender=model, dispatch_uid="names")
