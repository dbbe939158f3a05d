"""Files a page would show that a task has yet to write (renditions, share
cards). The page shows what is stored meanwhile and is tagged with the file;
when the task has written it, pages with that tag are refreshed (web/pages.py)."""

import hashlib
import logging

from web.pages import changed, shows

logger = logging.getLogger(__name__)


def _tag(name):
    return "file-" + hashlib.blake2b(name.encode(), digest_size=8).hexdigest()


def waiting_for(name):
    """The page being rendered would show `name` once it is stored."""
    shows(_tag(name))


def written(name):
    """`name` is stored now: refresh the pages that were waiting for it."""
    changed(_tag(name))


def is_stored(storage, name):
    """Whether storage holds `name`; a storage that cannot be asked counts as
    not holding it, so the page shows what it can instead of failing."""
    try:
        return storage.exists(name)
    except Exception:
        logger.warning("Could not ask the storage whether %s is stored", name)
        return False
