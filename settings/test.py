"""Test run: same stack as development, tasks run inline so tests see their effects at once."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-insecure-key"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = str(BASE_DIR / ".test-media")  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
FRONTEND_BASE_URL = "http://frontend.test"
WAGTAIL_HEADLESS_PREVIEW = {
    **WAGTAIL_HEADLESS_PREVIEW,  # noqa: F405
    "CLIENT_URLS": {"default": f"{FRONTEND_BASE_URL}/preview/"},
}
CORS_ALLOWED_ORIGINS = ["http://frontend.test"]
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# Tests replay the change feed straight after publishing.
PARTNER_FEED_SETTLE_SECONDS = 0
# Generous allowances, so tests that call the partner API many times are not throttled;
# the rate-limit tests set their own.
PARTNER_API_RATE = "100000/min"
PARTNER_API_KEY_RATE = "100000/min"
# Answers are not cached unless a test turns the cache on (tests/test_api_cache.py), so each test
# sees its own changes however it makes them; `make test` also runs the visibility matrix with
# the cache on.
API_CACHE_TIMEOUT = env("API_CACHE_TIMEOUT", default=0)  # noqa: F405
# The tests' webhook receiver listens on 127.0.0.1; the SSRF tests take this away again.
WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.1/32"]
# Django's test client logs in without a request, which django-axes refuses; the login
# throttling tests (tests/test_security.py) turn it on.
AXES_ENABLED = False
