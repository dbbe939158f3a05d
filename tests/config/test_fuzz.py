"""No input a browser can send to a public URL answers 500.

The URL patterns come from the resolver and the query parameters from the views'
own code, so a public page added later is fuzzed without editing this file.
"""

import inspect
import re
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from types import SimpleNamespace
from urllib.parse import quote, urlsplit

import pytest
from django import forms
from django.conf import settings as django_settings
from django.test import Client
from django.urls import Resolver404, URLResolver, get_resolver, resolve, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviews.models import Review
from reviews.preview import make_token

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ROUTE_PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
# Literal names a view reads from the query string: GET.get("q"), GET["q"],
# "q" in request.GET, and forms bound to it: SomeForm(request.GET).
READS = [
    re.compile(r"GET\.(?:get|getlist)\(\s*[\"']([^\"']+)[\"']"),
    re.compile(r"GET\[\s*[\"']([^\"']+)[\"']\s*\]"),
    re.compile(r"[\"']([^\"']+)[\"']\s+in\s+(?:self\.)?request\.GET"),
]
BOUND_FORM = re.compile(r"(\w+)\(\s*(?:self\.)?request\.GET")

NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "%00",
    "%",
    "%zz",
    "%ff%fe",
    "%ed%a0%80",
    "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "../../etc/passwd",
    "..\\..\\windows",
    "'",
    '"',
    "' OR '1'='1",
    '"quoted phrase" -not OR or <-> !x & y | z :*',
    "<script>alert(1)</script>",
    "</script><img src=x onerror=alert(1)>",
    "\u202eevil",
    "ﷺ",
    "\ufeff",
    "0",
    "0000",
    "-1",
    "1e309",
    "NaN",
    "last",
    "9" * 30,
    "9" * 5000,
    "x" * 10_000,
    "فراس-فياض",
]
NUMBERS = st.integers(min_value=-(10**20), max_value=10**20).flatmap(
    lambda n: st.sampled_from([str(n), f"{n:04d}", f"{n}.0", f"{n}e3"])
)
HOSTILE = st.one_of(
    st.sampled_from(NASTY),
    NUMBERS,
    st.text(st.characters(exclude_categories=("Cs",)), max_size=40),
)


def _walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern))
        else:
            yield prefix + str(entry.pattern), entry


def public_patterns():
    """Every public route and its pattern entry, from the URL resolver; the editors'
    desk (under the admin's path) has a permission matrix of its own."""
    return {
        route: entry
        for route, entry in _walk(get_resolver().url_patterns)
        if not route.startswith(django_settings.ADMIN_PATH)
    }


PUBLIC = public_patterns()


def _view_classes(callback):
    view = inspect.unwrap(callback)
    owner = getattr(view, "view_class", None)
    if owner is None and not inspect.isfunction(view):
        owner = type(view)  # a callable instance, such as a Feed
    return view, owner.__mro__ if owner else ()


def query_parameters(callback):
    """The names a view reads from the query string, found in its code."""
    view, classes = _view_classes(callback)
    names = {getattr(cls, "page_kwarg", None) for cls in classes} - {None}
    modules = {sys.modules[view.__module__]}
    modules |= {sys.modules[cls.__module__] for cls in classes}
    for module in modules:
        try:
            source = inspect.getsource(module)
        except (OSError, TypeError):
            continue
        for read in READS:
            names.update(read.findall(source))
        for form_name in BOUND_FORM.findall(source):
            form = getattr(module, form_name, None)
            if isinstance(form, type) and issubclass(form, forms.BaseForm):
                names.update(form.base_fields)
    return names


QUERY_PARAMETERS = {
    route: sorted(query_parameters(entry.callback)) for route, entry in PUBLIC.items()
}
EVERY_PARAMETER = sorted(set().union(*QUERY_PARAMETERS.values()))


def _listed_paths(client):
    """Every address the sitemaps list, the way a crawler finds them."""
    index = ET.fromstring(client.get(reverse("sitemap")).content)
    for section in index.iter(f"{SITEMAP}loc"):
        listed = ET.fromstring(client.get(urlsplit(section.text).path).content)
        yield urlsplit(section.text).path
        yield from (urlsplit(loc.text).path for loc in listed.iter(f"{SITEMAP}loc"))


def existing_arguments(client):
    """Route arguments of real objects: whatever the sitemaps list, and a real
    preview token for each piece in any state."""
    found = defaultdict(list)
    for path in _listed_paths(client):
        match = resolve(path)
        found[match.route].append(match.kwargs)
    preview = resolve(reverse("reviews:preview", args=["x"])).route
    found[preview] = [{"token": make_token(piece)} for piece in Review.objects.all()]
    return found


def _tampered(token):
    """A real token changed the ways a curious reader might change it."""
    return st.one_of(
        st.integers(0, len(token) - 1).map(lambda i: token[:i]),
        st.integers(0, len(token) - 1).map(
            lambda i: token[:i] + ("A" if token[i] != "A" else "B") + token[i + 1 :]
        ),
        HOSTILE.map(lambda extra: token + extra),
    )


def _encoded(values):
    """Sent percent-encoded, as a browser would, or raw, as a hand-typed URL."""
    return st.tuples(values, st.booleans()).map(
        lambda pair: quote(pair[0], safe="") if pair[1] else pair[0]
    )


def _argument(converter, known):
    choices = [st.from_regex(converter.regex, fullmatch=True), HOSTILE]
    if known:
        choices.append(st.sampled_from(known))
        if isinstance(known[0], str) and ":" in known[0]:
            choices.append(st.sampled_from(known).flatmap(_tampered))
    return _encoded(st.one_of(*choices))


def _fill(route, entry, value):
    """The route with each converter's argument replaced by value(name, converter)."""
    converters = entry.pattern.converters

    def argument(match):
        name = match["name"]
        if name not in converters:  # fixed by the URLconf, as the sitemap dicts are
            return match[0]
        return value(name, converters[name])

    return "/" + ROUTE_PARAMETER.sub(argument, route)


def _path(route, entry, existing, draw):
    real = existing.get(route) or []

    def value(name, converter):
        known = [kwargs[name] for kwargs in real if name in kwargs]
        return draw(_argument(converter, known))

    return _fill(route, entry, value)


def _query(route, draw):
    """Each of the view's parameters, or not, plus others, with hostile values."""
    pairs = [
        (name, draw(_encoded(HOSTILE)))
        for name in QUERY_PARAMETERS[route]
        if draw(st.booleans())
    ]
    others = st.sampled_from(EVERY_PARAMETER) | _encoded(HOSTILE)
    pairs += draw(st.lists(st.tuples(others, _encoded(HOSTILE)), max_size=2))
    if draw(st.integers(0, 19)) == 0:
        pairs += [(f"field{number}", "1") for number in range(1001)]
    return "&".join(f"{quote(name, safe='')}={value}" for name, value in pairs)


def _wire(value):
    """As a hand-typed URL sends it: characters encoded, percent signs left as typed."""
    return quote(value, safe="%")


def _failure(method, url, response):
    shown = url if len(url) < 300 else f"{url[:300]}… ({len(url)} characters)"
    return f"{method.__name__.upper()} {shown} answered {response.status_code}"


def _resolves(url):
    try:
        resolve(urlsplit(url).path)
    except Resolver404:
        return False
    return True


def test_every_query_parameter_the_views_read_is_found():
    """The scan sees through forms, paginated lists and third-party views."""
    assert {"q", "page", "kind", "topic", "year", "p"} <= set(EVERY_PARAMETER)
    assert {"kind", "page", "topic", "year"} <= set(QUERY_PARAMETERS["reviews/"])


def test_the_desk_is_left_to_its_own_matrix_and_every_public_page_is_here():
    assert not any(route.startswith(django_settings.ADMIN_PATH) for route in PUBLIC)
    for name in ("reviews:detail", "reviews:preview", "films:detail", "sitemap"):
        assert any(entry.name == name.split(":")[-1] for entry in PUBLIC.values())


def test_every_known_hostile_value_in_every_place_answers_below_500(site):
    """The known-bad values, each in every route argument and every parameter."""
    for route, entry in sorted(PUBLIC.items()):
        real = (site.existing.get(route) or [{}])[0]
        path = _fill(
            route, entry, lambda name, _, real=real: quote(str(real.get(name, "x")))
        )
        names = QUERY_PARAMETERS[route]
        # Pages for editors only (the preview) send readers to the login first.
        signed_out = site.reader.get(path).status_code == 302
        client = site.desk if signed_out else site.reader
        for value in NASTY:
            urls = [f"{path}?" + "&".join(f"{name}={_wire(value)}" for name in names)]
            if entry.pattern.converters:
                urls.append(
                    _fill(route, entry, lambda name, _, value=value: _wire(value))
                )
            for url in urls:
                response = client.get(url)
                assert response.status_code < 500, _failure(client.get, url, response)


@pytest.fixture
def site(demo, editor):
    """A reader, an editor at the desk, a poster without a CSRF token, and the
    demo's real addresses."""
    desk = Client()
    desk.force_login(editor)
    reader = Client()
    return SimpleNamespace(
        reader=reader,
        desk=desk,
        poster=Client(enforce_csrf_checks=True),
        existing=existing_arguments(reader),
    )


@settings(
    max_examples=15,
    derandomize=True,
    database=None,
    deadline=None,
    # The demo content and the clients are set up once and only read: every
    # request below is a GET, a HEAD, or a POST that CSRF refuses.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_public_url_answers_500(site, data):
    """Each example visits every public route once, so none is left out."""
    for route in sorted(PUBLIC):
        path = _path(route, PUBLIC[route], site.existing, data.draw)
        query = _query(route, data.draw)
        url = f"{path}?{query}" if query else path
        client = data.draw(st.sampled_from([site.reader, site.desk]), label="client")

        for method in (client.get, client.head):
            response = method(url)
            assert response.status_code < 500, _failure(method, url, response)
        posted = site.poster.post(url)
        refused = (400, 403, 405) if _resolves(url) else range(400, 500)
        assert posted.status_code in refused, _failure(site.poster.post, url, posted)
