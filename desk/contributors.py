"""Contributors: a login account, a group that says what it may do, and a person."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from people.models import Person

# Both groups work on the desk: membership is what grants staff status.
STAFF_GROUPS = ("Writers", "Editors")


def staff_groups():
    return Group.objects.filter(name__in=STAFF_GROUPS).order_by("name")


def sync_staff(user):
    """Staff status follows the groups; a superuser keeps it regardless."""
    staff = user.is_superuser or user.groups.filter(name__in=STAFF_GROUPS).exists()
    if user.is_staff != staff:
        get_user_model().objects.filter(pk=user.pk).update(is_staff=staff)
        user.is_staff = staff


@transaction.atomic
def add_contributor(*, username, email, password, group, person=None, name=""):
    """Create the account in `group` and link it to `person`, or a new person `name`.

    Without a password the account cannot log in until its owner sets one
    through `set_password_path(user)`.
    """
    user = get_user_model().objects.create_user(
        username=username, email=email, password=password or None
    )
    user.groups.add(group)  # staff status follows, through sync_staff
    person = person or Person(name=name)
    person.user = user
    person.save()
    user.refresh_from_db(fields=["is_staff"])
    return user


def set_password_path(user):
    """The one-time address where a new contributor chooses a password."""
    return reverse(
        "admin:set_password",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
