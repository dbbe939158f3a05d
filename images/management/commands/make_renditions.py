"""Make the renditions an image is missing: after a task that failed, or when
the worker was lost with uploads still queued."""

from django.core.management.base import BaseCommand, CommandError

from images.renditions import is_made, widths_for, write_renditions
from images.uploads import uploaded_images


class Command(BaseCommand):
    help = "Make every uploaded image's missing renditions; pages refresh to list them."

    def handle(self, *args, **options):
        made, failed = 0, []
        for image, width in uploaded_images():
            widths = widths_for(width)
            if not widths or is_made(image, widths):
                continue
            try:
                write_renditions(image.name, missing_only=True)
            except Exception as error:
                failed.append(image.name)
                self.stderr.write(
                    f"Could not make the renditions of {image.name}: {error}"
                )
                continue
            made += 1
            self.stdout.write(f"Made the renditions of {image.name}.")
        if failed:
            raise CommandError(
                f"{len(failed)} image(s) still have no renditions: see above."
            )
        self.stdout.write(f"Done: {made} image(s) had renditions missing.")
