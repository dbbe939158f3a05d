"""No address a browser can send to the desk answers 500: every change list, add
form and autocomplete, as an editor and as a writer, with odd lookups, NUL
bytes, huge numbers and wrong types in the query string.

The models and their fields come from the admin's registry, so a model
registered later is fuzzed without editing this file.
"""

from urllib.parse import quote

import pytest
from django.contrib import admin
from django.db import models
from django.urls import reverse

from tests.factories import make_public_review

# As the desk runs, in autocommit: inside a test's transaction, PostgreSQL
# would refuse every query after the first one it refused.
pytestmark = pytest.mark.django_db(transaction=True)

HUGE = "9" * 30
# Values for any field: what a hand-edited address or a hostile link carries.
ODD_VALUES = ["\x00", HUGE, "abc"]
# Lookups that reach the database with a value the field did not expect.
ODD_LOOKUPS = {"": ODD_VALUES, "__gt": [HUGE], "__in": ["1,abc"], "__isnull": ["x"]}
# The change list's own parameters: search, order, page, the error marker.
LIST_PARAMETERS = [
    "e=1&x=1",
    "q=%00",
    "q=a%00b",
    f"q={HUGE}",
    "o=abc",
    "o=99",
    "p=abc",
    f"p={HUGE}",
    "p=-1",
    "_to_field=password",
    "_popup=1&_to_field=nonsense",
]


def registered():
    return sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


def field_names(model):
    names = []
    for field in model._meta.concrete_fields:
        names.append(field.name)
        if field.is_relation:
            names.append(f"{field.name}__id__exact")
    return names


def changelist_queries(model):
    yield from LIST_PARAMETERS
    for name in field_names(model):
        for lookup, values in ODD_LOOKUPS.items():
            for value in values:
                yield f"{name}{lookup}={quote(value)}"
        yield f"{name}__regex=("
    for field in model._meta.concrete_fields:
        if isinstance(field, models.DateField | models.DateTimeField):
            yield f"{field.name}__year={HUGE}"
            yield f"{field.name}__year=2017&{field.name}__month=13"
            yield f"{field.name}__year=2017&{field.name}__month=2&{field.name}__day=30"


def add_queries(model):
    for name in field_names(model):
        for value in ODD_VALUES:
            yield f"{name}={quote(value)}"


def autocomplete_queries():
    for model, model_admin in registered():
        for name in model_admin.autocomplete_fields:
            for value in ODD_VALUES:
                yield (
                    f"app_label={model._meta.app_label}&model_name="
                    f"{model._meta.model_name}&field_name={name}&term={quote(value)}"
                )


def assert_no_server_error(client, url):
    response = client.get(url)
    assert response.status_code < 500, url


@pytest.fixture(params=["editor", "writer"])
def desk_client(request, editor_client, writer_client):
    """An editor's or a writer's desk, with a piece on a film in the lists."""
    make_public_review()
    return {"editor": editor_client, "writer": writer_client}[request.param]


@pytest.mark.parametrize(
    "model", [model for model, _ in registered()], ids=lambda model: model._meta.label
)
def test_no_change_list_or_add_form_answers_500(desk_client, model):
    opts = model._meta
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    for query in changelist_queries(model):
        assert_no_server_error(desk_client, f"{changelist}?{query}")
    add = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
    for query in add_queries(model):
        assert_no_server_error(desk_client, f"{add}?{query}")


def test_no_autocomplete_answers_500(desk_client):
    for query in autocomplete_queries():
        assert_no_server_error(desk_client, f"/admin/autocomplete/?{query}")


def test_an_unusable_lookup_is_a_400_that_says_so(editor_client):
    response = editor_client.get(f"/admin/reviews/review/?publish_at__year={HUGE}")

    assert response.status_code == 400
    assert "asks for a filter or a value the desk cannot look up" in (
        response.content.decode()
    )


def test_a_filter_the_list_does_not_have_says_what_to_do(editor_client):
    response = editor_client.get("/admin/reviews/review/?e=1&x=1")

    assert response.status_code == 200
    assert "This list cannot be filtered that way" in response.content.decode()
