import http.client
import logging
import re
import subprocess
import sys

import pytest

from tests.factories import make_person
from tests.faults import ROOT, ServedSite, child_environment, free_port


def test_production_refuses_to_start_without_secret_key(manage):
    result = manage("check", env={"DEBUG": "false", "SECRET_KEY": None})

    assert result.returncode == 1
    assert "Set the SECRET_KEY environment variable" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts(manage):
    result = manage("check", env={"DEBUG": "false", "ALLOWED_HOSTS": None})

    assert result.returncode == 1
    assert "Set the ALLOWED_HOSTS environment variable" in result.stderr


def test_debug_mode_starts_with_nothing_configured(manage):
    result = manage(
        "check", env={"DEBUG": "true", "SECRET_KEY": None, "ALLOWED_HOSTS": None}
    )

    assert result.returncode == 0, result.stderr


def test_log_level_in_lower_case_starts_the_site():
    """gunicorn's own setting is lower case; Django's logging once refused it."""
    site = ServedSite({"LOG_LEVEL": "warning"})
    try:
        status, _ = site.get("/healthz")
    finally:
        site.stop()

    assert status == 200


def test_head_requests_get_headers_without_a_body_or_a_warning():
    """gunicorn drops a HEAD response's body, and since version 27 warns about
    each one: load balancers' HEAD checks would fill the log."""
    site = ServedSite({"LOG_LEVEL": "warning"})
    try:
        for path in ("/healthz", "/robots.txt", "/no-such-page/"):
            connection = http.client.HTTPConnection("127.0.0.1", site.port, timeout=20)
            connection.request("HEAD", path)
            response = connection.getresponse()
            assert int(response.getheader("Content-Length")) > 0, path
            assert response.read() == b"", path
            connection.close()
    finally:
        output = site.output()

    assert "body bytes" not in output


def test_several_workers_refuse_a_cache_kept_in_each_process():
    site = ServedSite({"WEB_CONCURRENCY": "2", "CACHE_URL": "locmemcache://"})
    # gunicorn listens before its workers boot; it stops when they cannot.
    site.process.wait(timeout=30)

    assert site.process.returncode != 0
    assert "runs 2 workers: use filecache://" in site.output()


def test_one_worker_may_keep_its_cache_in_its_process():
    site = ServedSite({"WEB_CONCURRENCY": "1", "CACHE_URL": "locmemcache://"})
    try:
        status, _ = site.get("/healthz")
    finally:
        site.stop()

    assert status == 200


@pytest.mark.parametrize(("level", "shown"), [("warning", False), ("info", True)])
def test_log_level_applies_to_djangos_own_loggers(manage, level, shown):
    """Django's loggers (tasks, requests) log at INFO whatever the root's level."""
    said = "import logging; logging.getLogger('django.tasks').info('task ran')"
    result = manage("shell", "--command", said, env={"LOG_LEVEL": level})

    assert result.returncode == 0, result.stderr
    assert ("task ran" in result.stdout) is shown


def test_an_unknown_log_level_is_named_at_start_up(manage):
    result = manage("check", env={"LOG_LEVEL": "loud"})

    assert result.returncode == 1
    assert "LOG_LEVEL must be one of debug, info, warning, error or critical" in (
        result.stderr
    )


@pytest.mark.parametrize("cache_url", ["locmemcache://", "filecache:///tmp/filmdesk"])
def test_several_app_servers_refuse_a_cache_of_their_own(manage, cache_url):
    result = manage("check", env={"APP_SERVERS": "2", "CACHE_URL": cache_url})

    assert result.returncode == 1
    assert (
        "APP_SERVERS is 2, but CACHE_URL names a cache that lives on one machine"
        in result.stderr
    )


def test_several_app_servers_start_on_a_shared_cache(manage):
    result = manage(
        "check",
        env={
            "APP_SERVERS": "2",
            "CACHE_URL": "redis://127.0.0.1:1/0",
            "TRUSTED_PROXIES": "10.0.0.10",
        },
    )

    assert result.returncode == 0, result.stderr


def test_several_app_servers_need_the_proxies_they_trust(manage):
    result = manage(
        "check", env={"APP_SERVERS": "2", "CACHE_URL": "redis://127.0.0.1:1/0"}
    )

    assert result.returncode == 1
    assert "APP_SERVERS is 2: set TRUSTED_PROXIES" in result.stderr


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"AXES_PROXY_COUNT": "1"}, "AXES_PROXY_COUNT is gone"),
        ({"TRUSTED_PROXIES": "nginx"}, "TRUSTED_PROXIES holds addresses or networks"),
    ],
)
def test_a_wrong_proxy_setting_is_named_at_start_up(manage, env, message):
    result = manage("check", env=env)

    assert result.returncode == 1
    assert message in result.stderr


def test_one_app_server_may_keep_its_cache_on_its_own_disk(manage):
    result = manage("check", env={"APP_SERVERS": "1", "CACHE_URL": "locmemcache://"})

    assert result.returncode == 0, result.stderr


def test_an_unknown_task_backend_is_named_at_start_up(manage):
    result = manage("check", env={"TASKS_BACKEND": "celery"})

    assert result.returncode == 1
    assert "TASKS_BACKEND must be immediate or database" in result.stderr


def test_a_card_drawn_while_a_page_renders_logs_no_traceback(
    client, db, caplog, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path  # no card stored by an earlier test
    make_person("Feras Fayyad")

    with caplog.at_level(logging.INFO, logger="django.tasks"):
        assert client.get("/people/feras-fayyad/").status_code == 200

    finished = [r for r in caplog.records if "store_card state=SUCCESSFUL" in r.message]
    assert finished, "the page drew its share card"
    assert not any(record.exc_info for record in finished)


def test_gunicorn_reachable_from_elsewhere_needs_the_proxies_it_trusts():
    environment = {**child_environment(), "GUNICORN_BIND": f"0.0.0.0:{free_port()}"}
    environment.pop("TRUSTED_PROXIES", None)

    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.py", "config.wsgi"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 1
    assert "which other machines can reach: set TRUSTED_PROXIES" in result.stderr


@pytest.mark.parametrize("debug", ["1", "0"])
def test_each_task_event_is_one_log_line(manage, debug):
    """As `make run` (DEBUG) and `make serve` or the worker log: one line an
    event, with its time, and a failed rendition named once."""
    said = (
        "from images.renditions import make_renditions; "
        "make_renditions.enqueue('heroes/not-there.jpg')"
    )
    result = manage("shell", "--command", said, env={"DEBUG": debug})

    assert result.returncode == 0, result.stderr
    lines = (result.stdout + result.stderr).splitlines()
    events = [
        line for line in lines if "path=images.renditions.make_renditions" in line
    ]
    assert [event.split(" state=")[1] for event in events] == ["RUNNING", "SUCCESSFUL"]
    assert all(re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ INFO ", e) for e in events)
    failures = [line for line in lines if "Could not make the renditions" in line]
    assert len(failures) == 1
    assert failures[0].endswith(
        " ERROR images.renditions: Could not make the renditions of heroes/not-there.jpg"
    )
