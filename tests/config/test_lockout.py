"""The admin login lockout: whose failures lock whom out, with and without nginx.

Two clients are played with REMOTE_ADDR; behind nginx, REMOTE_ADDR is nginx's own
address and the client's is in the X-Forwarded-For header that deploy/nginx.conf
sets.
"""

import os
import re
import runpy
from ipaddress import ip_network

import pytest
from django.core.management import call_command
from django.test import Client

from tests.faults import ROOT

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"  # tests/conftest.py gives every account this one
WRONG = "wrong password"
NGINX = "127.0.0.1"
HOSTILE = "203.0.113.66"
GOOD = "198.51.100.20"


@pytest.fixture
def behind_nginx(settings, monkeypatch):
    """The settings config/settings.py makes for the nginx set-up
    (TRUSTED_PROXIES=127.0.0.1)."""
    monkeypatch.setenv("TRUSTED_PROXIES", NGINX)
    configured = runpy.run_path(str(ROOT / "config" / "settings.py"))
    for name, value in configured.items():
        if name.startswith("AXES_") or name == "TRUSTED_PROXIES":
            setattr(settings, name, value)


def log_in(username, password=WRONG, address=GOOD, **headers):
    return Client().post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


def through_nginx(username, password=WRONG, client=GOOD, **headers):
    """A login as nginx passes it on: from nginx, naming the client in X-Forwarded-For."""
    return log_in(username, password, NGINX, HTTP_X_FORWARDED_FOR=client, **headers)


def error_note(response):
    return re.search(
        r'<p class="errornote">\s*(.*?)\s*</p>', response.content.decode(), re.S
    ).group(1)


def test_behind_nginx_a_strangers_failures_do_not_lock_out_an_editor_elsewhere(
    behind_nginx, editor, settings
):
    for number in range(2 * settings.AXES_FAILURE_LIMIT):
        through_nginx(f"made-up-{number}", client=HOSTILE)
        through_nginx("editor", client=HOSTILE)

    assert through_nginx("editor", PASSWORD, client=HOSTILE).status_code == 429
    response = through_nginx("editor", PASSWORD, client=GOOD)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_behind_nginx_a_forged_forwarded_for_chain_does_not_choose_the_address(
    behind_nginx, editor, settings
):
    """nginx replaces the client's header; were a proxy to append to it instead,
    addresses the client writes must not spread its failures over many."""
    forgeries = [f"10.0.{number}.1, {HOSTILE}" for number in range(3)]
    forgeries += [f'10.1.{number}.1, ", {HOSTILE}' for number in range(3)]
    forgeries += [f"{GOOD}, {HOSTILE}"]
    limit = settings.AXES_FAILURE_LIMIT

    statuses = [
        through_nginx(f"made-up-{number}", client=forgery).status_code
        for number, forgery in enumerate(forgeries)
    ]

    assert statuses == [200] * (limit - 1) + [429] * (len(forgeries) - limit + 1)
    assert through_nginx("editor", PASSWORD, client=GOOD).status_code == 302


def test_behind_nginx_a_client_reaching_gunicorn_directly_cannot_forge_addresses(
    behind_nginx, editor, settings
):
    """Seven guesses straight to gunicorn, each naming another address: the
    header of a client that is no trusted proxy is never read."""
    limit = settings.AXES_FAILURE_LIMIT
    statuses = [
        log_in(
            f"made-up-{number}",
            address=HOSTILE,
            HTTP_X_FORWARDED_FOR=f"10.0.0.{number}",
        ).status_code
        for number in range(limit + 2)
    ]

    assert statuses == [200] * (limit - 1) + [429] * 3


def test_behind_nginx_a_forged_victims_address_does_not_lock_the_victim_out(
    behind_nginx, editor, settings
):
    for _ in range(2 * settings.AXES_FAILURE_LIMIT):
        log_in("editor", address=HOSTILE, HTTP_X_FORWARDED_FOR=GOOD)

    assert through_nginx("editor", PASSWORD, client=GOOD).status_code == 302


def test_behind_a_load_balancer_and_nginx_the_client_is_the_first_untrusted_address(
    behind_nginx, editor, settings
):
    """A load balancer at 10.0.0.5 appends the client, nginx appends the balancer."""
    settings.TRUSTED_PROXIES = [ip_network(NGINX), ip_network("10.0.0.5")]
    for _ in range(settings.AXES_FAILURE_LIMIT):
        through_nginx("made-up", client=f"{GOOD}, {HOSTILE}, 10.0.0.5")

    assert through_nginx("x", client=f"{HOSTILE}, 10.0.0.5").status_code == 429
    assert (
        through_nginx("editor", PASSWORD, client=f"{GOOD}, 10.0.0.5").status_code == 302
    )


def test_without_a_proxy_the_forwarded_for_header_is_ignored(editor, settings):
    for number in range(settings.AXES_FAILURE_LIMIT):
        log_in(
            f"made-up-{number}",
            address=HOSTILE,
            HTTP_X_FORWARDED_FOR=f"10.0.0.{number}",
        )

    locked = log_in("made-up", address=HOSTILE, HTTP_X_FORWARDED_FOR="10.9.9.9")
    assert locked.status_code == 429
    assert log_in("editor", PASSWORD, address=GOOD).status_code == 302


def test_logging_in_as_oneself_does_not_clear_failures_against_another_name(
    editor, writer, settings
):
    """Finding 2: four guesses at the editor's password, a good login as the
    writer, and again, must not give the writer unlimited guesses."""
    for _ in range(3):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            log_in("editor", address=HOSTILE)
        log_in("writer", PASSWORD, address=HOSTILE)

    assert log_in("editor", PASSWORD, address=HOSTILE).status_code == 429
    assert log_in("editor", PASSWORD, address=GOOD).status_code == 302


def test_a_successful_login_clears_that_users_own_failures(editor, settings):
    for _ in range(2):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            assert log_in("editor").status_code == 200
        assert log_in("editor", PASSWORD).status_code == 302


def test_an_editors_own_wrong_passwords_lock_that_address_only(editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in("editor", address=GOOD).status_code == 200
    assert log_in("editor", address=GOOD).status_code == 429

    assert log_in("editor", PASSWORD, address=GOOD).status_code == 429
    assert log_in("editor", PASSWORD, address="198.51.100.99").status_code == 302


def test_failures_from_one_address_lock_that_address(db, settings):
    for number in range(settings.AXES_FAILURE_LIMIT):
        log_in(f"guess-{number}", address=HOSTILE)

    assert log_in("another", address=HOSTILE).status_code == 429
    assert log_in("another", address=GOOD).status_code == 200


def test_the_locked_out_page_says_what_to_do_and_not_whether_the_name_exists(
    editor, settings
):
    for address, name in [(HOSTILE, "made-up"), (GOOD, "editor")]:
        for _ in range(settings.AXES_FAILURE_LIMIT):
            log_in(name, address=address)
    made_up = log_in("made-up", address=HOSTILE)
    real = log_in("editor", address=GOOD)

    assert made_up.status_code == real.status_code == 429
    assert error_note(made_up) == error_note(real)
    assert "30 minutes" in error_note(real)
    assert "ask an editor" in error_note(real)


def test_a_failed_login_does_not_say_whether_the_account_exists(
    editor, django_user_model
):
    django_user_model.objects.create_user("reader", password=PASSWORD)

    notes = {
        error_note(log_in("made-up")),
        error_note(log_in("editor")),
        error_note(log_in("reader")),
    }

    assert len(notes) == 1
    assert "correct username and password" in notes.pop()
    # Only the right password earns the account's own story (tests/desk).
    assert "no access to the desk" in error_note(log_in("reader", PASSWORD))


def test_an_editor_unlocks_a_locked_login_in_the_admin(editor, client, settings):
    from axes.models import AccessAttempt

    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in("editor", address=GOOD)
    assert log_in("editor", PASSWORD, address=GOOD).status_code == 429
    attempt = AccessAttempt.objects.get(username="editor")
    client.force_login(editor)

    listed = client.get("/admin/axes/accessattempt/")
    deleted = client.post(
        "/admin/axes/accessattempt/",
        {"action": "delete_selected", "_selected_action": [attempt.pk], "post": "yes"},
    )

    assert listed.status_code == 200
    assert "Locked Out" in listed.content.decode()
    assert deleted.status_code == 302
    assert log_in("editor", PASSWORD, address=GOOD).status_code == 302


def test_the_documented_command_unlocks_an_address(editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in("editor", address=GOOD)

    call_command("axes_reset_ip", GOOD, stdout=open(os.devnull, "w"))  # noqa: SIM115

    assert log_in("editor", PASSWORD, address=GOOD).status_code == 302


def test_editors_may_read_and_delete_failure_records_and_writers_may_not(
    editor, writer
):
    from axes.models import AccessFailureLog

    record = AccessFailureLog.objects.create(
        username="made-up", ip_address=HOSTILE, user_agent="test", locked_out=True
    )
    editors, writers = Client(), Client()
    editors.force_login(editor)
    writers.force_login(writer)
    delete_url = f"/admin/axes/accessfailurelog/{record.pk}/delete/"

    assert writers.get("/admin/axes/accessattempt/").status_code == 403
    assert writers.get("/admin/axes/accessfailurelog/").status_code == 403
    assert writers.post(delete_url, {"post": "yes"}).status_code == 403
    assert editors.get("/admin/axes/accessfailurelog/").status_code == 200
    assert editors.post(delete_url, {"post": "yes"}).status_code == 302
    assert not AccessFailureLog.objects.exists()
