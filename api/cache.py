"""Public API responses, cached whole and invalidated precisely.

A cacheable answer (GET, 200, `Cache-Control: public`, no key sent) is stored under its URL and
representation with the *tags* of what it shows: `page:12` for a page and every page it lists as
breadcrumb, translation or related card, `list:pages.NewsPage` for a listing or search of news,
`site`, `social`, `partners:statements`, and so on. An entry also records each tag's current
token; a change replaces the tokens of the tags it touches (api.invalidation), so exactly the
entries that showed it stop matching at once and nothing else is dropped. Tokens are random, not
counters, so a token the cache evicted can never come back equal to an old one.

The URLs stored under a tag are also purged from the CDN (wagtail.contrib.frontend_cache,
configured by WAGTAILFRONTENDCACHE; none by default).

A cache outage (Redis down) degrades to uncached answers: the production cache backend ignores
its connection errors (settings.production), and every call here tolerates a miss.
"""

import hashlib
import logging
import secrets
import time

from django.conf import settings
from django.core.cache import cache
from django.db.models import F, Min
from django.http import HttpResponse
from django.utils import timezone

from wagtail.models import Page

from cms.models import Announcement

from .models import ApiCacheEpoch
from .partners.access import PartnerRateThrottle

logger = logging.getLogger(__name__)

# Tags every answer under a path prefix carries; pages and statements add their own.
PATH_TAGS = {
    "/api/v2/pages/by-path/": set(),
    "/api/v2/site/": {"site"},
    "/api/v2/sitemap.xml": {"sitemap"},
    "/api/v2/social-posts/": {"social"},
    "/api/v2/news/": {"list:pages.NewsPage"},
    "/api/v2/statements/": {"list:pages.StatementPage"},
    "/api/v2/in-focus/": {"list:pages.InFocusPage"},
    "/api/v2/latest/": {"list:pages.NewsPage", "list:pages.StatementPage"},
    "/api/v2/pages/": {"stock"},
    "/api/v2/images/": {"stock"},
    "/api/v2/documents/": {"stock"},
    "/api/partners/v1/statements/": {"partners:statements"},
    "/api/partners/v1/changes/": {"partners:statements"},
    "/api/partners/v1/members/": {"partners:members"},
    "/api/partners/v1/groups/": {"partners:members"},
    "/api/partners/v1/meetings/": {"partners:members"},
    "/api/partners/v1/lines-of-effort/": {"partners:members"},
}
PARTNER_PREFIX = "/api/partners/"
# Headers stored with a cached answer; the rest (rate limits) belong to each request.
STORED_HEADERS = (
    "Content-Type",
    "Cache-Control",
    "Vary",
    "Last-Modified",
    "Link",
    "Content-Disposition",
    "Content-Language",
)
MAX_URLS_PER_TAG = 2000
# How long a process trusts the epoch it last read from the database: the longest an answer can
# outlive an invalidation the cache missed.
EPOCH_READ_EVERY = 1.0
TAG_PREFIX = "api-tag:"
URLS_PREFIX = "api-tag-urls:"


def tags_for_path(path):
    for prefix, tags in PATH_TAGS.items():
        if path.startswith(prefix):
            return set(tags)
    return None


def response_key(request):
    variant = "\n".join(
        [request.get_full_path(), request.META.get("HTTP_ACCEPT", ""), request.get_host()]
    )
    return "api-response:" + hashlib.sha256(variant.encode()).hexdigest()


class ApiCacheMiddleware:
    """Serves cached public API answers and stores new ones; see the module docstring.

    It sits inside ConditionalGetMiddleware, which then adds the ETag and answers 304s for
    cached and fresh answers alike.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        tags = tags_for_path(request.path) if request.method in ("GET", "HEAD") else None
        # request.META, not request.headers: building the latter costs as much as a cache hit.
        keyed = "HTTP_AUTHORIZATION" in request.META
        if tags is None or keyed or not settings.API_CACHE_TIMEOUT:
            return self.get_response(request)  # not cacheable; a partner's key is never shared
        key = response_key(request)
        cached = lookup(key, tags)
        if cached is not None:
            rate_limit = self.rate_limit(request)
            if rate_limit is not None:
                request.rate_limit_headers = rate_limit  # also onto a 304 (RateLimitHeaders)
                for name, value in rate_limit.items():
                    cached[name] = value
                return cached
        response = self.get_response(request)
        if cacheable(response):
            store(key, response, tags | getattr(response, "cache_tags", set()), request)
        return response

    def rate_limit(self, request):
        """A cached partner answer still spends the client's allowance, and shows it: its
        RateLimit headers, or None when it is spent (the view then answers 429)."""
        if not request.path.startswith(PARTNER_PREFIX):
            return {}
        throttle = PartnerRateThrottle()
        return throttle.headers() if throttle.allow_request(request, None) else None


def cacheable(response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "public" in response.get("Cache-Control", "")
    )


def store(key, response, tags, request):
    # Invalidation is precise, so an answer may stay until something scheduled changes it, or
    # for as long as its view says (a partner answer that may miss a change still settling).
    timeout = min(
        seconds_until_next_boundary(),
        getattr(response, "cache_timeout", settings.API_CACHE_TIMEOUT),
    )
    if timeout <= 0:
        return
    tokens = current_tokens(tags)
    headers = {name: response[name] for name in STORED_HEADERS if response.has_header(name)}
    cache.set(key, (response.content, headers, tokens, current_epoch()), timeout)
    remember_url(tags, request.build_absolute_uri())


def lookup(key, path_tags):
    """The stored answer, if none of its tags changed since it was stored.

    The entry and the tokens of its path's tags come in one round trip to the cache; only tags
    of its own (a page's) need a second.
    """
    found = cache.get_many([key, *(TAG_PREFIX + tag for tag in path_tags)])
    entry = found.get(key)
    if entry is None:
        return None
    content, headers, tokens, epoch = entry
    if epoch != current_epoch():
        return None
    missing = [TAG_PREFIX + tag for tag in tokens if TAG_PREFIX + tag not in found]
    if missing:
        found |= cache.get_many(missing)
    if any(found.get(TAG_PREFIX + tag) != token for tag, token in tokens.items()):
        return None
    response = HttpResponse(content)
    for name, value in headers.items():
        response[name] = value
    return response


def current_tokens(tags):
    """Each tag's token, making one for a tag that has none (yet, or any more)."""
    keys = [TAG_PREFIX + tag for tag in tags]
    found = cache.get_many(keys)
    missing = {key: secrets.token_hex(8) for key in keys if key not in found}
    if missing:
        cache.set_many(missing, timeout=None)
    return {key.removeprefix(TAG_PREFIX): (found | missing)[key] for key in keys}


def remember_url(tags, url):
    """Which URLs carry a tag, for the CDN purge: capped, since a search can vary endlessly."""
    for tag in tags:
        urls = cache.get(URLS_PREFIX + tag) or []
        if url not in urls and len(urls) < MAX_URLS_PER_TAG:
            cache.set(URLS_PREFIX + tag, [*urls, url], timeout=None)


def invalidate(tags):
    """Stale every entry showing one of `tags`; return the URLs the CDN should forget.

    If the cache cannot take the change (django-redis ignores a dead Redis), the epoch is raised
    instead, so nothing stored before can be served once the cache is back.
    """
    tags = set(tags)
    urls = set()
    for tag in tags:
        urls.update(cache.get(URLS_PREFIX + tag) or [])
    cache.delete_many([TAG_PREFIX + tag for tag in tags] + [URLS_PREFIX + tag for tag in tags])
    if not cache_reachable():
        raise_epoch()
    return urls


def cache_reachable():
    probe, nonce = "api-cache-probe", secrets.token_hex(8)
    cache.set(probe, nonce, timeout=60)
    return cache.get(probe) == nonce


_epoch = {"value": None, "read_at": 0.0}


def current_epoch():
    if time.monotonic() - _epoch["read_at"] > EPOCH_READ_EVERY:
        _epoch["value"] = (
            ApiCacheEpoch.objects.filter(pk=1).values_list("value", flat=True).first() or 0
        )
        _epoch["read_at"] = time.monotonic()
    return _epoch["value"]


def raise_epoch():
    logger.warning("The cache missed an invalidation: every cached API answer is now stale.")
    epoch, _ = ApiCacheEpoch.objects.get_or_create(pk=1)
    ApiCacheEpoch.objects.filter(pk=epoch.pk).update(value=F("value") + 1)
    _epoch["read_at"] = 0.0  # this process reads it again at once


def seconds_until_next_boundary():
    """How long until something scheduled changes what the public sees without anyone saving:
    a page expiring, an announcement starting or ending. No answer is cached past it."""
    now = timezone.now()
    boundaries = [
        Page.objects.filter(expire_at__gt=now).aggregate(t=Min("expire_at"))["t"],
        Announcement.objects.filter(active_from__gt=now).aggregate(t=Min("active_from"))["t"],
        Announcement.objects.filter(active_until__gt=now).aggregate(t=Min("active_until"))["t"],
    ]
    upcoming = [boundary for boundary in boundaries if boundary is not None]
    if not upcoming:
        return settings.API_CACHE_TIMEOUT
    return min(settings.API_CACHE_TIMEOUT, int((min(upcoming) - now).total_seconds()))
