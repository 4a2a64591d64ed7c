"""Production: everything from the environment; refuses to start without a real secret key."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

SECRET_KEY = env("DJANGO_SECRET_KEY")
# Previous keys while one is rotated (docs/operations.md): signatures and partner keys made with
# them still check.
SECRET_KEY_FALLBACKS = env("DJANGO_SECRET_KEY_FALLBACKS")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY must be set to a random string of 50+ characters."
    )

DEBUG = False
DATABASES["default"]["CONN_MAX_AGE"] = 60  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_TRUSTED_ORIGINS = [WAGTAILADMIN_BASE_URL]  # noqa: F405
# The database search backend picks PostgreSQL full-text search by itself on PostgreSQL.

# Static files straight from the application servers (WhiteNoise): compressed, with hashed names
# that a CDN may cache for ever. `manage.py collectstatic` runs at deploy time.
MIDDLEWARE.insert(  # noqa: F405
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,  # noqa: F405
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

# Media on S3-compatible storage (AWS, MinIO, Scaleway, …) when a bucket is named; credentials
# come from the usual AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY variables, read by boto3 itself.
if bucket := env("AWS_STORAGE_BUCKET_NAME", default=""):
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN", default=None),
            "file_overwrite": False,
            "querystring_auth": False,  # public media: stable URLs a CDN can cache
        },
    }

# One JSON object per log line, for the log collector; request errors included.
LOGGING = {
    **LOGGING,  # noqa: F405
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
}

# A local-memory cache is one copy per process, which another process's invalidation cannot
# reach: without Redis the API's answers are not cached (and `check --deploy` warns).
if not REDIS_URL:  # noqa: F405
    API_CACHE_TIMEOUT = env("API_CACHE_TIMEOUT", default=0)
