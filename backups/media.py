"""The media in a backup: every stored file (uploads, renditions, share cards),
copied through the site's own storage, so local folders and S3-compatible
buckets (django-storages on boto3) are backed up and restored alike."""

import hashlib
from pathlib import Path, PurePosixPath

from django.core.files import File
from django.core.files.storage import default_storage

from backups.errors import BackupError


def describe():
    location = getattr(default_storage, "bucket_name", None)
    if location:
        return f"the bucket {location}"
    return f"the folder {default_storage.location}"


def _reaching(action):
    """Run `action`; a storage that cannot be reached is named, in one sentence."""
    try:
        return action()
    except FileNotFoundError:
        return None
    except Exception as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else error
        raise BackupError(f"Could not reach {describe()}: {reason}") from None


def stored_names(folder=""):
    """Every file's name in the storage, folders first."""
    listing = _reaching(lambda: default_storage.listdir(folder))
    if listing is None:  # a local media folder not made yet: nothing stored
        return []
    folders, files = listing
    names = []
    for name in sorted(folders):
        names += stored_names(str(PurePosixPath(folder, name)))
    return names + [str(PurePosixPath(folder, name)) for name in sorted(files)]


def digest(path):
    with open(path, "rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def copy_out(folder):
    """Copy every stored file into `folder`; returns {name: sha256}. A file
    deleted since the listing (an old share card, say) is left out."""
    copied = {}
    for name in stored_names():
        target = Path(folder, name)
        target.parent.mkdir(parents=True, exist_ok=True)

        def copy(name=name, target=target):
            with default_storage.open(name, "rb") as source, open(target, "wb") as out:
                for chunk in source.chunks():
                    out.write(chunk)
            return True

        if _reaching(copy):
            copied[name] = digest(target)
    return copied


def check(folder, expected):
    """Raise unless `folder` holds every file of `expected`, byte for byte."""
    for name, sha256 in expected.items():
        path = Path(folder, name)
        if not path.is_file():
            raise BackupError(f"The backup lacks the media file {name}.")
        if digest(path) != sha256:
            raise BackupError(f"The backup's media file {name} is damaged.")


def copy_in(folder, names, replace):
    """Store every file of `names` from `folder` under its own name."""
    for name in names:

        def store(name=name):
            if replace and default_storage.exists(name):
                default_storage.delete(name)
            with open(Path(folder, name), "rb") as source:
                return default_storage.save(name, File(source, name=name))

        stored = _reaching(store)
        if stored != name:
            raise BackupError(
                f"{describe().capitalize()} already holds {name}: restore with "
                "--force to replace it."
            )
