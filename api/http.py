"""HTTP caching for public responses: Cache-Control and Last-Modified here; ETag and 304 come
from Django's ConditionalGetMiddleware, which hashes the body and answers conditional requests."""

from django.utils.cache import patch_cache_control
from django.utils.http import http_date

# Short for browsers, longer for a CDN, which is purged on publish.
PUBLIC_CACHE = {"public": True, "max_age": 60, "s_maxage": 300, "stale_while_revalidate": 60}


def cacheable(response, last_modified=None):
    patch_cache_control(response, **PUBLIC_CACHE)
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    return response


def never_cached(response):
    patch_cache_control(response, private=True, no_store=True, max_age=0)
    return response
