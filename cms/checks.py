"""Deployment checks of our own, run by `manage.py check --deploy`."""

from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=True)
def shared_cache(app_configs, **kwargs):
    """Several application processes need one cache: invalidations, rate limits and cached
    image data must be seen by all of them."""
    if settings.CACHES["default"]["BACKEND"].endswith("LocMemCache"):
        return [
            Warning(
                "REDIS_URL is not set: each process keeps its own cache, so rate limits are per "
                "process and the API's answers are not cached.",
                hint="Set REDIS_URL to a Redis shared by every application server.",
                id="coalition.W001",
            )
        ]
    return []
