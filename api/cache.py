"""Public API responses, cached whole and invalidated precisely.

A cacheable answer (GET, 200, `Cache-Control: public`, no key sent) is stored as the client
received it, under its URL, representation, host, origin, scheme and release (api.release), with
the *tags* of what it shows: `page:12` for a page and every page it lists as breadcrumb,
translation or related card, `list:pages.NewsPage` for a listing or search of news, `site`,
`social`, `partners:statements`, and so on. An entry also records each tag's current token; a
change replaces the tokens of the tags it touches (api.invalidation), so exactly the entries that
showed it stop matching at once and nothing else is dropped. Tokens are random, not counters, so
a token the cache evicted can never come back equal to an old one.

Most hits never reach Django: CachedAnswers, the WSGI application in front of it, sends them at
once, which is what makes a hit cheap (a few hundredths of an uncached answer's cost).

The URLs stored under a tag are also purged from the CDN (wagtail.contrib.frontend_cache,
configured by WAGTAILFRONTENDCACHE; none by default).

A cache outage (Redis down) degrades to uncached answers: the production cache backend ignores
its connection errors (settings.production), and every call here tolerates a miss.
"""

import contextlib
import hashlib
import logging
import math
import secrets
import time
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.core.handlers.wsgi import get_path_info, get_script_name
from django.db import DatabaseError, connection
from django.db.models import F, Min
from django.http import HttpResponse
from django.utils import timezone

from wagtail.models import Page

from cms.models import Announcement

from .models import ApiCacheEpoch
from .partners.access import PartnerRateThrottle
from .release import release_fingerprint

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
# Headers of one request alone, never stored: a partner client's remaining allowance.
PER_REQUEST_HEADER_PREFIX = "ratelimit-"
MAX_URLS_PER_TAG = 2000
# How long a process trusts the epoch it last read from the database: the longest an answer can
# outlive an invalidation the cache missed.
EPOCH_READ_EVERY = 1.0
# Set in the WSGI environ when CachedAnswers found no answer: the generation it saw.
FRONT_MISS = "coalition.api_cache.front_miss"
TAG_PREFIX = "api-tag:"
URLS_PREFIX = "api-tag-urls:"
# Replaced by every invalidation: an answer computed while it changed is not kept.
GENERATION_KEY = "api-generation"
# Besides the path, everything in a request that can change a cacheable answer or the headers
# the middleware adds to it: the query, the representation, the host, the origin (CORS) and the
# scheme (HTTPS redirect, HSTS). WSGI values, which Django leaves as the server sent them, so that
# the WSGI front (CachedAnswers) and the middleware compute the same key.
KEY_PARTS = (
    "wsgi.url_scheme",
    "QUERY_STRING",
    "HTTP_HOST",
    "HTTP_ACCEPT",
    "HTTP_ORIGIN",
)


def tags_for_path(path):
    for prefix, tags in PATH_TAGS.items():
        if path.startswith(prefix):
            return set(tags)
    return None


class Miss(NamedTuple):
    """A request whose answer was not in the cache, and what the cache said then."""

    key: str
    tags: set
    generation: str
    epoch: int


def response_key(meta, script_name, path_info):
    """The entry's key. The path comes as Django's request has it: Django rewrites SCRIPT_NAME
    and PATH_INFO in the environ (a server may leave out an empty SCRIPT_NAME, and sends
    PATH_INFO as Latin-1), so the front reads them with Django's own functions."""
    names = KEY_PARTS
    if "HTTP_HOST" not in meta:  # Django then goes by the server's own name and port
        names = (*names, "SERVER_NAME", "SERVER_PORT")
    if settings.SECURE_PROXY_SSL_HEADER:  # the proxy's word on the scheme
        names = (*names, settings.SECURE_PROXY_SSL_HEADER[0])
    # repr(), so that a header sent empty and one not sent (which Django tells apart) differ.
    values = (repr(meta.get(name)) for name in names)
    variant = "\n".join([release_fingerprint(), script_name, path_info, *values])
    return "api-response:" + hashlib.sha256(variant.encode()).hexdigest()


def cacheable_request(meta):
    """The path's tags if this request's answer may come from, or go to, the shared cache."""
    if (
        not settings.API_CACHE_TIMEOUT
        or meta.get("REQUEST_METHOD") not in ("GET", "HEAD")
        or "HTTP_AUTHORIZATION" in meta  # a partner's key is never shared
    ):
        return None
    return tags_for_path(meta.get("PATH_INFO", ""))


# Serving and storing: the WSGI front, then two middleware ------------------------------------


class CachedAnswers:
    """The WSGI application, in front of Django's: a plain GET whose answer is cached is answered
    from the cache at once, without building a request or running the middleware (which make
    up most of a hit's cost inside Django). Everything else goes on to Django: misses, HEAD,
    conditional requests and the partner API, whose answers spend a rate limit.
    """

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        found = front_answer(environ)
        if found is None:
            return self.application(environ, start_response)
        headers, content = found
        start_response("200 OK", headers)
        return [content]


def front_answer(environ):
    """(headers, content) of the cached answer CachedAnswers may send for this request, or None."""
    if (
        environ.get("REQUEST_METHOD") != "GET"
        # If-None-Match, If-Match, If-Modified-Since…: ConditionalGetMiddleware answers them.
        or any(name.startswith("HTTP_IF_") for name in environ)
        or environ.get("PATH_INFO", "").startswith(PARTNER_PREFIX)
    ):
        return None
    tags = cacheable_request(environ)
    if tags is None:
        return None
    key = response_key(environ, get_script_name(environ), get_path_info(environ) or "/")
    found, generation = lookup(key, tags)
    if found is None:
        environ[FRONT_MISS] = generation  # so that the middleware does not ask the cache again
    return found


class ApiCacheStoreMiddleware:
    """Stores the public API answers to GETs ApiCacheMiddleware could not find, as the client
    receives them: first in MIDDLEWARE, so with every header the rest add (CORS, security policy,
    ETag), which the front then sends as they are."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        miss = getattr(request, "api_cache_miss", None)
        if miss is not None and cacheable(response):
            store(miss, response, request)
        return response


class ApiCacheMiddleware:
    """Answers from the cache the requests the front hands on: HEAD, conditional requests and
    the partner API (and all requests, where Django runs without cms.wsgi's front).

    It sits inside ConditionalGetMiddleware, so a cached answer gets its 304 or 412 exactly as a
    fresh one does, and every middleware outside puts its headers on those too (putting them
    again on a stored answer, which carries them already, changes nothing).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        tags = cacheable_request(request.META)
        if tags is None:
            return self.get_response(request)
        key = response_key(request.META, request.META["SCRIPT_NAME"], request.path_info)
        if FRONT_MISS in request.META:
            found, generation = None, request.META[FRONT_MISS]
        else:
            found, generation = lookup(key, tags)
        if found is not None:
            rate_limit = self.rate_limit(request)
            if rate_limit is not None:
                request.rate_limit_headers = rate_limit  # RateLimitHeadersMiddleware adds them
                headers, content = found
                return HttpResponse(content, headers=headers)
        # A HEAD's answer is left alone: ConditionalGetMiddleware gives it no ETag.
        if request.method == "GET":
            request.api_cache_miss = Miss(key, tags, generation, current_epoch())
        return self.get_response(request)

    def rate_limit(self, request):
        """A cached partner answer still spends the client's allowance, and shows it: its
        RateLimit headers, or None when it is spent (the view then answers 429)."""
        if not request.path_info.startswith(PARTNER_PREFIX):
            return {}
        throttle = PartnerRateThrottle()
        return throttle.headers() if throttle.allow_request(request, None) else None


# Entries, tags and tokens ---------------------------------------------------------------------


def cacheable(response):
    varies_on = {name.strip().lower() for name in response.get("Vary", "").split(",")} - {""}
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "public" in response.get("Cache-Control", "")
        # What the answer depends on is in the key, or (a key) never shares an entry.
        and varies_on <= {"accept", "origin", "authorization"}
    )


def store(miss, response, request):
    # Invalidation is precise, so an answer may stay until something scheduled changes it, or
    # for as long as its view says (a partner answer that may miss a change still settling).
    timeout = min(
        seconds_until_next_boundary(),
        getattr(response, "cache_timeout", settings.API_CACHE_TIMEOUT),
    )
    if timeout <= 0:
        return
    tags = miss.tags | getattr(response, "cache_tags", set())
    tokens = current_tokens(tags)
    headers = [
        (name, value)
        for name, value in response.items()
        if not name.lower().startswith(PER_REQUEST_HEADER_PREFIX)
    ]
    cache.set(miss.key, (response.content, headers, tokens, miss.epoch), timeout)
    # A change made while the answer was computed may be missing from it, yet the tokens just
    # read may be the change's new ones. invalidate() replaces the generation before the tokens,
    # so a change this check misses drops the tokens the entry was stored with.
    if cache.get(GENERATION_KEY, "") != miss.generation:
        cache.delete(miss.key)
        return
    remember_url(tags, request.build_absolute_uri())


def lookup(key, path_tags):
    """(headers, content) of the stored answer if none of its tags changed since it was stored,
    else None; and the current generation.

    The entry, the generation and the tokens of the path's tags come in one round trip to the
    cache; only tags of the entry's own (a page's) need a second.
    """
    found = cache.get_many([key, GENERATION_KEY, *(TAG_PREFIX + tag for tag in path_tags)])
    generation = found.get(GENERATION_KEY, "")
    entry = found.get(key)
    if entry is None:
        return None, generation
    content, headers, tokens, epoch = entry
    if epoch != current_epoch():
        return None, generation
    missing = [TAG_PREFIX + tag for tag in tokens if TAG_PREFIX + tag not in found]
    if missing:
        found |= cache.get_many(missing)
    if any(found.get(TAG_PREFIX + tag) != token for tag, token in tokens.items()):
        return None, generation
    return (headers, content), generation


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
    cache.set(GENERATION_KEY, secrets.token_hex(8), timeout=None)  # first: see store()
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


_epoch = {"value": None, "read_at": -math.inf}  # -inf: read at the next request


def current_epoch():
    """The epoch, read from the database at most once per EPOCH_READ_EVERY.

    While the database cannot be reached the last value read stands, so cached answers are still
    served (nothing can be published meanwhile, and no entry outlives a scheduled boundary); a
    process that never read it serves nothing from the cache.
    """
    if time.monotonic() - _epoch["read_at"] > EPOCH_READ_EVERY:
        _epoch["read_at"] = time.monotonic()
        try:
            _epoch["value"] = (
                ApiCacheEpoch.objects.filter(pk=1).values_list("value", flat=True).first() or 0
            )
        except DatabaseError:
            # Reconnect next time: outside a request, Django would not close it for us.
            with contextlib.suppress(DatabaseError):
                connection.close()
    return _epoch["value"]


def raise_epoch():
    logger.warning("The cache missed an invalidation: every cached API answer is now stale.")
    epoch, _ = ApiCacheEpoch.objects.get_or_create(pk=1)
    ApiCacheEpoch.objects.filter(pk=epoch.pk).update(value=F("value") + 1)
    _epoch["read_at"] = -math.inf  # this process reads it again at once


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
