import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

application = get_wsgi_application()

# After Django is set up: stored pages are answered before it (web/wsgi.py).
from web.wsgi import StoredPages  # noqa: E402

application = StoredPages(application)
