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
