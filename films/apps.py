from django.apps import AppConfig


class FilmsConfig(AppConfig):
    name = "films"

    def ready(self):
        from films import boxes, receivers  # noqa: F401  (connect receivers)
        from films.models import Award, Credit, Film, Genre, Nomination
        from web import pages

        pages.follow(Film, Genre, Award)
        pages.follow_links(Credit, Nomination)
