"""Local development: the embedded stack (SQLite, local-memory cache, database-backed tasks)."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env("DJANGO_DEBUG", default=True)
# A fixed key is fine on a developer's machine; production refuses to start without its own.
SECRET_KEY = env("DJANGO_SECRET_KEY", default="dev-only-insecure-key-never-used-in-production")
CORS_ALLOWED_ORIGINS = env("CORS_ALLOWED_ORIGINS", default=["http://127.0.0.1:3000"])
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
