"""The index of every name, built by a task and shared through the cache.

Building it reads every person, organisation and film: seconds at 100,000
names, so neither a reader's request nor a save pays for it. A task builds it
and stores it, pickled and compressed, in the default cache; each process keeps
one copy and, before a scan, checks the small version record (one cache get,
no query), loading the stored index only when it is newer. A changed name marks
the index stale and enqueues a rebuild once committed; until the new index is
stored, scans use the one they have.
"""

import pickle
import threading
import uuid
import zlib

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from reviews.mentions import NameIndex, all_names, record_mentions
from web.pages import changed

CHANGE_KEY = "names:change"  # a new token each time names change
VERSION_KEY = "names:version"  # which index is stored, built from which change
INDEX_KEY = "names:index"  # (build id, compressed pickle of the index)
BUILDING_KEY = "names:building"  # held by the one worker building
BUILDING_SECONDS = 600  # frees the claim of a worker that died while building
BUILDS_PER_RUN = 3


class _ProcessCopy:
    """The index this process loaded, shared by its threads.

    One thread loads a newer index while the others go on with this one; a
    thread waits only when the process has none yet.
    """

    def __init__(self):
        self.lock = threading.Lock()
        self.loaded = None  # (build id, index), replaced whole

    def current(self):
        version = cache.get(VERSION_KEY)
        if version is None:
            # An emptied cache may mean a restored database: trust no old copy.
            self.loaded = None
            return None
        if self._is_older(version) and self.lock.acquire(blocking=not self.loaded):
            try:
                if self._is_older(version):
                    self.loaded = load() or self.loaded
            finally:
                self.lock.release()
        loaded = self.loaded
        return loaded[1] if loaded else None

    def _is_older(self, version):
        return self.loaded is None or self.loaded[0] != version["build"]


_copy = _ProcessCopy()


def shared_index():
    """The latest stored index, or None when none has been built yet."""
    return _copy.current()


def update_mentions(review):
    """Record the body's mentions with the shared index; without one, a task does."""
    index = shared_index()
    if index is None:
        # Not on commit: the database backend commits the task with the piece,
        # and the immediate backend scans the piece before its transaction ends.
        scan_mentions.enqueue(review.pk)
    else:
        record_mentions(review, index)


def names_changed(**kwargs):
    """Receiver: once the change is committed, mark the index stale and rebuild it."""
    connection = transaction.get_connection()
    # Once per transaction (a merge deletes several people and saves one), so
    # the immediate backend builds once. Django keeps no public list of hooks.
    if any(hook is _mark_stale for _, hook, _ in connection.run_on_commit):
        return
    transaction.on_commit(_mark_stale)


def _mark_stale():
    cache.set(CHANGE_KEY, uuid.uuid4().hex, None)
    rebuild_name_index.enqueue()


@task
def rebuild_name_index():
    """Build and store the index, unless it is built from the latest change.

    One worker builds at a time; the others return at once, and the builder
    builds again if names changed while it worked (a few times at most, so a
    cache that cannot keep the index does not keep a worker building).
    """
    for _ in range(BUILDS_PER_RUN):
        if _is_current() or not cache.add(BUILDING_KEY, True, BUILDING_SECONDS):
            return
        try:
            _build_and_store()
        finally:
            cache.delete(BUILDING_KEY)


@task
def scan_mentions(review_pk):
    """Record a piece's mentions when its save found no index to do it with."""
    # A savepoint: the immediate backend runs this inside the saving transaction.
    with transaction.atomic():
        pieces = apps.get_model("reviews", "Review").objects
        review = pieces.filter(pk=review_pk).first()
        if review is None:
            return
        index = shared_index()
        if index is None:
            # For this piece alone, as the saving transaction's names may yet
            # roll back: the shared index is built from committed names.
            index = NameIndex(all_names())
            transaction.on_commit(rebuild_name_index.enqueue)
        record_mentions(review, index)
        # The mentions came after the save: so do the links and the pages
        # that list what the piece mentions.
        review.render_body()
        changed(*pieces.filter(pk=review_pk).page_tags())


def _is_current():
    version = cache.get(VERSION_KEY)
    return (
        version is not None
        and version["built_from"] == cache.get(CHANGE_KEY)
        and cache.has_key(INDEX_KEY)
    )


def _build_and_store():
    built_from = cache.get(CHANGE_KEY)
    index = NameIndex(all_names())
    build = store(index, built_from)
    _copy.loaded = (build, index)


def store(index, built_from):
    """Store `index` for every process; returns its build id."""
    build = uuid.uuid4().hex
    data = zlib.compress(pickle.dumps(index, pickle.HIGHEST_PROTOCOL))
    # The index first: a process that sees the new version finds it stored.
    cache.set(INDEX_KEY, (build, data), None)
    cache.set(
        VERSION_KEY,
        {
            "build": build,
            "built_from": built_from,
            "built_at": timezone.now().isoformat(),
            "names": len(index.entries),
            "bytes": len(data),
        },
        None,
    )
    return build


def load():
    """The stored index as (build id, index), or None."""
    stored = cache.get(INDEX_KEY)
    if stored is None:
        return None
    build, data = stored
    # Trusted as far as the cache is: Django unpickles every entry it reads.
    return build, pickle.loads(zlib.decompress(data))  # noqa: S301
