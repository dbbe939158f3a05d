from django.core.management.base import BaseCommand
from django.db import transaction

from films.demo import load_film_world
from reviews.demo import load_pieces


class Command(BaseCommand):
    help = (
        "Load the demo content: Last Men in Aleppo and its world, eight "
        "documentaries and a dozen pieces about them. Safe to run again."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        film = load_film_world()
        load_pieces()
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: {film}."))
