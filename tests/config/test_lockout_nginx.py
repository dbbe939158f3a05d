"""The login lockout through real nginx with the deploy/ configuration: two clients
on their own loopback addresses, one hostile; the good one still logs in."""

import http.client
import re
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-test-password"
WRONG = "wrong password"
# Linux answers on all of 127.0.0.0/8: each client binds its own source address.
HOSTILE, GOOD = "127.0.0.2", "127.0.0.3"


class Browser:
    """Someone at the login form from one loopback address, keeping cookies."""

    def __init__(self, port, address):
        self.port = port
        self.address = address
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        """(status, Location header, body) of one request."""
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        link = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=30, source_address=(self.address, 0)
        )
        try:
            link.request(method, path, body=body, headers=headers)
            response = link.getresponse()
            content = response.read().decode()
        finally:
            link.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, response.getheader("Location"), content

    def log_in(self, username, password, forwarded_for=None):
        """(status, Location) of the admin login form sent as a browser sends it."""
        _, _, form = self.request("GET", "/admin/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)[1]
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        if forwarded_for:
            headers["X-Forwarded-For"] = forwarded_for
        fields = {
            "csrfmiddlewaretoken": token,
            "username": username,
            "password": password,
        }
        status, location, _ = self.request(
            "POST", "/admin/login/?next=/admin/", urlencode(fields), headers
        )
        return status, location


@pytest.fixture(autouse=True)
def _production_passwords(settings):
    """The served site checks passwords with production's hashers only."""
    from django.conf import global_settings

    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS


def test_a_hostile_client_cannot_lock_an_editor_out_through_nginx(
    django_user_model, nginx, settings
):
    # A staff account is enough: earlier transactional tests emptied the groups.
    django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)
    hostile = Browser(nginx.port, HOSTILE)
    good = Browser(nginx.port, GOOD)
    limit = settings.AXES_FAILURE_LIMIT
    # Headers the hostile client writes itself, naming the good client among others.
    forgeries = [None, GOOD, f"{GOOD}, {GOOD}", '10.0.0.1, "', "8.8.8.8"]

    statuses = []
    for number in range(2 * limit):
        forged = forgeries[number % len(forgeries)]
        statuses.append(hostile.log_in(f"made-up-{number}", WRONG, forged)[0])
        statuses.append(hostile.log_in("editor", WRONG, forged)[0])

    assert statuses == [200] * (limit - 1) + [429] * (len(statuses) - limit + 1)
    assert hostile.log_in("editor", PASSWORD) == (429, None)
    assert good.log_in("editor", PASSWORD) == (302, "/admin/")
    status, _, desk = good.request("GET", "/admin/")
    assert status == 200
    assert "Log out" in desk
