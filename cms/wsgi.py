"""WSGI entry point (gunicorn cms.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.production")

django_application = get_wsgi_application()

from api.cache import CachedAnswers  # noqa: E402 — needs Django set up

# Cached public API answers are sent before Django's request machinery runs (api.cache).
application = CachedAnswers(django_application)
