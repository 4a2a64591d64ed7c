"""HTTP caching for public responses: Cache-Control and Last-Modified here; ETag and 304 come
from Django's ConditionalGetMiddleware, which hashes the body and answers conditional requests."""

import time

from django.db.models import Subquery
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

from wagtail.models import ModelLogEntry, PageLogEntry

# Short for browsers, longer for a CDN, which is purged on publish.
PUBLIC_CACHE = {"public": True, "max_age": 60, "s_maxage": 300, "stale_while_revalidate": 60}


def last_content_change():
    """When anything public may last have changed: the newest page or snippet log entry.

    A response shows more than its own items (what was unpublished is missing from it; a renamed
    member appears in it), so the time of its items alone could answer a stale 304. Wagtail logs
    every publish, unpublish, move, deletion, privacy change and snippet edit; one indexed query.
    """
    # Newest of each log, read from the timestamp indexes in one query.
    newest_snippet = ModelLogEntry.objects.order_by("-timestamp").values("timestamp")[:1]
    newest = (
        PageLogEntry.objects.order_by("-timestamp")
        .annotate(snippet=Subquery(newest_snippet))
        .values_list("timestamp", "snippet")
        .first()
    )
    if newest is None:
        return newest_snippet.values_list("timestamp", flat=True).first()
    return max(time for time in newest if time is not None)


def cacheable(response):
    patch_cache_control(response, **PUBLIC_CACHE)
    changed = last_content_change()
    # HTTP dates count whole seconds: a change in the second still running could be followed by
    # another in the same second, which a date alone would not tell apart. Such an answer is
    # revalidated by its ETag only.
    if changed is not None and int(changed.timestamp()) < int(time.time()):
        response["Last-Modified"] = http_date(changed.timestamp())
    return response


def never_cached(response):
    patch_cache_control(response, private=True, no_store=True, max_age=0)
    return response
