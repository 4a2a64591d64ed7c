"""WSGI entry point (gunicorn cms.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.production")

django_application = get_wsgi_application()

from api.cache import CachedAnswers  # noqa: E402 — needs Django set up
from api.release import release_fingerprint  # noqa: E402

# Cached public API answers are sent before Django's request machinery runs (api.cache).
application = CachedAnswers(django_application)
# The release whose answers this process caches: taken now, from the code just loaded, before
# gunicorn (preload_app) forks workers that could otherwise read files of a newer release.
release_fingerprint()
