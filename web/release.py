"""Which version of the site is running: a digest of what its pages are made
from, so that pages stored by an older version are not served after a deploy."""

import functools
import hashlib
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage

SOURCES = {".py", ".html", ".xml", ".txt", ".json"}


@functools.cache
def release():
    """A digest of the project's code and templates and of the names of its
    collected static files (pages link them by content hash)."""
    base = Path(settings.BASE_DIR)
    # The project's own apps: they and its templates draw the public pages.
    roots = {Path(app.path) for app in apps.get_app_configs()}
    roots = {root for root in roots if root.parent == base}
    roots |= {
        base / "config",
        *(Path(d) for t in settings.TEMPLATES for d in t["DIRS"]),
    }
    files = {
        f"{root.name}/{path.relative_to(root)}": path
        for root in roots
        for path in root.rglob("*")
        if path.suffix in SOURCES
    }
    manifest = getattr(staticfiles_storage, "manifest_name", None)
    if manifest and staticfiles_storage.exists(manifest):
        files[manifest] = Path(staticfiles_storage.path(manifest))
    digest = hashlib.blake2b(digest_size=8)
    for name, path in sorted(files.items()):
        digest.update(name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
