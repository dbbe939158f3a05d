import pytest

from tests.faults import ServedSite, database_url
from tests.services import Nginx


@pytest.fixture
def nginx(static_root, tmp_path):
    """gunicorn configured as deploy/filmdesk.env.example says, behind the
    deploy/ nginx, which serves the collected static files itself."""
    site = ServedSite(
        {
            "DATABASE_URL": database_url(),
            "STATIC_ROOT": str(static_root),
            "SECRET_KEY": "nginx-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
            "ALLOWED_HOSTS": "127.0.0.1",
            "TRUSTED_PROXIES": "127.0.0.1",
        }
    )
    try:
        server = Nginx(tmp_path, site, static_root)
        yield server
        server.stop()
    finally:
        site.stop()
