import time

from django.core.management.base import BaseCommand, CommandError

from backups import archive, database, media
from backups.errors import BackupError


class Command(BaseCommand):
    # The checks would open the database first, and fail without our message.
    requires_system_checks = []
    help = "Back up the database and every media file into a new folder."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="A folder that does not exist yet.")

    def handle(self, *args, folder, **options):
        started = time.monotonic()
        try:
            manifest = archive.back_up(folder)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Backed up {database.describe()} and {len(manifest['media'])} media "
            f"file(s) from {media.describe()} into {folder} in "
            f"{time.monotonic() - started:.1f} s."
        )
