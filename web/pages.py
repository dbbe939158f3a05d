"""The page cache: readers get a stored page until something it shows changes.

While a page renders, every loaded instance of a model the apps `follow()`
tags it ("person-12"), and a page that lists a model's rows says so
(`public_page(view, lists=[Review])` tags it "review"). When an instance is
saved or deleted, or a row linking to it is, the time is recorded under its
tags. A stored page is served only while none of its tags has changed since
it began to render, so invalidation is exact and, with a shared cache such as
Redis, holds on every server at the next request. A tag whose time the cache
lost counts as changed. While nothing shown anywhere has changed since a page
was last found current, it is served without reading its tags.
"""

import hashlib
import logging
import math
import time
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import ForeignKey
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save
from django.dispatch import Signal
from django.http import HttpResponse, QueryDict
from django.utils.cache import patch_cache_control
from django.utils.http import http_date, quote_etag, urlencode

from web.release import release

# Sent with the tags whose pages changed, once recorded: CDNs purge by them.
pages_changed = Signal()

logger = logging.getLogger("filmdesk.faults")

# Per release (web/release.py): a deploy that changes templates, code or static
# files leaves the pages stored before it behind, to expire.
PAGE_KEY = "page:{}:{}"
CHANGED_KEY = "changed:{}"
# The keys of a page's stored copies with different query values.
VARIANTS_KEY = "variants:{}:{}"
# The time of the latest change to anything shown: while it is older than a
# page, the page is current without looking at its tags.
ANY_CHANGE_KEY = "changed:*"
# Where a request's environ says which stored page answered it (web/wsgi.py),
# and what the look for its page found.
SERVED_FROM = "filmdesk.stored_page"
LOOKED_UP = "filmdesk.looked_up"
# Headers of the view's response that a stored page keeps.
KEPT_HEADERS = {"content-type", "content-language", "link", "x-robots-tag"}

_followed = set()
_tags_of_page = ContextVar("tags_of_page", default=None)
_clocks = []


def tag(model, pk=None):
    """ "review" for the model's lists, "review-12" for one piece."""
    name = model._meta.model_name
    return name if pk is None else f"{name}-{pk}"


def changed(*tags):
    """Record that pages showing `tags` are out of date.

    At once, and again when the transaction commits: a page rendered from the
    old data in between is out of date too, and the change is recorded even
    if the process stops before its commit callbacks run. CDNs hear of it
    once, when it is committed.
    """
    tags = {tag for tag in tags if tag}
    if tags:
        _record_change(tags)
        transaction.on_commit(lambda: _record_change(tags, announce=True))


def _record_change(tags, announce=False):
    now = time.time()
    times = {CHANGED_KEY.format(tag): now for tag in tags}
    lost = cache.set_many({**times, ANY_CHANGE_KEY: now}, timeout=None)
    if lost:
        logger.error(
            "The cache did not take a change to %s: pages stored before it may "
            "be served until cleared (docs/operations.md).",
            " ".join(sorted(tags)),
        )
    if announce:
        pages_changed.send(sender=None, tags=tags)


def follow(*models):
    """Pages showing rows of these models refresh when a row changes."""
    for model in models:
        _followed.add(model)
        post_init.connect(_note_shown, sender=model, weak=False)
    follow_links(*models)


def follow_links(*models):
    """Rows of these models link followed rows (a byline, a credit): adding or
    removing one changes the pages of what it links."""
    for model in models:
        post_save.connect(_row_changed, sender=model, weak=False)
        post_delete.connect(_row_changed, sender=model, weak=False)
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(_links_changed, sender=field.remote_field.through)


def watch_clock(keys, came_due, due_at):
    """Changes that come with time, not with a save (a scheduled piece's hour).

    Before a stored page is served, the cache's values for `keys` are read
    with the page's change times, and `came_due(values)` is called: when it
    records changes and returns True, the page is rendered afresh.
    `due_at(values)`: the time of the next such change, or None, so a cache
    in front keeps a page no longer (Surrogate-Fresh-Until).
    """
    _clocks.append((keys, came_due, due_at))


def shows(*tags):
    """The page being rendered shows these rows, read from something stored
    rather than loaded (a piece's stored bylines): tag it with them too."""
    page_tags = _tags_of_page.get()
    if page_tags is not None:
        page_tags.update(tags)


def _note_shown(sender, instance, **kwargs):
    tags = _tags_of_page.get()
    if tags is not None and instance.pk is not None:
        tags.add(tag(sender, instance.pk))


def _row_changed(sender, instance, **kwargs):
    # A piece readers never saw (a draft) is on no stored page.
    if not getattr(instance, "shown_to_readers", True):
        return
    tags = {tag(sender), tag(sender, instance.pk)} if sender in _followed else set()
    for field in sender._meta.concrete_fields:
        target = field.related_model if isinstance(field, ForeignKey) else None
        if target in _followed and getattr(instance, field.attname) is not None:
            tags.add(tag(target, getattr(instance, field.attname)))
    if hasattr(instance, "pages_showing"):
        tags.update(instance.pages_showing())
    changed(*tags)


def _links_changed(sender, instance, action, model, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    tags = {tag(type(instance), instance.pk), tag(model)}
    tags.update(tag(model, pk) for pk in pk_set or ())
    changed(*tags)


@dataclass(frozen=True)
class StoredPage:
    content: bytes
    # As readers get them: the view's own (KEPT_HEADERS) and `_for_readers`'s.
    headers: dict
    rendered_at: float
    tags: frozenset
    etag: str
    # When it was last known to show what the database holds.
    current_at: float
    # Every header the whole stack answered it with, once it has (web/wsgi.py).
    served_headers: tuple = None
    # When a clock's next change may change it, if before PAGE_CACHE_SECONDS.
    fresh_until: float = None

    def tags_unchanged(self):
        keys = [CHANGED_KEY.format(tag) for tag in self.tags]
        times = cache.get_many(keys)
        if len(times) < len(keys):
            return False
        newest_change = self.current_at - settings.PAGE_CACHE_CLOCK_SKEW
        return all(time_ < newest_change for time_ in times.values())

    def response(self):
        return HttpResponse(self.content, headers=self.headers)


def _current_page(key):
    """The stored page under `key` if nothing it shows has changed, else None.

    One cache round trip while nothing shown anywhere changed since the page
    was last known current; two when something did.
    """
    looked_at = time.time()
    clock_keys = [key for keys, _, _ in _clocks for key in keys]
    found = cache.get_many([key, ANY_CHANGE_KEY, *clock_keys])
    stored = found.get(key)
    if stored is None:
        return None
    for watched, came_due, _ in _clocks:
        if came_due({key: found[key] for key in watched if key in found}):
            return None
    skew = settings.PAGE_CACHE_CLOCK_SKEW
    if found.get(ANY_CHANGE_KEY, math.inf) < stored.current_at - skew:
        return stored
    if not stored.tags_unchanged():
        return None
    # Current as of this look: say so, and the next look is quick again.
    stored = replace(stored, current_at=looked_at)
    cache.set(key, stored, timeout=settings.PAGE_CACHE_SECONDS)
    return stored


def public_page(view=None, *, lists=(), query=()):
    """A page for anonymous readers, stored until something it shows changes.

    Editors (anyone with a session) and requests other than GET and HEAD get
    it rendered afresh. `lists`: the models whose rows the page lists, so a
    row added or removed anywhere refreshes it. `query`: the parameters of the
    query string the page reads; the view sees no others, so they neither
    change the page nor store another copy of it, and at most
    PAGE_CACHE_VARIANTS copies with different values are stored at a time.
    """

    def decorate(view):
        @wraps(view)
        def page(request, *args, **kwargs):
            request.GET = _only(request.GET, query)
            if request.method not in {"GET", "HEAD"} or _has_session(request):
                return _for_readers(view(request, *args, **kwargs), stored=None)
            path = request.build_absolute_uri(request.path)
            address = f"{path}?{request.GET.urlencode()}" if request.GET else path
            key = _page_key(address)
            stored = _looked_up(request, key)
            if stored is None:
                response, stored = _render(view, request, args, kwargs, lists)
                if stored is None:
                    return _for_readers(response, stored=None)
                if not request.GET or _room_for_variant(_digest(path), key):
                    cache.set(key, stored, timeout=settings.PAGE_CACHE_SECONDS)
            return _served(request, key, stored)

        return page

    return decorate if view is None else decorate(view)


def stored_response(request):
    """What a stored page's view would answer an anonymous reader's GET or HEAD
    of an address without a query string, if the page is stored and current;
    else None (web/middleware.py answers with it before the rest of the stack)."""
    key, stored = _stored_for(request)
    return None if stored is None else _served(request, key, stored)


def served_page(request):
    """The stored page for `request` with every header the whole stack gave
    it, if there is one and nothing it shows has changed (web/wsgi.py)."""
    _, stored = _stored_for(request)
    return stored if stored is not None and stored.served_headers else None


def keep_served_headers(served, headers):
    """Keep the headers the whole stack answered a stored page with (`served`,
    as `SERVED_FROM` notes it), so the next request for the page is answered
    with them at once (web/wsgi.py)."""
    key, stored = served
    if stored.served_headers != tuple(headers):
        stored = replace(stored, served_headers=tuple(headers))
        cache.set(key, stored, timeout=settings.PAGE_CACHE_SECONDS)


def _stored_for(request):
    """(key, the stored page if current) for an anonymous reader's GET or HEAD
    of an address without a query string; (None, None) for anything else."""
    if (
        request.method not in {"GET", "HEAD"}
        or request.META.get("QUERY_STRING")
        or settings.SESSION_COOKIE_NAME in request.COOKIES
    ):
        return None, None
    key = _page_key(request.build_absolute_uri(request.path))
    return key, _looked_up(request, key)


def _looked_up(request, key):
    """`_current_page(key)`, once a request: the WSGI layer, the middleware and
    the view each ask, and a page found missing or stale by the first is so
    for the others (the environ is theirs in common)."""
    looked = request.META.get(LOOKED_UP)
    if looked is None or looked[0] != key:
        looked = request.META[LOOKED_UP] = (key, _current_page(key))
    return looked[1]


def _served(request, key, stored):
    """The stored page's response; the request notes which page it was."""
    if not request.META.get("QUERY_STRING"):
        request.META[SERVED_FROM] = (key, stored)
    return stored.response()


def _page_key(address):
    return PAGE_KEY.format(release(), _digest(address))


def _digest(text):
    return hashlib.sha256(text.encode()).hexdigest()


def _only(parameters, names):
    """The query string's `names`, in a fixed order, and nothing else."""
    if not parameters:
        return parameters
    kept = sorted(set(names) & parameters.keys())
    return QueryDict(
        urlencode(
            [(name, value) for name in kept for value in parameters.getlist(name)]
        )
    )


def _has_session(request):
    """Whether the request carries a session that exists: anyone can send a
    cookie by that name, and a made-up one must not skip the stored pages."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    return bool(request.session.keys())  # a made-up key loads as empty


def _room_for_variant(page, key):
    """Whether the copy of `page` under `key` may be stored: it is, or fewer
    than PAGE_CACHE_VARIANTS copies with other query values are."""
    variants_key = VARIANTS_KEY.format(release(), page)
    variants = cache.get(variants_key, frozenset())
    if key in variants:
        return True
    if len(variants) >= settings.PAGE_CACHE_VARIANTS:
        return False
    cache.set(variants_key, variants | {key}, timeout=settings.PAGE_CACHE_SECONDS)
    return True


def _render(view, request, args, kwargs, lists):
    """The view's response and, when it can be stored, the page to store."""
    started = time.time()
    tags = {tag(model) for model in lists}
    token = _tags_of_page.set(tags)
    try:
        response = view(request, *args, **kwargs)
        if callable(getattr(response, "render", None)):
            response = response.render()  # its queries run while tags are noted
    finally:
        _tags_of_page.reset(token)
    if response.status_code != 200 or response.streaming or response.cookies:
        return response, None
    _mark_known(tags, started)
    headers = {
        name: value for name, value in response.items() if name.lower() in KEPT_HEADERS
    }
    etag = quote_etag(hashlib.blake2b(response.content, digest_size=16).hexdigest())
    page = StoredPage(
        response.content,
        headers,
        started,
        frozenset(tags),
        etag,
        current_at=started,
        fresh_until=_next_clock_change(started),
    )
    # Stored with the headers every reader gets, so serving it sets none.
    served = _for_readers(HttpResponse(headers=headers), page)
    return response, replace(page, headers=dict(served.items()))


def _next_clock_change(started):
    """For the caches in front (CDN_PURGE_URL): the time of the next change a
    clock knows of, if it comes before this page would expire anyway."""
    if not settings.CDN_PURGE_URLS:
        return None
    keys = [key for keys, _, _ in _clocks for key in keys]
    known = cache.get_many(keys) if keys else {}
    times = [due_at(known) for _, _, due_at in _clocks]
    due = min((time_ for time_ in times if time_ is not None), default=math.inf)
    return due if due < started + settings.PAGE_CACHE_SECONDS else None


def _mark_known(tags, started):
    """Give a time to tags never changed (or whose time the cache lost), older
    than this page: the page is current, and pages older still are not."""
    keys = [CHANGED_KEY.format(tag) for tag in tags] + [ANY_CHANGE_KEY]
    known = cache.get_many(keys)
    before_this_page = started - settings.PAGE_CACHE_CLOCK_SKEW - 0.001
    for key in keys:
        if key not in known:
            cache.add(key, before_this_page, timeout=None)


def _for_readers(response, stored):
    """Browsers revalidate every time (an ETag and Last-Modified make that a
    304); CDNs that can purge by Surrogate-Key may keep the page."""
    patch_cache_control(response, public=True, no_cache=True)
    if stored is not None:
        response["ETag"] = stored.etag
        response["Last-Modified"] = http_date(stored.rendered_at)
        response["Surrogate-Key"] = " ".join(sorted(stored.tags))
        response["Surrogate-Control"] = f"max-age={settings.PAGE_CACHE_SECONDS}"
        if stored.fresh_until is not None:
            # An absolute time: the header is the same however late it is served.
            response["Surrogate-Fresh-Until"] = http_date(math.ceil(stored.fresh_until))
    return response
