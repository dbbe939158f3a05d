from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Load the demo content (idempotent)."

    def handle(self, *args, **options):
        self.stdout.write("No demo content to load yet.")
