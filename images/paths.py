import uuid
from pathlib import PurePath


def random_name(folder, filename):
    """A stored path that never takes the uploaded file's own name.

    `filename` is the re-encoded file's (`image.jpg`): its suffix names the real format.
    """
    suffix = PurePath(filename).suffix.lower()[:8]
    return f"{folder}/{uuid.uuid4().hex}{suffix}"


def portrait_path(instance, filename):
    return random_name("portraits", filename)


def logo_path(instance, filename):
    return random_name("logos", filename)


def poster_path(instance, filename):
    return random_name("posters", filename)


def hero_path(instance, filename):
    return random_name("heroes", filename)


def library_path(instance, filename):
    return random_name("library", filename)
