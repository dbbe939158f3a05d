"""The object store for uploads: a bucket that holds pictures and nothing else."""

from pathlib import PurePosixPath

from django.core.exceptions import SuspiciousFileOperation
from storages.backends.s3 import S3Storage

from images.encoding import FORMATS


class ImageStorage(S3Storage):
    """S3 storage that refuses any name without a picture's extension, so the
    bucket, served from its own origin, never hands out a page or a script.

    Content-Type follows the extension (django-storages guesses it from the name).
    """

    def _save(self, name, content):
        if PurePosixPath(name).suffix.lower().lstrip(".") not in FORMATS:
            raise SuspiciousFileOperation(
                f"Only JPEG, PNG and WebP pictures are stored, not “{name}”."
            )
        return super()._save(name, content)
