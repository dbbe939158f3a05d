from tests.faults import ServedSite


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


def test_an_unknown_log_level_is_named_at_start_up(manage):
    result = manage("check", env={"LOG_LEVEL": "loud"})

    assert result.returncode == 1
    assert "LOG_LEVEL must be one of debug, info, warning, error or critical" in (
        result.stderr
    )
