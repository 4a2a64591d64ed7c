"""The API's response cache: a repeated request costs no query; a change makes exactly the answers
that showed it fresh again, at once; a Redis outage costs speed, never an answer."""

import datetime
import functools
import math
import os
import subprocess
import sys
from urllib.parse import quote

import pytest
import time_machine

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import PageViewRestriction

from api import cache as api_cache_module
from api import release
from tests import factories
from tests.factories import publish

pytestmark = pytest.mark.django_db

BY_PATH = "/api/v2/pages/by-path/"


@pytest.fixture(autouse=True)
def api_cache(settings, monkeypatch):
    settings.API_CACHE_TIMEOUT = 3600
    cache.clear()
    # The epoch is read from the database once per test, so a hit's query count is exact.
    monkeypatch.setattr(api_cache_module, "EPOCH_READ_EVERY", 3600)
    monkeypatch.setitem(api_cache_module._epoch, "read_at", -math.inf)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for the transaction's commit, as a real request's would be."""

    def run(change, *args):
        with django_capture_on_commit_callbacks(execute=True):
            return change(*args)

    return run


def queries_for(client, url, params=None, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params, **headers)
    assert response.status_code == 200, response.content
    return len(queries), response


def path_of(page):
    return page.get_url_parts()[2]


def test_a_repeated_request_is_answered_from_the_cache_without_a_query(client, news_index):
    publish(factories.NewsPageFactory(parent=news_index))
    first_count, first = queries_for(client, "/api/v2/news/")

    count, again = queries_for(client, "/api/v2/news/")

    assert first_count > 0
    assert count == 0
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert again["Cache-Control"] == first["Cache-Control"]


def test_a_cached_answer_still_gets_its_304(client, news_index):
    publish(factories.NewsPageFactory(parent=news_index))
    etag = client.get("/api/v2/news/")["ETag"]

    assert client.get("/api/v2/news/", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_publishing_refreshes_the_listings_of_its_type_and_nothing_else(
    client, news_index, statement_index, committed
):
    publish(factories.StatementPageFactory(parent=statement_index))
    client.get("/api/v2/news/")
    client.get("/api/v2/statements/")

    page = committed(publish, factories.NewsPageFactory(parent=news_index, live=False))

    news_queries, news = queries_for(client, "/api/v2/news/")
    statements_queries, _ = queries_for(client, "/api/v2/statements/")
    assert [card["id"] for card in news.json()["items"]] == [page.pk]
    assert news_queries > 0
    assert statements_queries == 0


def test_an_edit_refreshes_the_page_and_the_pages_showing_it_as_related(
    client, news_index, committed
):
    related = publish(factories.NewsPageFactory(parent=news_index, title="Before"))
    page = factories.NewsPageFactory(parent=news_index)
    page.related = factories.raw_stream(("page", related.pk))
    publish(page)
    bystander = publish(factories.NewsPageFactory(parent=news_index))
    for shown in (page, related, bystander):
        client.get(BY_PATH, {"path": path_of(shown)})

    related.title = "After"
    committed(publish, related)

    assert client.get(BY_PATH, {"path": path_of(related)}).json()["title"] == "After"
    assert client.get(BY_PATH, {"path": path_of(page)}).json()["related"][0]["title"] == "After"
    assert queries_for(client, BY_PATH, {"path": path_of(bystander)})[0] == 0


def test_renaming_a_member_refreshes_the_statements_that_show_it(
    client, statement_index, committed
):
    member = factories.MemberFactory(name="Republic of Somewhere", iso_code="SW")
    page = factories.StatementPageFactory(parent=statement_index, live=False)
    page.issuers.create(member=member, role="signatory")
    publish(page)
    client.get(BY_PATH, {"path": path_of(page)})

    member.name = "Somewhere"
    committed(member.save)

    issuers = client.get(BY_PATH, {"path": path_of(page)}).json()["issuers"]
    assert [issuer["member"]["name"] for issuer in issuers] == ["Somewhere"]


@pytest.mark.parametrize(
    "withdraw",
    [
        pytest.param(lambda page, index: page.unpublish(), id="unpublished"),
        pytest.param(
            lambda page, index: PageViewRestriction.objects.create(
                page=index, restriction_type="password", password="secret"
            ),
            id="made-private",
        ),
        pytest.param(lambda page, index: page.delete(), id="deleted"),
    ],
)
def test_a_withdrawn_page_leaves_every_cached_answer_at_once(
    client, news_index, committed, withdraw
):
    page = publish(factories.NewsPageFactory(parent=news_index))
    path = path_of(page)
    for _ in range(2):
        detail = client.get(BY_PATH, {"path": path})
        listing = client.get("/api/v2/news/")
    assert detail.status_code == 200 and detail.served_by_front
    assert listing.json()["items"] and listing.served_by_front

    committed(withdraw, page, news_index)

    assert client.get(BY_PATH, {"path": path}).status_code == 404
    assert client.get("/api/v2/news/").json()["items"] == []


def test_no_answer_outlives_a_scheduled_expiry(client, news_index):
    expiry = timezone.now() + datetime.timedelta(minutes=5)
    page = publish(factories.NewsPageFactory(parent=news_index, expire_at=expiry))
    client.get("/api/v2/news/")
    cached = client.get("/api/v2/news/")
    assert cached.json()["items"] and cached.served_by_front

    # Nobody saves anything: the page's time is simply up.
    with time_machine.travel(expiry + datetime.timedelta(seconds=1)):
        assert client.get("/api/v2/news/").json()["items"] == []
        assert client.get(BY_PATH, {"path": path_of(page)}).status_code == 404


def test_the_partner_api_is_cached_for_anonymous_readers_and_still_counts_them(
    client, statement_index, settings
):
    settings.PARTNER_API_RATE = "5/min"
    publish(factories.StatementPageFactory(parent=statement_index))
    url = "/api/partners/v1/statements/"
    client.get(url)

    count, cached = queries_for(client, url)

    assert count == 0
    assert cached["RateLimit-Remaining"] == "3"
    for _ in range(3):
        client.get(url)
    assert client.get(url).status_code == 429


def test_a_partner_key_is_never_answered_from_a_shared_entry(client, statement_index, partner_key):
    publish(factories.StatementPageFactory(parent=statement_index))
    client.get("/api/partners/v1/statements/")

    count, keyed = queries_for(
        client, "/api/partners/v1/statements/", HTTP_AUTHORIZATION=f"Bearer {partner_key}"
    )

    assert count > 0
    assert "private" in keyed["Cache-Control"]


def test_a_statement_record_change_refreshes_the_partner_answers(
    client, statement_index, committed
):
    page = publish(factories.StatementPageFactory(parent=statement_index, title="Before"))
    client.get("/api/partners/v1/statements/")

    page.title = "After"
    committed(publish, page)

    items = client.get("/api/partners/v1/statements/").json()["items"]
    assert [item["title"] for item in items] == ["After"]


def test_a_missing_page_is_looked_up_again_every_time(client, news_index):
    client.get(BY_PATH, {"path": "/en/no-such-page/"})

    with CaptureQueriesContext(connection) as queries:
        assert client.get(BY_PATH, {"path": "/en/no-such-page/"}).status_code == 404
    assert len(queries) > 0


# The WSGI front (api.cache.CachedAnswers): hits sent before Django runs --------------------------


def without_date(response):
    return {name: value for name, value in response.items() if name != "Date"}


def test_a_hit_from_the_front_is_the_answer_django_gave_byte_for_byte(client, news_index):
    publish(factories.NewsPageFactory(parent=news_index))
    origin = {"HTTP_ORIGIN": "http://frontend.test"}
    first = client.get("/api/v2/news/", **origin)

    count, again = queries_for(client, "/api/v2/news/", **origin)

    assert not hasattr(first, "served_by_front")
    assert again.served_by_front
    assert count == 0
    assert again.content == first.content
    assert without_date(again) == without_date(first)
    # Every header the middleware adds came with it: CORS, security, policy, validator.
    assert again["Access-Control-Allow-Origin"] == "http://frontend.test"
    assert "default-src 'none'" in again["Content-Security-Policy"]
    assert again["X-Content-Type-Options"] == "nosniff"
    assert again["ETag"]


def test_each_origin_gets_its_own_cors_answer(client, news_index):
    publish(factories.NewsPageFactory(parent=news_index))
    for _ in range(2):
        allowed = client.get("/api/v2/news/", HTTP_ORIGIN="http://frontend.test")
        other = client.get("/api/v2/news/", HTTP_ORIGIN="https://elsewhere.example")
        none = client.get("/api/v2/news/")

    assert allowed.served_by_front and other.served_by_front and none.served_by_front
    assert allowed["Access-Control-Allow-Origin"] == "http://frontend.test"
    assert "Access-Control-Allow-Origin" not in other
    assert "Access-Control-Allow-Origin" not in none


def test_a_conditional_request_gets_its_304_from_django_with_the_answers_headers(
    client, news_index
):
    publish(factories.NewsPageFactory(parent=news_index))
    origin = {"HTTP_ORIGIN": "http://frontend.test"}
    etag = client.get("/api/v2/news/", **origin)["ETag"]

    with CaptureQueriesContext(connection) as queries:
        revalidated = client.get("/api/v2/news/", HTTP_IF_NONE_MATCH=etag, **origin)

    assert revalidated.status_code == 304
    assert not hasattr(revalidated, "served_by_front")
    assert len(queries) == 0  # answered from the cache by the middleware
    assert revalidated["ETag"] == etag
    assert revalidated["Access-Control-Allow-Origin"] == "http://frontend.test"
    assert "default-src 'none'" in revalidated["Content-Security-Policy"]
    assert "Content-Type" not in revalidated


@pytest.mark.parametrize(
    ("method", "url", "headers"),
    [
        ("head", "/api/v2/statements/", {}),
        ("get", "/api/partners/v1/statements/", {}),  # spends a rate limit: Django counts it
        ("get", "/api/v2/statements/", {"HTTP_AUTHORIZATION": "Bearer whatever"}),
    ],
)
def test_the_front_leaves_to_django_what_needs_it(client, statement_index, method, url, headers):
    publish(factories.StatementPageFactory(parent=statement_index))
    getattr(client, method)(url, **headers)

    again = getattr(client, method)(url, **headers)

    assert again.status_code == 200
    assert not hasattr(again, "served_by_front")


def test_a_miss_asks_the_cache_once(client, news_index, monkeypatch):
    publish(factories.NewsPageFactory(parent=news_index))
    lookups = []
    lookup = api_cache_module.lookup

    def counted_lookup(*args):
        lookups.append(args)
        return lookup(*args)

    monkeypatch.setattr(api_cache_module, "lookup", counted_lookup)

    client.get("/api/v2/news/")  # the front misses; Django answers and stores
    client.get("/api/v2/news/")  # the front sends it

    assert len(lookups) == 2


def test_a_publish_stales_what_the_front_sends(client, news_index, committed):
    page = publish(factories.NewsPageFactory(parent=news_index, title="Before"))
    client.get("/api/v2/news/")
    assert client.get("/api/v2/news/").served_by_front

    page.title = "After"
    committed(publish, page)

    fresh = client.get("/api/v2/news/")
    assert not hasattr(fresh, "served_by_front")
    assert [card["title"] for card in fresh.json()["items"]] == ["After"]


def test_no_other_host_or_scheme_is_sent_a_cached_answer(client, news_index, settings):
    settings.SECURE_SSL_REDIRECT = True
    publish(factories.NewsPageFactory(parent=news_index))
    client.get("/api/v2/news/", secure=True)
    assert client.get("/api/v2/news/", secure=True).served_by_front

    assert client.get("/api/v2/news/").status_code == 301  # to HTTPS, as uncached
    assert client.get("/api/v2/news/", secure=True, HTTP_HOST="evil.example").status_code == 400


# Whatever the request, a cached answer is the answer Django gives uncached: same status, same
# headers, same bytes. Every variant is cached first, so two variants sharing a key would show.
VARIANTS = {
    "plain": {},
    "allowed origin": {"HTTP_ORIGIN": "http://frontend.test"},
    "other origin": {"HTTP_ORIGIN": "https://elsewhere.example"},
    "empty origin": {"HTTP_ORIGIN": ""},
    "json": {"HTTP_ACCEPT": "application/json"},
    "csv": {"HTTP_ACCEPT": "text/csv"},
    "empty accept": {"HTTP_ACCEPT": ""},
    "other host": {"HTTP_HOST": "localhost"},
    "empty host": {"HTTP_HOST": ""},
    "https": {"secure": True},
    "https by the proxy": {"HTTP_X_FORWARDED_PROTO": "https"},
    "empty proxy header": {"HTTP_X_FORWARDED_PROTO": ""},
    "if-none-match *": {"HTTP_IF_NONE_MATCH": "*"},
    "if-match": {"HTTP_IF_MATCH": '"another"'},
    "if-unmodified-since": {"HTTP_IF_UNMODIFIED_SINCE": "Mon, 01 Jan 1990 00:00:00 GMT"},
    "if-modified-since": {"HTTP_IF_MODIFIED_SINCE": "Fri, 01 Jan 2100 00:00:00 GMT"},
    "head": {"method": "head"},
}
# The allowance left and when it renews: per request, never stored.
PER_REQUEST = {"Date", "RateLimit-Remaining", "RateLimit-Reset"}


def answer_to(client, url, variant):
    headers = dict(VARIANTS[variant])
    response = getattr(client, headers.pop("method", "get"))(url, **headers)
    kept = {name: value for name, value in response.items() if name not in PER_REQUEST}
    return response.status_code, kept, response.content


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/news/?limit=5",
        "by-path",
        "/api/v2/site/?locale=en",
        "/api/v2/sitemap.xml",
        "/api/partners/v1/statements/",
        "/api/partners/v1/statements/?format=csv",
    ],
)
def test_a_cached_answer_is_what_django_answers_to_the_same_request(
    client, news_index, statement_index, settings, url
):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_HSTS_SECONDS = 3600
    page = publish(factories.NewsPageFactory(parent=news_index))
    publish(factories.StatementPageFactory(parent=statement_index))
    if url == "by-path":
        url = f"{BY_PATH}?path={quote(path_of(page), safe='')}"

    # Time stands still, a second after the publish: Last-Modified is given from then on.
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=1), tick=False):
        settings.API_CACHE_TIMEOUT = 0
        uncached = {variant: answer_to(client, url, variant) for variant in VARIANTS}
        settings.API_CACHE_TIMEOUT = 3600
        for order in (list(VARIANTS), list(reversed(VARIANTS))):
            cache.clear()
            for variant in order:
                answer_to(client, url, variant)  # stored, or answered from a colliding entry
            cached = {variant: answer_to(client, url, variant) for variant in VARIANTS}
            assert_same_answers(cached, uncached)

    assert uncached["https by the proxy"][1]["Strict-Transport-Security"]
    assert "Strict-Transport-Security" not in uncached["empty proxy header"][1]
    assert {status for status, _, _ in uncached.values()} >= {200, 304, 400, 412}
    if not url.startswith(api_cache_module.PARTNER_PREFIX):
        assert client.get(url).served_by_front


def assert_same_answers(cached, uncached):
    for variant in VARIANTS:
        status, headers, content = uncached[variant]
        if variant == "head":  # with the GET's ETag, as HTTP asks (Django's own HEAD has none)
            headers = {**headers, "ETag": uncached["plain"][1]["ETag"]}
        assert cached[variant][0] == status, variant
        assert cached[variant][1] == headers, variant
        assert cached[variant][2] == content, variant


# A new release, or new settings, never serves what an older one stored ---------------------------


def test_new_settings_are_never_served_an_answer_stored_under_the_old(client, news_index, settings):
    publish(factories.NewsPageFactory(parent=news_index))
    origin = {"HTTP_ORIGIN": "http://frontend.test"}
    client.get("/api/v2/news/", **origin)
    assert client.get("/api/v2/news/", **origin).served_by_front

    settings.CORS_ALLOWED_ORIGINS = []  # a front end's origin withdrawn

    answer = client.get("/api/v2/news/", **origin)
    assert not hasattr(answer, "served_by_front")
    assert "Access-Control-Allow-Origin" not in answer


def test_the_release_fingerprint_follows_the_code_and_the_public_settings(
    settings, tmp_path, monkeypatch
):
    module = tmp_path / "api" / "views.py"
    module.parent.mkdir()
    module.write_text("ANSWER = 1\n")
    settings.BASE_DIR = tmp_path
    monkeypatch.setattr(release, "code_digest", functools.cache(release.code_digest.__wrapped__))
    first = release.release_fingerprint()

    settings.EMAIL_HOST = "mail.elsewhere.example"  # differs between servers of one release
    settings.SECRET_KEY = "another-secret-key"
    same_release = release.release_fingerprint()

    module.write_text("ANSWER = 2\n")
    release.code_digest.cache_clear()  # a new release starts new processes
    release.forget_settings()
    new_code = release.release_fingerprint()

    settings.SECURE_REFERRER_POLICY = "no-referrer"
    new_settings = release.release_fingerprint()

    assert same_release == first
    assert len({first, new_code, new_settings}) == 3


def test_the_fingerprint_is_the_same_in_every_process():
    """Sets iterate in an order of each process's own (string hashing): sorted, they agree."""
    fingerprints = {
        subprocess.run(  # noqa: S603 — this interpreter, a fixed program
            [sys.executable, "-c", FINGERPRINT_PROGRAM],
            env={**os.environ, "PYTHONHASHSEED": seed, "DJANGO_SETTINGS_MODULE": "settings.test"},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()[-1]
        for seed in ("1", "2", "3")
    }
    assert len(fingerprints) == 1
    assert release.canonical({"b", "a", "c"}) == "{'a', 'b', 'c'}"
    assert release.canonical([object()]) == "[object]"


FINGERPRINT_PROGRAM = """
import django
django.setup()
from api.release import release_fingerprint
print(release_fingerprint())
"""


@pytest.mark.parametrize("moment", ["before the answer is stored", "while it is stored"])
def test_a_change_landing_while_an_answer_is_computed_is_not_kept(
    client, news_index, committed, monkeypatch, moment
):
    """The editor's withdrawal commits after the view read the page: that answer is sent, but
    must not be kept, even under the tokens the withdrawal just made."""
    page = publish(factories.NewsPageFactory(parent=news_index))
    hooked = "store" if moment == "before the answer is stored" else "current_tokens"
    original = getattr(api_cache_module, hooked)

    def withdrawal_lands_then(*args):
        monkeypatch.setattr(api_cache_module, hooked, original)  # once
        if hooked == "store":
            committed(page.unpublish)
            return original(*args)
        tokens = original(*args)
        committed(page.unpublish)
        return tokens

    monkeypatch.setattr(api_cache_module, hooked, withdrawal_lands_then)
    assert client.get("/api/v2/news/").json()["items"]  # computed before the withdrawal

    assert client.get("/api/v2/news/").json()["items"] == []


def test_an_answer_varying_on_what_the_key_lacks_is_not_stored():
    shared = HttpResponse(b"{}", headers={"Cache-Control": "public", "Vary": "Accept, Origin"})
    per_session = HttpResponse(b"{}", headers={"Cache-Control": "public", "Vary": "Cookie"})

    assert api_cache_module.cacheable(shared)
    assert not api_cache_module.cacheable(per_session)


def test_the_wsgi_application_sends_hits_without_starting_django(news_index):
    from cms.wsgi import application

    publish(factories.NewsPageFactory(parent=news_index))
    environ = RequestFactory().get("/api/v2/news/").environ
    del environ["SCRIPT_NAME"]  # a server may leave it out when empty (PEP 3333)
    started = []

    def on_request_started(**kwargs):
        started.append(kwargs["environ"]["PATH_INFO"])

    request_started.connect(on_request_started, weak=False, dispatch_uid="front-test")
    # As Django's test client does: the test's database connection holds its transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        statuses, bodies = [], []
        for _ in range(2):
            body = application(dict(environ), lambda status, headers: statuses.append(status))
            bodies.append(b"".join(body))
            getattr(body, "close", lambda: None)()
    finally:
        request_started.disconnect(dispatch_uid="front-test")
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)

    assert statuses == ["200 OK", "200 OK"]
    assert bodies[0] == bodies[1]
    assert len(started) == 1  # the first request only


# Redis, for real -----------------------------------------------------------------------------


@pytest.fixture
def redis_cache(settings, redis_server):
    """The production cache configuration, on the test's own Redis (Django reconnects its
    caches when the setting changes)."""
    process, url = redis_server
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
    return process


def test_with_redis_a_publish_is_fresh_at_once(client, news_index, committed, redis_cache):
    publish(factories.NewsPageFactory(parent=news_index))
    client.get("/api/v2/news/")
    assert queries_for(client, "/api/v2/news/")[0] == 0
    assert list(cache.client.get_client().scan_iter(":1:api-response:*"))

    page = committed(publish, factories.NewsPageFactory(parent=news_index, live=False))

    assert page.pk in [card["id"] for card in client.get("/api/v2/news/").json()["items"]]


def test_with_redis_stopped_the_api_still_answers(client, news_index, redis_cache):
    publish(factories.NewsPageFactory(parent=news_index))
    client.get("/api/v2/news/")
    redis_cache.kill()
    redis_cache.wait()

    for url in ("/api/v2/news/", "/api/v2/site/", "/api/partners/v1/statements/"):
        assert client.get(url).status_code == 200, url


# The CDN, for real: a local HTTP cache that accepts PURGE -------------------------------------


def test_the_cdn_is_told_to_forget_exactly_the_stale_urls(
    client, news_index, statement_index, committed, purge_receiver
):
    page = publish(factories.NewsPageFactory(parent=news_index))
    client.get("/api/v2/news/", {"limit": 5})
    client.get(BY_PATH, {"path": path_of(page)})
    client.get("/api/v2/statements/")

    page.title = "Corrected"
    committed(publish, page)

    purged = {path for _, path in purge_receiver}
    assert purged == {"/api/v2/news/?limit=5", f"{BY_PATH}?path={quote(path_of(page), safe='')}"}
    assert {host for host, _ in purge_receiver} == {"testserver"}


def test_a_publish_is_fresh_at_once_in_search_feeds_the_change_feed_and_the_site(
    client, home_page, news_index, statement_index, committed
):
    primed = {
        "search": ("/api/v2/news/", {"q": "Mosul"}),
        "feed": ("/api/partners/v1/statements/", {"format": "rss"}),
        "changes": ("/api/partners/v1/changes/", {}),
        "site": ("/api/v2/site/", {"locale": "en"}),
    }
    for url, params in primed.values():
        client.get(url, params)

    committed(publish, factories.NewsPageFactory(parent=news_index, title="Mosul", live=False))
    committed(publish, factories.StatementPageFactory(parent=statement_index, live=False))
    menu_page = factories.StandardPageFactory(parent=home_page, show_in_menus=True, live=False)
    committed(publish, menu_page)

    answers = {name: client.get(url, params) for name, (url, params) in primed.items()}
    assert [card["title"] for card in answers["search"].json()["items"]] == ["Mosul"]
    assert b"<item>" in answers["feed"].content
    assert [change["event"] for change in answers["changes"].json()["changes"]] == ["published"]
    navigation = [item["id"] for item in answers["site"].json()["navigation"]]
    assert menu_page.pk in navigation


def test_an_invalidation_the_cache_could_not_take_still_stales_every_answer(
    client, news_index, committed, redis_cache, settings
):
    """A server that briefly cannot reach Redis, while Redis keeps its data: the publish cannot
    replace the tokens, so it raises the epoch in the database instead."""
    page = publish(factories.NewsPageFactory(parent=news_index, title="Before"))
    client.get("/api/v2/news/")
    reachable = settings.CACHES

    settings.CACHES = {"default": {**reachable["default"], "LOCATION": "redis://127.0.0.1:1/0"}}
    page.title = "After"
    committed(publish, page)
    settings.CACHES = reachable

    assert [card["title"] for card in client.get("/api/v2/news/").json()["items"]] == ["After"]
