"""Contributors are people: one form adds an account, its group and its person."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from desk.forms import NO_DESK_ACCESS
from people.models import Person
from tests.factories import make_person

pytestmark = pytest.mark.django_db

User = get_user_model()
ADD = "/admin/contributors/add/"
PASSWORD = "a-long-contributor-password"


def contributor_form(**fields):
    data = {
        "username": "ana",
        "email": "ana@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "group": Group.objects.get(name="Writers").pk,
        "person": "",
        "name": "Ana Contributor",
    }
    return data | fields


def test_one_form_adds_a_writer_with_staff_access_and_a_new_person(admin_client):
    response = admin_client.post(ADD, contributor_form())

    ana = User.objects.get(username="ana")
    assert response.status_code == 302
    assert ana.is_staff and not ana.is_superuser
    assert list(ana.groups.values_list("name", flat=True)) == ["Writers"]
    assert ana.person.name == "Ana Contributor"
    assert ana.check_password(PASSWORD)


def test_the_new_contributor_logs_in_to_the_desk(admin_client, client):
    admin_client.post(ADD, contributor_form())

    response = client.post(
        "/admin/login/", {"username": "ana", "password": PASSWORD}, follow=True
    )

    assert response.redirect_chain[-1][0] == "/admin/"
    assert "My drafts" in response.content.decode()


def test_an_existing_person_gets_the_account(admin_client):
    critic = make_person("Leila Critic")

    admin_client.post(
        ADD,
        contributor_form(
            username="leila",
            person=critic.pk,
            name="",
            group=Group.objects.get(name="Editors").pk,
        ),
    )

    critic.refresh_from_db()
    assert critic.user.username == "leila"
    assert critic.user.is_staff
    assert Person.objects.filter(name="Leila Critic").count() == 1


def test_a_person_with_an_account_already_is_refused(admin_client, writer):
    taken = make_person("Taken Person", user=writer)

    response = admin_client.post(ADD, contributor_form(person=taken.pk, name=""))

    assert response.status_code == 200
    assert "Taken Person already has an account: writer." in response.content.decode()
    assert not User.objects.filter(username="ana").exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": ""}, "Choose an existing person or give a new name"),
        ({"group": ""}, "This field is required"),
        ({"password2": "something-else-entirely"}, "didn’t match"),
        ({"password1": "", "password2": "", "email": ""}, "Give an e-mail address"),
        ({"password1": "short", "password2": "short"}, "too short"),
        ({"username": "writer"}, "already exists"),
    ],
)
def test_a_mistake_in_the_form_is_shown_and_nothing_is_created(
    admin_client, writer, fields, message
):
    before = User.objects.count(), Person.objects.count()

    response = admin_client.post(ADD, contributor_form(**fields))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert (User.objects.count(), Person.objects.count()) == before


def test_without_a_password_the_contributor_gets_a_link_to_choose_one(
    admin_client, client, mailoutbox
):
    admin_client.post(ADD, contributor_form(password1="", password2=""))

    ana = User.objects.get(username="ana")
    assert not ana.has_usable_password()
    [mail] = mailoutbox
    assert mail.to == ["ana@example.org"]
    link = re.search(r"http://testserver(/admin/set-password/\S+)", mail.body).group(1)
    # The link redirects once to a form that keeps the token out of the address.
    form = client.get(link, follow=True)
    form_url = form.redirect_chain[-1][0]
    chosen = "another-long-password-for-ana"
    done = client.post(
        form_url,
        {"new_password1": chosen, "new_password2": chosen},
        follow=True,
    )
    assert "Your password is set" in done.content.decode()
    ana.refresh_from_db()
    assert ana.check_password(chosen)


def test_writers_and_editors_cannot_add_contributors(writer_client, editor_client):
    assert writer_client.get(ADD).status_code == 403
    assert editor_client.get(ADD).status_code == 403


def test_the_desk_offers_the_form_to_those_who_may_use_it(admin_client, writer_client):
    assert "Add a contributor" in admin_client.get("/admin/").content.decode()
    assert "Add a contributor" not in writer_client.get("/admin/").content.decode()


def test_removing_the_group_takes_desk_access_away(admin_client, writer):
    response = admin_client.post(
        f"/admin/auth/user/{writer.pk}/change/",
        {
            "username": "writer",
            "email": "",
            "first_name": "",
            "last_name": "",
            "is_active": "on",
            "groups": [],
            "user_permissions": [],
            "last_login_0": "",
            "last_login_1": "",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "10:00:00",
        },
    )

    writer.refresh_from_db()
    assert response.status_code == 302
    assert not writer.is_staff


def test_adding_a_group_in_the_user_form_gives_desk_access(admin_client):
    plain = User.objects.create_user("plain", password=PASSWORD)

    admin_client.post(
        f"/admin/auth/user/{plain.pk}/change/",
        {
            "username": "plain",
            "is_active": "on",
            "groups": [Group.objects.get(name="Editors").pk],
            "date_joined_0": "2026-01-01",
            "date_joined_1": "10:00:00",
        },
    )

    plain.refresh_from_db()
    assert plain.is_staff


def test_the_user_form_shows_the_person_and_says_staff_follows_groups(
    admin_client, writer
):
    person = make_person("Ana Writer", user=writer)

    page = admin_client.get(f"/admin/auth/user/{writer.pk}/change/").content.decode()

    assert f'href="/admin/people/person/{person.pk}/change/">Ana Writer</a>' in page
    assert "Set by the groups" in page
    assert 'name="is_staff"' not in page  # shown, not editable


def test_the_user_list_shows_person_and_groups(admin_client, writer):
    make_person("Ana Writer", user=writer)

    page = admin_client.get("/admin/auth/user/").content.decode()

    assert "Ana Writer" in page
    assert "Writers" in page


def test_an_account_without_staff_access_is_told_so_after_a_correct_password(client):
    User.objects.create_user("reader", password=PASSWORD)

    response = client.post(
        "/admin/login/", {"username": "reader", "password": PASSWORD}
    )

    assert response.status_code == 200
    assert NO_DESK_ACCESS in response.content.decode()


def test_a_wrong_password_reveals_nothing_about_the_account(client):
    User.objects.create_user("reader", password=PASSWORD)

    existing = client.post("/admin/login/", {"username": "reader", "password": "wrong"})
    stranger = client.post("/admin/login/", {"username": "nobody", "password": "wrong"})

    for response in (existing, stranger):
        page = response.content.decode()
        assert NO_DESK_ACCESS not in page
        assert "Please enter the correct username and password" in page


def test_staff_status_follows_the_groups_from_either_side(writer, editor):
    writers = Group.objects.get(name="Writers")

    writers.user_set.remove(writer)
    writer.refresh_from_db()
    assert not writer.is_staff

    writers.user_set.add(writer)
    writer.refresh_from_db()
    assert writer.is_staff

    editor.groups.clear()
    editor.refresh_from_db()
    assert not editor.is_staff
