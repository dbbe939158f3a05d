import time

from django.core.management.base import BaseCommand, CommandError

from backups import archive, database, media
from backups.errors import BackupError


class Command(BaseCommand):
    # The checks would open the database first, and fail without our message.
    requires_system_checks = []
    help = (
        "Restore a backup into this site's database and media (both empty, "
        "unless --force); --check only checks the backup."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="A folder `manage.py backup` wrote.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace what the database and the media storage hold.",
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="Check that the backup is whole, and change nothing.",
        )

    def handle(self, *args, folder, force, check, **options):
        started = time.monotonic()
        try:
            if check:
                manifest = archive.check(folder)
            else:
                manifest = archive.restore(folder, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from None
        files = len(manifest["media"])
        if check:
            self.stdout.write(
                f"{folder} is whole: a {manifest['database']['vendor']} database "
                f"and {files} media file(s), written {manifest['created']}."
            )
            return
        self.stdout.write(
            f"Restored {folder} into {database.describe()} and {media.describe()} "
            f"({files} media file(s)) in {time.monotonic() - started:.1f} s."
        )
