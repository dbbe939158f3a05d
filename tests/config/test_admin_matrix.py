"""Every admin page and action, for every kind of account, read off the URL resolver
and the admin registry: a page or action added later without expectations here
fails the test, so nobody can open a new door by accident."""

from urllib.parse import urlencode

import pytest
import reversion
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.db import transaction
from django.test import Client
from django.urls import URLResolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks_db.models import DBTaskResult
from reversion.models import Version

from audit.models import Event, record
from desk.models import Comment
from desk.notifications import notify
from films.models import Award, Credit, Film, Genre, Nomination
from images.models import LibraryImage
from people.models import Affiliation, Organisation, Person
from reviews.models import FrontPagePlace, Review, SlugRedirect, Topic
from tests.factories import make_credit, make_nomination, make_person, make_review
from tests.images import image_upload

pytestmark = pytest.mark.django_db

ROLES = (
    "anonymous",
    "staff",
    "writer",
    "other_writer",
    "co_author",
    "editor",
    "superuser",
)
STAFF = frozenset(ROLES) - {"anonymous"}
EVERYONE = frozenset(ROLES)
EDITORS = frozenset({"editor", "superuser"})
SUPERUSER = frozenset({"superuser"})

# What each account may do with each registered model. `list` opens the
# changelist; `view`, `change` apply to the page's object (for pieces: a draft
# of "writer"'s, so "other_writer" may list pieces but not open this one, and
# "co_author", another writer on its byline, has the rights of its starter);
# `restore` covers history restore, recover and the deleted list.
ALL = "list view add change delete restore"
RIGHTS = {
    Review: {
        "writer": "list view add change",
        "other_writer": "list add",
        "co_author": "list view add change",
        "editor": f"{ALL} publish",
        "superuser": f"{ALL} publish",
    },
    Topic: {"writer": "list view", "other_writer": "list view"},
    # The library is shared: writers upload and describe, editors also delete.
    LibraryImage: {
        "writer": "list view add change",
        "other_writer": "list view add change",
        "co_author": "list view add change",
    },
    # Editors arrange the home page; writers see how it stands.
    FrontPagePlace: {"writer": "list view", "other_writer": "list view"},
    Person: {"writer": "list view", "other_writer": "list view"},
    Organisation: {"writer": "list view", "other_writer": "list view"},
    Film: {"writer": "list view", "other_writer": "list view"},
    SlugRedirect: {},
    Genre: {},
    Award: {},
    Nomination: {},
    Credit: {},
    Affiliation: {},
    # The log is written by the steps it records: nobody edits it.
    Event: {"editor": "list view", "superuser": "list view"},
    # django-axes adds nothing by hand; editors unlock logins.
    AccessAttempt: {
        "editor": "list view change delete",
        "superuser": "list view change delete",
    },
    AccessLog: {
        "editor": "list view change delete",
        "superuser": "list view change delete",
    },
    AccessFailureLog: {
        "editor": "list view change delete",
        "superuser": "list view change delete",
    },
    # Queued and finished background work: read-only, for whoever runs the site.
    DBTaskResult: {"editor": "", "superuser": "list view"},
    User: {"editor": "", "superuser": "list view add change delete"},
    Group: {"editor": "", "superuser": "list view add change delete"},
}
EDITOR_DEFAULT = ALL

# The right each model page needs, for GET and for POST.
MODEL_PAGES = {
    "changelist": ("list", "list"),
    "add": ("add", "add"),
    "change": ("view", "change"),
    "history": ("view", "view"),
    "delete": ("delete", "delete"),
    "recoverlist": ("restore", "restore"),
    "recover": ("restore", "restore"),
    "revision": ("restore", "restore"),
    "compare": ("view", "view"),
    "import": ("add", "add"),
    # The home page as the front page's arrangement makes it.
    "preview": ("list", "list"),
    # A button in the piece's form: POST only.
    "revoke_preview": (None, "publish"),
    # The piece form's heartbeat and autosave, and the button that discards
    # kept changes: POST only, for those who may edit the piece.
    "presence": (None, "change"),
    "autosave": (None, "change"),
    "autosave_discard": (None, "change"),
    # Under the piece form: a new comment, an answer and resolving a thread.
    "comment": (None, "change"),
    "comment_answer": (None, "change"),
    "comment_resolve": (None, "change"),
    # Beside the piece form: its live preview, and turning it on or off.
    "live_preview": ("change", "change"),
    "live_preview_setting": (None, "list"),
    "password_change": ("superuser", "superuser"),
    # The body editor's window for choosing a library image: GET only.
    "pick": ("list", None),
}

# Who may open the admin's own pages (the site, not a model).
SITE_PAGES = {
    "index": (STAFF, STAFF),
    "login": (EVERYONE, EVERYONE),
    # Logging out is a POST since Django 5; a stranger's GET is sent to the login.
    "logout": (frozenset({"anonymous"}), EVERYONE),
    "password_change": (STAFF, STAFF),
    "password_change_done": (STAFF, frozenset()),
    "jsi18n": (STAFF, frozenset()),
    # The desk's own pages: everyone's settings; accounts are added by those who
    # may add users.
    "my_settings": (STAFF, STAFF),
    "add_contributor": (SUPERUSER, SUPERUSER),
}
# Pages a stranger may open.
NO_LOGIN = {"login", "logout"}
# Patterns without a name only send on to named ones.
UNNAMED = ("/<path:object_id>/", "(?P<url>.*)$")

# The right each action needs.
ACTIONS = {
    "delete_selected": "delete",
    "merge_selected": "delete",
    "publish_selected": "publish",
    "withdraw_selected": "publish",
    "cleanup_expired_attempts": "delete",
}


def rights(role, model):
    if role == "anonymous" or role == "staff":
        return set()
    table = RIGHTS[model]
    if role == "co_author" and role not in table:
        role = "other_writer"  # a byline gives rights on that piece alone
    if role in table:
        return set(table[role].split())
    if role == "editor":
        return set(EDITOR_DEFAULT.split())
    if role == "superuser":
        return set(ALL.split())
    return set()


def allowed(role, model, right):
    if right is None:
        return False
    if right == "superuser":
        return role == "superuser"
    return right in rights(role, model)


def admin_patterns(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from admin_patterns(
                pattern.url_patterns, prefix + str(pattern.pattern)
            )
        else:
            yield prefix + str(pattern.pattern), pattern.name


def model_page(name):
    """(model, page kind) for a model admin's URL name, else None."""
    for model in admin.site._registry:
        prefix = f"{model._meta.app_label}_{model._meta.model_name}_"
        if name and name.startswith(prefix):
            return model, name.removeprefix(prefix)
    return None


def cases():
    """Every named admin URL pattern, from the resolver."""
    urls, _, _ = admin.site.urls
    names = []
    for pattern, name in admin_patterns(urls):
        if name is None:
            assert pattern.endswith(UNNAMED), (
                f"Unnamed admin URL {pattern!r}: name it and add expectations."
            )
            continue
        names.append(pytest.param(name, id=name))
    return names


def action_cases():
    return [
        pytest.param(model, name, id=f"{model._meta.label}.{name}")
        for model, model_admin in admin.site._registry.items()
        for name in (action.name for action in model_admin._get_base_actions())
    ]


@pytest.fixture
def accounts(db):
    def member(username, group=None, **flags):
        user = User.objects.create_user(username, is_staff=True, **flags)
        if group:
            user.groups.add(Group.objects.get(name=group))
        return user

    return {
        "anonymous": None,
        "staff": member("staff"),
        "writer": member("writer", "Writers"),
        "other_writer": member("other-writer", "Writers"),
        "co_author": member("co-author", "Writers"),
        "editor": member("editor", "Editors"),
        "superuser": member("root", is_superuser=True),
    }


@pytest.fixture
def world(accounts, settings):
    """One object of every registered model, and versions to restore and recover."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    editor = accounts["editor"]
    film = Film.objects.create(title="Last Men in Aleppo", year=2017)
    person = make_person("Feras Fayyad")
    organisation = Organisation.objects.create(
        name="Larm Film", kind=Organisation.Kind.PRODUCTION_COMPANY
    )
    with reversion.create_revision():
        draft = make_review(
            "A draft of writer's", film=film, created_by=accounts["writer"]
        )
        person.save()
        organisation.save()
    draft.standfirst = "Revised."
    draft.save()  # a changed save: a second version, so compare has two
    draft.bylines.create(person=make_person("Co Author", user=accounts["co_author"]))
    with reversion.create_revision():
        gone = make_review("Deleted piece", film=film)
        gone_person = make_person("Deleted Person")
        gone_organisation = Organisation.objects.create(
            name="Gone", kind=Organisation.Kind.OTHER
        )
    deleted = {
        Review: Version.objects.get_for_object(gone).first(),
        Person: Version.objects.get_for_object(gone_person).first(),
        Organisation: Version.objects.get_for_object(gone_organisation).first(),
    }
    for obj in (gone, gone_person, gone_organisation):
        obj.delete()
    nomination = make_nomination(film)
    attempt = AccessAttempt.objects.create(
        username="someone", ip_address="192.0.2.1", failures_since_start=1
    )
    objects = {
        Review: draft,
        Person: person,
        Organisation: organisation,
        Film: film,
        Topic: Topic.objects.create(name="Documentary"),
        LibraryImage: LibraryImage.objects.create(
            file=image_upload(), alt="A rescuer in the rubble"
        ),
        FrontPagePlace: FrontPagePlace.objects.create(piece=draft, position=1),
        SlugRedirect: SlugRedirect.objects.create(old_slug="old", review=draft),
        Genre: Genre.objects.create(name="Documentary"),
        Award: nomination.award,
        Nomination: nomination,
        Credit: make_credit(film, person),
        Affiliation: Affiliation.objects.create(
            person=person, organisation=organisation, role="Director"
        ),
        Event: record(Event.Action.WITHDRAWN, draft, by=editor),
        AccessAttempt: attempt,
        AccessLog: AccessLog.objects.create(username="someone", ip_address="192.0.2.1"),
        AccessFailureLog: AccessFailureLog.objects.create(
            username="someone", ip_address="192.0.2.1"
        ),
        DBTaskResult: notify.enqueue(0).db_result,
        User: accounts["staff"],
        Group: Group.objects.get(name="Writers"),
    }
    missing = set(admin.site._registry) - set(objects)
    assert not missing, f"Add an object for {missing} to the world fixture."
    thread = Comment.objects.create(
        piece=draft, author=editor, author_name="Editor", text="Shorter?"
    )
    return {"objects": objects, "deleted": deleted, "thread": thread}


def url_for(name, model, world):
    """The page's address, filled with the world's objects; (url, GET query)."""
    if model is None:
        return reverse(f"admin:{name}"), {}
    page = model_page(name)[1]
    obj = world["objects"][model]
    lists = ("changelist", "add", "recoverlist", "import", "preview", "pick")
    if page in (*lists, "live_preview_setting"):
        return reverse(f"admin:{name}"), {}
    if page == "recover":
        return reverse(f"admin:{name}", args=[world["deleted"][model].pk]), {}
    if page == "revision":
        version = Version.objects.get_for_object(obj).first()
        return reverse(f"admin:{name}", args=[obj.pk, version.pk]), {}
    if page in ("comment_answer", "comment_resolve"):
        return reverse(f"admin:{name}", args=[obj.pk, world["thread"].pk]), {}
    if page == "compare":
        newer, older = Version.objects.get_for_object(obj)[:2]
        query = {"version_id1": older.pk, "version_id2": newer.pk}
        return reverse(f"admin:{name}", args=[obj.pk]), query
    return reverse(f"admin:{name}", args=[obj.pk]), {}


def outcome(client, method, url, query, data, action=False):
    """'login', 'deny' or 'allow', from what the admin answered."""
    with transaction.atomic():
        if method == "GET":
            response = client.get(url, query)
        else:
            response = client.post(f"{url}?{urlencode(query)}", data)
        notes = [str(m) for m in get_messages(response.wsgi_request)]
        transaction.set_rollback(True)
    login = reverse("admin:login")
    if response.status_code == 302 and response["Location"].startswith(login):
        return "login"
    if response.status_code in (403, 404, 405):
        return "deny"
    if any("doesn’t exist" in note or "No action selected" in note for note in notes):
        return "deny"
    if action and response.status_code == 200 and "cl" in (response.context or {}):
        return "deny"  # no such action for this account: the list came back as it was
    assert response.status_code < 400, (response.status_code, url)
    return "allow"


def clients(accounts):
    result = {}
    for role, user in accounts.items():
        result[role] = Client()
        if user is not None:
            result[role].force_login(user)
    return result


@pytest.mark.parametrize("name", cases())
def test_every_admin_page_answers_each_account_as_expected(name, accounts, world):
    if name in SITE_PAGES:
        model, expected = None, SITE_PAGES[name]
    elif name in PAGES_WITH_ARGUMENTS:
        PAGES_WITH_ARGUMENTS[name](accounts, world)
        return
    else:
        found = model_page(name)
        assert found and found[1] in MODEL_PAGES, (
            f"admin:{name} has no expectations: say who may open it in MODEL_PAGES "
            "or SITE_PAGES."
        )
        model, page = found
        get_right, post_right = MODEL_PAGES[page]
        expected = tuple(
            frozenset(r for r in ROLES if allowed(r, model, right))
            for right in (get_right, post_right)
        )
    url, query = url_for(name, model, world)
    data = {"post": "yes"}
    answers = {}
    for role, client in clients(accounts).items():
        for method, who in zip(("GET", "POST"), expected, strict=True):
            got = outcome(client, method, url, query, data)
            want = expectation(role, role in who, login_needed=name not in NO_LOGIN)
            answers[(role, method)] = (got, want)
    wrong = {key: value for key, value in answers.items() if value[0] != value[1]}
    assert not wrong, f"{url}: (got, expected) {wrong}"


def expectation(role, may, login_needed=True):
    if may:
        return "allow"
    return "login" if role == "anonymous" and login_needed else "deny"


def check_app_lists(accounts, world):
    for app_label in {model._meta.app_label for model in admin.site._registry}:
        url = reverse("admin:app_list", args=[app_label])
        models = [m for m in admin.site._registry if m._meta.app_label == app_label]
        for role, client in clients(accounts).items():
            want = expectation(role, any("list" in rights(role, m) for m in models))
            assert outcome(client, "GET", url, {}, {}) == want, (role, url)


def check_autocomplete(accounts, world):
    """Every autocomplete field of every admin and inline, for every account."""
    url = reverse("admin:autocomplete")
    for model, model_admin in admin.site._registry.items():
        admins = [
            model_admin,
            *(inline(model, admin.site) for inline in model_admin.inlines),
        ]
        for source in admins:
            for field_name in source.autocomplete_fields:
                field = source.model._meta.get_field(field_name)
                query = {
                    "app_label": source.model._meta.app_label,
                    "model_name": source.model._meta.model_name,
                    "field_name": field_name,
                    "term": "",
                }
                for role, client in clients(accounts).items():
                    want = expectation(
                        role, "list" in rights(role, field.related_model)
                    )
                    assert outcome(client, "GET", url, query, {}) == want, (role, query)


def check_view_on_site(accounts, world):
    """The admin's 'view on site' shortcut must not name objects one may not see."""
    for model, obj in world["objects"].items():
        if not hasattr(obj, "get_absolute_url"):
            continue
        content_type = ContentType.objects.get_for_model(model)
        url = reverse("admin:view_on_site", args=[content_type.pk, obj.pk])
        for role, client in clients(accounts).items():
            want = expectation(role, "view" in rights(role, model))
            assert outcome(client, "GET", url, {}, {}) == want, (role, url)


@pytest.mark.parametrize(("model", "action"), action_cases())
def test_every_action_answers_each_account_as_expected(model, action, accounts, world):
    assert action in ACTIONS, f"Action {action} has no expected right in ACTIONS."
    obj = world["objects"][model]
    second = {
        Person: lambda: make_person("Another Person"),
        Organisation: lambda: Organisation.objects.create(
            name="Another", kind=Organisation.Kind.OTHER
        ),
    }.get(model, lambda: obj)()
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    data = {"action": action, ACTION_CHECKBOX_NAME: sorted({obj.pk, second.pk})}
    for role, client in clients(accounts).items():
        may = allowed(role, model, ACTIONS[action]) and "list" in rights(role, model)
        want = expectation(role, may)
        got = outcome(client, "POST", url, {}, data, action=True)
        assert got == want, (role, model._meta.label, action, got)


def check_set_password(accounts, world):
    """The e-mailed set-password link opens without a login, and only with its token."""
    user = accounts["staff"]
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    url = reverse("admin:set_password", args=[uid, "not-the-token"])
    for role, client in clients(accounts).items():
        assert outcome(client, "GET", url, {}, {}) == "allow", role
        response = client.post(
            url, {"new_password1": "x" * 20, "new_password2": "x" * 20}
        )
        assert "invalid" in response.content.decode(), role
    user.refresh_from_db()
    assert not user.check_password("x" * 20)


# Site pages whose arguments range over the registry: checked one by one.
PAGES_WITH_ARGUMENTS = {
    "set_password": check_set_password,
    "app_list": check_app_lists,
    "autocomplete": check_autocomplete,
    "view_on_site": check_view_on_site,
}


def test_the_matrix_covers_every_registered_model():
    assert set(admin.site._registry) == set(RIGHTS)
