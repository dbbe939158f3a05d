from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = "People and organisations"

    def ready(self):
        from people.models import Affiliation, Organisation, Person
        from web import pages

        pages.follow(Person, Organisation)
        pages.follow_links(Affiliation)
