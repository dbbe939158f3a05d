from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "Pieces"

    def ready(self):
        from films.models import Film
        from people.models import Organisation, Person
        from reviews import versions  # noqa: F401  (connects its signal receiver)
        from reviews.name_index import names_changed

        # Here rather than in people or films, which never import reviews.
        for model in (Person, Organisation, Film):
            for signal in (post_save, post_delete):
                signal.connect(names_changed, sender=model, dispatch_uid="names")
