"""The partner API (/api/partners/v1/) as partners use it: real requests, every surface.

Filters, sorts and facets over a small archive; the same query as CSV and feeds; keys issued in
the admin; rate limits; HTTP caching; query counts; nothing non-public on any surface; and a
problem-details answer for every kind of bad input.
"""

import base64
import csv
import datetime
import io
import json
import re
import uuid
from contextlib import nullcontext
from dataclasses import dataclass, field
from operator import itemgetter
from urllib.parse import parse_qs, urlencode, urlsplit

import feedparser
import pytest
import time_machine

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.models import APIToken, Page, PageViewRestriction

from api.models import StatementRecord
from pages.models import StatementIssuer
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_caches")]

API = "/api/partners/v1/"
STATEMENTS = f"{API}statements/"
EXPORT = f"{API}statements/export/"
CHANGES = f"{API}changes/"
PROBLEM = "application/problem+json"
UTC = datetime.UTC


@pytest.fixture
def client():
    """A client that answers a server error with its 500, as production does, not by raising."""
    return Client(raise_request_exception=False)


# Helpers ----------------------------------------------------------------------------------------


def at(day, hour=10):
    return datetime.datetime(2024, 1, day, hour, tzinfo=UTC)


def statement(parent, *, published_at=None, issuers=(), lines=(), regions=(), hashtags=(), **kw):
    """A statement published through a revision (which builds its partner record)."""
    page = factories.StatementPageFactory(parent=parent, **kw)
    for member, role in issuers:
        page.issuers.add(StatementIssuer(member=member, role=role))
    page.lines_of_effort.set(lines)
    page.regions.set(regions)
    page.hashtags.add(*hashtags)
    with time_machine.travel(published_at, tick=False) if published_at else nullcontext():
        return factories.publish(page)


def bearer(key):
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def get_json(client, url, params=None, **headers):
    response = client.get(url, params or {}, **headers)
    assert response.status_code == 200, response.content
    return response.json()


def titles(body):
    return {item["title"] for item in body["items"]}


def detail_url(statement_id):
    return f"{STATEMENTS}{statement_id}/"


def export_lines(response):
    assert response.streaming
    text = b"".join(response.streaming_content).decode()
    return [json.loads(line) for line in text.splitlines()]


def csv_rows(response):
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def encode_cursor(position):
    return base64.urlsafe_b64encode(json.dumps(position).encode()).decode()


def cursor_of(next_url):
    return parse_qs(urlsplit(next_url).query)["cursor"][0]


def assert_problem(response, status, parameter=None):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    problem = response.json()
    assert problem["status"] == status
    assert problem["title"] and problem["detail"]
    if parameter is not None:
        assert problem["parameter"] == parameter
    return problem


def count_queries(client, url, params=None, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {}, **headers)
    assert response.status_code == 200, response.content
    return len(queries), response


# An archive to filter: four statements that differ in every filtered field --------------------


@dataclass
class Archive:
    pages: dict = field(default_factory=dict)
    meetings: dict = field(default_factory=dict)

    def title(self, name):
        return self.pages[name].title


@pytest.fixture
def arabic_index(statement_index, ar_home, locale_ar):
    return factories.publish(statement_index.copy_for_translation(locale_ar))


@pytest.fixture
def archive(statement_index, arabic_index, locale_ar):
    """Dated and published in different orders, so each sort gives its own order:

    by date:      brussels 2021, readout 2022, arabic 2023-02, rome 2023-06
    by update:    readout 1 Jan, brussels 5 Jan, arabic 8 Jan, rome 10 Jan (2024, 10:00 UTC)
    """
    iraq = factories.MemberFactory(name="Iraq", iso_code="IQ")
    france = factories.MemberFactory(name="France", iso_code="FR")
    eu = factories.MemberFactory(organisation=True, name="European Union", acronym="EU")
    stabilisation = factories.LineOfEffortFactory(slug="stabilisation")
    finance = factories.LineOfEffortFactory(slug="counter-finance")
    iraq_region = factories.RegionFactory(slug="iraq")
    syria = factories.RegionFactory(slug="syria")
    africa = factories.GroupFactory(slug="africa-focus-group")
    small_group = factories.GroupFactory(slug="small-group")
    rome_meeting = factories.MeetingFactory(title="Rome ministerial")
    niamey_meeting = factories.MeetingFactory(title="Niamey meeting", city="Niamey")

    world = Archive(meetings={"rome": rome_meeting, "niamey": niamey_meeting})
    world.pages["rome"] = statement(
        statement_index,
        title="Rome communiqué",
        statement_type="joint_communique",
        date=datetime.date(2023, 6, 8),
        issuers=[(iraq, "host"), (eu, "signatory")],
        lines=[stabilisation],
        regions=[iraq_region],
        hashtags=["DefeatDaesh"],
        group=africa,
        meeting=rome_meeting,
        body=factories.raw_stream(("paragraph", "<p>Stabilisation work in Mosul continues.</p>")),
        published_at=at(10),
    )
    world.pages["readout"] = statement(
        statement_index,
        title="Readout of the finance meeting",
        statement_type="readout",
        date=datetime.date(2022, 3, 1),
        issuers=[(iraq, "signatory")],
        lines=[finance],
        regions=[syria],
        hashtags=["ThisGenerationLearns"],
        group=small_group,
        meeting=niamey_meeting,
        published_at=at(1),
    )
    # EU and a signatory, but in different rows: issuer=EU&issuer_role=signatory must miss it.
    world.pages["brussels"] = statement(
        statement_index,
        title="Brussels joint statement",
        statement_type="joint_statement",
        date=datetime.date(2021, 1, 15),
        issuers=[(eu, "co_chair"), (france, "signatory")],
        hashtags=["DefeatDaesh", "Brussels"],
        published_at=at(5),
    )
    world.pages["arabic"] = statement(
        arabic_index,
        locale=locale_ar,
        title="بيان بشأن إزالة الألغام",
        statement_type="joint_communique",
        date=datetime.date(2023, 2, 2),
        lines=[stabilisation],
        body=factories.raw_stream(("paragraph", "<p>بدأت فرق إزالة الألغام عملها في الموصل.</p>")),
        published_at=at(8),
    )
    return world


# Filters ----------------------------------------------------------------------------------------

FILTERS = {
    "type": ({"type": "readout"}, {"readout"}),
    "issuer_iso_code": ({"issuer": "IQ"}, {"rome", "readout"}),
    "issuer_iso_code_lower_case": ({"issuer": "iq"}, {"rome", "readout"}),
    "issuer_acronym": ({"issuer": "EU"}, {"rome", "brussels"}),
    "issuer_acronym_lower_case": ({"issuer": "eu"}, {"rome", "brussels"}),
    "issuer_role": ({"issuer_role": "host"}, {"rome"}),
    "issuer_and_role_on_one_row": ({"issuer": "EU", "issuer_role": "signatory"}, {"rome"}),
    "group": ({"group": "africa-focus-group"}, {"rome"}),
    "line_of_effort": ({"line_of_effort": "counter-finance"}, {"readout"}),
    "region": ({"region": "syria"}, {"readout"}),
    "hashtag": ({"hashtag": "DefeatDaesh"}, {"rome", "brussels"}),
    "hashtag_with_hash": ({"hashtag": "#DefeatDaesh"}, {"rome", "brussels"}),
    "hashtag_any_case": ({"hashtag": "defeatdaesh"}, {"rome", "brussels"}),
    "locale_ar": ({"locale": "ar"}, {"arabic"}),
    "locale_en": ({"locale": "en"}, {"rome", "readout", "brussels"}),
    "date_from": ({"date_from": "2023-01-01"}, {"rome", "arabic"}),
    "date_to_inclusive": ({"date_to": "2022-03-01"}, {"readout", "brussels"}),
    "date_range_inclusive": (
        {"date_from": "2022-03-01", "date_to": "2023-02-02"}, {"readout", "arabic"}
    ),
    "updated_since": ({"updated_since": "2024-01-06T00:00:00Z"}, {"arabic", "rome"}),
    # 09:00 UTC: the offset counts (the Arabic statement was published at 10:00 UTC).
    "updated_since_with_offset": (
        {"updated_since": "2024-01-08T12:00:00+03:00"}, {"arabic", "rome"}
    ),
    "q": ({"q": "Mosul"}, {"rome"}),
    "q_arabic": ({"q": "الألغام"}, {"arabic"}),
    "combined": ({"type": "joint_communique", "locale": "en"}, {"rome"}),
}  # fmt: skip


@pytest.mark.parametrize(("params", "expected"), FILTERS.values(), ids=FILTERS.keys())
def test_each_filter_finds_its_statements_and_only_those(client, archive, params, expected):
    body = get_json(client, STATEMENTS, params)

    assert titles(body) == {archive.title(name) for name in expected}
    assert body["count"] == len(expected)


def test_the_meeting_filter_takes_the_meetings_translation_key(client, archive):
    rome = archive.meetings["rome"]

    found = get_json(client, STATEMENTS, {"meeting": str(rome.translation_key)})
    unknown = get_json(client, STATEMENTS, {"meeting": str(uuid.uuid4())})

    assert titles(found) == {archive.title("rome")}
    assert unknown["items"] == []


def test_an_unfiltered_list_has_every_statement_in_every_language(client, archive):
    assert titles(get_json(client, STATEMENTS)) == {page.title for page in archive.pages.values()}


# Sorts and cursors ------------------------------------------------------------------------------

SORTS = {
    "date": ["brussels", "readout", "arabic", "rome"],
    "-date": ["rome", "arabic", "readout", "brussels"],
    "updated": ["readout", "brussels", "arabic", "rome"],
    "-updated": ["rome", "arabic", "brussels", "readout"],
}


@pytest.mark.parametrize(("sort", "order"), SORTS.items(), ids=SORTS.keys())
def test_each_sort_orders_the_list_and_its_cursor_walks_it_once(client, archive, sort, order):
    expected = [archive.title(name) for name in order]
    whole = get_json(client, STATEMENTS, {"sort": sort})

    walked, url = [], f"{STATEMENTS}?sort={sort}&limit=1"
    while url:
        body = get_json(client, url)
        walked += [item["title"] for item in body["items"]]
        url = body["next"]

    assert [item["title"] for item in whole["items"]] == expected
    assert walked == expected


def test_the_default_sort_is_newest_first(client, archive):
    body = get_json(client, STATEMENTS)

    assert body["items"][0]["title"] == archive.title("rome")


# Facets -----------------------------------------------------------------------------------------


def counts(entries):
    return {entry["value"]: entry["count"] for entry in entries}


def test_facets_count_the_whole_filtered_set_not_the_page(client, archive):
    body = get_json(
        client,
        STATEMENTS,
        {"locale": "en", "limit": "1", "facets": "type,issuer,year,line_of_effort"},
    )
    facets = {name: counts(entries) for name, entries in body["facets"].items()}

    assert len(body["items"]) == 1 and body["count"] == 3
    # The Arabic statement (a 2023 communiqué on stabilisation) is filtered out of every count.
    assert facets == {
        "type": {"joint_communique": 1, "readout": 1, "joint_statement": 1},
        "issuer": {"IQ": 2, "EU": 2, "FR": 1},
        "year": {2023: 1, 2022: 1, 2021: 1},
        "line_of_effort": {"stabilisation": 1, "counter-finance": 1},
    }


def test_facets_come_only_when_asked_for(client, archive):
    assert "facets" not in get_json(client, STATEMENTS)
    assert set(get_json(client, STATEMENTS, {"facets": "year"})["facets"]) == {"year"}


def test_an_unknown_facet_is_a_problem_naming_facets(client, archive):
    assert_problem(client.get(STATEMENTS, {"facets": "type,colour"}), 400, "facets")


# Formats ----------------------------------------------------------------------------------------


def test_csv_has_a_header_and_a_row_per_item_with_arabic_intact(client, archive):
    response = client.get(STATEMENTS, {"format": "csv"})
    items = get_json(client, STATEMENTS)["items"]

    rows = csv_rows(response)
    assert response["Content-Type"].startswith("text/csv")
    assert [row["id"] for row in rows] == [item["id"] for item in items]
    assert [row["title"] for row in rows] == [item["title"] for item in items]
    assert archive.title("arabic") in {row["title"] for row in rows}


@pytest.mark.parametrize("title", ["=HYPERLINK(1)", "+SUM(1)", "-SUM(1)", "@SUM(1)"])
def test_a_csv_cell_a_spreadsheet_would_run_starts_with_an_apostrophe(
    client, statement_index, title
):
    statement(statement_index, title=title)

    (row,) = csv_rows(client.get(STATEMENTS, {"format": "csv"}))
    (item,) = get_json(client, STATEMENTS)["items"]

    assert row["title"] == f"'{title}"
    assert item["title"] == title  # only the spreadsheet format is neutralised


FEEDS = {"rss": "application/rss+xml", "atom": "application/atom+xml"}


def asked_by(how, fmt, media_type):
    return ({"format": fmt}, {}) if how == "param" else ({}, {"HTTP_ACCEPT": media_type})


@pytest.mark.parametrize("how", ["param", "accept"])
@pytest.mark.parametrize(("fmt", "media_type"), FEEDS.items(), ids=FEEDS.keys())
def test_rss_and_atom_feeds_carry_the_same_items_as_json(client, archive, fmt, media_type, how):
    params, headers = asked_by(how, fmt, media_type)
    items = get_json(client, STATEMENTS, {"sort": "date"})["items"]

    response = client.get(STATEMENTS, {**params, "sort": "date"}, **headers)
    feed = feedparser.parse(response.content)

    assert response.status_code == 200
    assert response["Content-Type"].startswith(media_type)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == {"rss": "rss20", "atom": "atom10"}[fmt]
    assert [entry.link for entry in feed.entries] == [item["url"] for item in items]
    assert [entry.title for entry in feed.entries] == [item["title"] for item in items]


@pytest.mark.parametrize("how", ["param", "accept"])
def test_json_feed_carries_the_same_items_as_json(client, archive, how):
    # feedparser 6 reads no JSON Feed: read it by its specification (jsonfeed.org/version/1.1).
    params, headers = asked_by(how, "jsonfeed", "application/feed+json")
    items = get_json(client, STATEMENTS, {"sort": "date"})["items"]

    response = client.get(STATEMENTS, {**params, "sort": "date"}, **headers)
    feed = json.loads(response.content)

    assert response["Content-Type"].startswith("application/feed+json")
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"]
    assert [entry["url"] for entry in feed["items"]] == [item["url"] for item in items]
    assert [entry["title"] for entry in feed["items"]] == [item["title"] for item in items]
    assert all(entry["id"] for entry in feed["items"])


def test_csv_by_accept_header_is_the_csv_of_the_query(client, archive):
    response = client.get(STATEMENTS, {"locale": "ar"}, HTTP_ACCEPT="text/csv")

    assert response["Content-Type"].startswith("text/csv")
    assert [row["title"] for row in csv_rows(response)] == [archive.title("arabic")]


def test_feeds_follow_the_filters(client, archive):
    feed = feedparser.parse(client.get(STATEMENTS, {"format": "atom", "locale": "ar"}).content)

    assert [entry.title for entry in feed.entries] == [archive.title("arabic")]


def test_an_unknown_format_is_a_problem_naming_format(client, archive):
    assert_problem(client.get(STATEMENTS, {"format": "xml"}), 400, "format")


@pytest.mark.parametrize(
    "asked", [{"params": {"format": "csv"}}, {"headers": {"HTTP_ACCEPT": "text/csv"}}]
)
def test_errors_are_problem_details_even_when_csv_was_asked_for(client, archive, asked):
    params = {**asked.get("params", {}), "colour": "red"}

    response = client.get(STATEMENTS, params, **asked.get("headers", {}))

    assert_problem(response, 400, "colour")


def test_the_export_streams_every_public_record_as_json_lines(client, archive):
    response = client.get(EXPORT)
    listed = get_json(client, STATEMENTS)["items"]

    records = export_lines(response)
    assert response["Content-Type"].startswith("application/jsonl")
    assert len(records) == len(archive.pages)
    key = itemgetter("id", "locale")
    assert sorted(records, key=key) == sorted(listed, key=key)
    public = StatementRecord.objects.filter(public=True).values_list("translation_key", "locale")
    assert {(record["id"], record["locale"]) for record in records} == {
        (str(translation_key), locale) for translation_key, locale in public
    }


def test_the_export_follows_the_locale(client, archive):
    records = export_lines(client.get(EXPORT, {"locale": "ar"}))

    assert [record["title"] for record in records] == [archive.title("arabic")]


# Access: keys and page sizes --------------------------------------------------------------------


@pytest.fixture
def one_statement(statement_index):
    return statement(statement_index, title="Statement for partners")


def test_reading_needs_no_key(client, one_statement):
    assert titles(get_json(client, STATEMENTS)) == {one_statement.title}


def test_more_than_100_a_page_needs_a_key(client, one_statement, partner_key):
    assert_problem(client.get(STATEMENTS, {"limit": "101"}), 400, "limit")
    assert get_json(client, STATEMENTS, {"limit": "1000"}, **bearer(partner_key))["items"]
    assert_problem(client.get(STATEMENTS, {"limit": "1001"}, **bearer(partner_key)), 400, "limit")


def unknown_key():
    """Well-formed, checksum and all, but never issued."""
    return APIToken.generate_token()


BAD_AUTHORIZATION = {
    "malformed_key": lambda: "Bearer not-a-partner-key",
    "unknown_key": lambda: f"Bearer {unknown_key()}",
    "other_scheme": lambda: "Basic cGFydG5lcjpzZWNyZXQ=",
    "bearer_without_key": lambda: "Bearer",
    "two_keys": lambda: f"Bearer {unknown_key()} {unknown_key()}",
}


@pytest.mark.parametrize("authorization", BAD_AUTHORIZATION.values(), ids=BAD_AUTHORIZATION)
def test_a_bad_key_is_a_401_problem_not_anonymity(client, one_statement, authorization):
    response = client.get(STATEMENTS, HTTP_AUTHORIZATION=authorization())

    assert_problem(response, 401)
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.fixture
def partner(db):
    return factories.UserFactory(username="partner-org")


def issue_key_in_admin(admin_client, user):
    response = admin_client.post(
        reverse("wagtailusers_api_tokens:add"), {"user": user.pk, "name": "Partner mirror"}
    )
    assert response.status_code == 200
    (key,) = set(re.findall(r"wagtail_[0-9A-Za-z]{33}", response.content.decode()))
    return key


def test_a_key_issued_in_the_admin_works_and_is_stored_only_as_a_hash(
    client, superuser_client, partner, one_statement
):
    key = issue_key_in_admin(superuser_client, partner)
    token = APIToken.objects.get(user=partner)
    assert token.last_used_at is None

    assert get_json(client, STATEMENTS, {"limit": "500"}, **bearer(key))["items"]

    token.refresh_from_db()
    assert token.last_used_at is not None
    assert token.key_hash == APIToken.hash_token(key)
    stored = APIToken.objects.values_list().get(pk=token.pk)
    assert not any(key in str(value) for value in stored)
    listing = superuser_client.get(reverse("wagtailusers_api_tokens:index"))
    assert key not in listing.content.decode()


def revoke_in_admin(admin_client, token):
    response = admin_client.post(reverse("wagtailusers_api_tokens:delete", args=[token.pk]))
    assert response.status_code == 302


def revoke_in_code(admin_client, token):
    token.revoke()


@pytest.mark.parametrize("revoke", [revoke_in_admin, revoke_in_code])
def test_a_revoked_key_stops_working_at_once(
    client, superuser_client, partner, one_statement, revoke
):
    key = issue_key_in_admin(superuser_client, partner)
    assert client.get(STATEMENTS, **bearer(key)).status_code == 200

    revoke(superuser_client, APIToken.objects.get(user=partner))

    assert_problem(client.get(STATEMENTS, **bearer(key)), 401)


# Rate limits ------------------------------------------------------------------------------------

RATE_HEADERS = ("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")


@pytest.fixture
def limits(settings):
    settings.PARTNER_API_RATE = "3/min"
    settings.PARTNER_API_KEY_RATE = "5/min"
    cache.clear()
    yield
    cache.clear()


def rate(response):
    return {name: int(response[name]) for name in RATE_HEADERS}


@pytest.mark.usefixtures("limits")
def test_each_response_counts_down_the_allowance_then_429_with_retry_after(client, one_statement):
    responses = [client.get(STATEMENTS) for _ in range(4)]

    assert [r.status_code for r in responses[:3]] == [200, 200, 200]
    assert [rate(r)["RateLimit-Remaining"] for r in responses] == [2, 1, 0, 0]
    assert all(rate(r)["RateLimit-Limit"] == 3 for r in responses)
    assert all(0 < rate(r)["RateLimit-Reset"] <= 60 for r in responses)
    assert_problem(responses[3], 429)
    assert 0 < int(responses[3]["Retry-After"]) <= 60


@pytest.mark.usefixtures("limits")
def test_a_key_has_its_own_larger_allowance(client, one_statement, partner_key):
    for _ in range(3):
        client.get(STATEMENTS)
    assert client.get(STATEMENTS).status_code == 429

    keyed = [client.get(STATEMENTS, **bearer(partner_key)) for _ in range(6)]

    assert [r.status_code for r in keyed] == [200] * 5 + [429]
    assert {rate(r)["RateLimit-Limit"] for r in keyed} == {5}
    assert "Retry-After" in keyed[-1]


DODGES = {
    "upper_case_path": (STATEMENTS.replace("statements", "Statements"), {}),
    "upper_case_prefix": (STATEMENTS.replace("/api/", "/API/"), {}),
    "no_trailing_slash": (STATEMENTS.rstrip("/"), {}),
    "extra_trailing_slash": (f"{STATEMENTS}/", {}),
    "made_up_forwarded_for": (STATEMENTS, {"HTTP_X_FORWARDED_FOR": "203.0.113.9"}),
    "made_up_real_ip": (STATEMENTS, {"HTTP_X_REAL_IP": "203.0.113.9"}),
    "another_endpoint": (CHANGES, {}),
}


@pytest.mark.usefixtures("limits")
@pytest.mark.parametrize(("url", "headers"), DODGES.values(), ids=DODGES)
def test_the_limit_cannot_be_dodged(client, one_statement, url, headers):
    for _ in range(3):
        client.get(STATEMENTS)

    dodge = client.get(url, follow=True, **headers)
    # The control: another address does get a fresh allowance.
    elsewhere = client.get(STATEMENTS, REMOTE_ADDR="198.51.100.7")

    assert dodge.status_code != 200, dodge.redirect_chain
    assert elsewhere.status_code == 200


def conditional_list(client):
    first = client.get(STATEMENTS, {"format": "csv"})
    return client.get(STATEMENTS, {"format": "csv"}, HTTP_IF_NONE_MATCH=first["ETag"])


RESPONSE_KINDS = {
    "list": lambda client: client.get(STATEMENTS),
    "csv": lambda client: client.get(STATEMENTS, {"format": "csv"}),
    "export": lambda client: client.get(EXPORT),
    "change_feed": lambda client: client.get(CHANGES),
    "not_found": lambda client: client.get(detail_url(uuid.uuid4())),
    "bad_parameter": lambda client: client.get(STATEMENTS, {"colour": "red"}),
    "bad_format": lambda client: client.get(STATEMENTS, {"format": "xml"}),
    "not_acceptable": lambda client: client.get(STATEMENTS, HTTP_ACCEPT="text/html"),
    "bad_key": lambda client: client.get(STATEMENTS, **bearer("wagtail_nope")),
    "not_modified": conditional_list,
}


@pytest.mark.usefixtures("limits")
@pytest.mark.parametrize("send", RESPONSE_KINDS.values(), ids=RESPONSE_KINDS)
def test_every_response_carries_the_rate_limit_headers(client, one_statement, send):
    response = send(client)

    assert response.status_code != 429
    assert all(name in response for name in RATE_HEADERS), dict(response.headers)
    assert rate(response)["RateLimit-Limit"] == 3


# HTTP caching -----------------------------------------------------------------------------------

CACHEABLE = {
    "list_json": (STATEMENTS, {}),
    "list_csv": (STATEMENTS, {"format": "csv"}),
    "list_rss": (STATEMENTS, {"format": "rss"}),
    "detail": "detail",
    "change_feed": (CHANGES, {}),
}


def cacheable_request(spec, page):
    return (detail_url(page.translation_key), {}) if spec == "detail" else spec


@pytest.mark.parametrize("spec", CACHEABLE.values(), ids=CACHEABLE)
def test_an_unchanged_response_is_a_304_for_its_etag(client, one_statement, spec):
    url, params = cacheable_request(spec, one_statement)
    first = client.get(url, params)
    cache.clear()  # as when the response cache's entry expires: the view answers again

    again = client.get(url, params, HTTP_IF_NONE_MATCH=first["ETag"])

    assert first.status_code == 200 and first["ETag"]
    assert again.status_code == 304


@pytest.mark.parametrize("spec", [(STATEMENTS, {}), "detail", (CHANGES, {})])
def test_an_unchanged_response_is_a_304_since_its_last_modified(client, one_statement, spec):
    url, params = cacheable_request(spec, one_statement)
    first = client.get(url, params)

    again = client.get(url, params, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert again.status_code == 304


@pytest.mark.parametrize(
    "cache_timeout",
    [0, 3600],
    ids=["response_cache_off", "response_cache_on"],
)
def test_a_statement_published_within_the_settle_time_appears_once_settled(
    client, settings, statement_index, cache_timeout
):
    settings.API_CACHE_TIMEOUT = cache_timeout
    settings.PARTNER_FEED_SETTLE_SECONDS = 60
    statement(statement_index, title="Just published")

    early = client.get(STATEMENTS)
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=61)):
        settled = client.get(STATEMENTS)

    assert early.json()["items"] == [] and "Last-Modified" not in early
    assert titles(settled.json()) == {"Just published"}
    assert "Last-Modified" in settled


def test_a_new_publication_ends_the_304s(client, statement_index):
    statement(statement_index, published_at=timezone.now() - datetime.timedelta(minutes=5))
    first = client.get(STATEMENTS)

    statement(statement_index, title="A later statement")
    again = client.get(STATEMENTS, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert again.status_code == 200
    assert "A later statement" in titles(again.json())


def test_an_expiry_ends_the_304s(client, statement_index):
    soon = timezone.now() + datetime.timedelta(minutes=5)
    statement(statement_index, title="Expiring statement", expire_at=soon)
    first = client.get(STATEMENTS)

    with time_machine.travel(soon + datetime.timedelta(minutes=5)):
        again = client.get(STATEMENTS, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert again.status_code == 200
    assert again.json()["items"] == []


@pytest.mark.parametrize("url", [STATEMENTS, CHANGES, EXPORT])
def test_anonymous_answers_are_for_a_cdn_keyed_ones_are_private(
    client, one_statement, partner_key, url
):
    anonymous = client.get(url)
    keyed = client.get(url, **bearer(partner_key))

    assert "public" in anonymous["Cache-Control"] and "s-maxage" in anonymous["Cache-Control"]
    assert "private" in keyed["Cache-Control"] and "public" not in keyed["Cache-Control"]
    for response in (anonymous, keyed):
        vary = {name.strip().lower() for name in response["Vary"].split(",")}
        assert {"accept", "authorization"} <= vary


def test_a_keyed_answer_stays_private_while_a_change_settles(
    client, settings, statement_index, partner_key
):
    settings.PARTNER_FEED_SETTLE_SECONDS = 60
    statement(statement_index, title="Just published")

    anonymous = client.get(STATEMENTS)
    keyed = client.get(STATEMENTS, **bearer(partner_key))

    assert "max-age=61" in anonymous["Cache-Control"]  # until the change has settled
    assert keyed["Cache-Control"] == "private, no-cache"


# Query counts -----------------------------------------------------------------------------------


def publish_statements(parent, count, **kw):
    line = factories.LineOfEffortFactory()
    member = factories.MemberFactory()
    for _ in range(count):
        statement(parent, issuers=[(member, "signatory")], lines=[line], hashtags=["Tag"], **kw)


LIST_QUERIES = {
    "json_with_facets": {"limit": "100", "facets": "type,issuer,year,line_of_effort"},
    "csv": {"limit": "100", "format": "csv"},
}


@pytest.mark.parametrize("params", LIST_QUERIES.values(), ids=LIST_QUERIES)
def test_a_list_costs_the_same_queries_for_5_and_50_statements(client, statement_index, params):
    publish_statements(statement_index, 5)
    few, small = count_queries(client, STATEMENTS, params)
    publish_statements(statement_index, 45)
    many, large = count_queries(client, STATEMENTS, params)

    assert small.content.count(b"Joint statement") < large.content.count(b"Joint statement")
    assert few == many


def test_the_change_feed_costs_the_same_queries_for_5_and_50_changes(client, statement_index):
    publish_statements(statement_index, 5)
    few, small = count_queries(client, CHANGES, {"limit": "100"})
    publish_statements(statement_index, 45)
    many, large = count_queries(client, CHANGES, {"limit": "100"})

    assert (len(small.json()["changes"]), len(large.json()["changes"])) == (5, 50)
    assert few == many


# Nothing non-public, on any surface -------------------------------------------------------------

HIDDEN_TITLE = "Quillfeather hidden statement"
CONTROL_TITLE = "Quillfeather public statement"


def draft(index, private_index):
    page = factories.StatementPageFactory(parent=index, title=HIDDEN_TITLE, live=False)
    page.save_revision()
    return page


def scheduled(index, private_index):
    page = factories.StatementPageFactory(parent=index, title=HIDDEN_TITLE, live=False)
    page.go_live_at = timezone.now() + datetime.timedelta(days=1)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live and page.scheduled_revision  # waiting for the scheduler
    return page


def expired(index, private_index):
    """Past its expiry but still live: the scheduler has not unpublished it yet."""
    page = statement(index, title=HIDDEN_TITLE)
    Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(hours=1))
    page.refresh_from_db()
    assert page.live
    return page


def private(index, private_index):
    page = statement(private_index, title=HIDDEN_TITLE)
    PageViewRestriction.objects.create(
        page=private_index, restriction_type="password", password="members-only"
    )
    return page


def unpublished(index, private_index):
    page = statement(index, title=HIDDEN_TITLE)
    page.unpublish()
    return page


def deleted(index, private_index):
    page = statement(index, title=HIDDEN_TITLE)
    key = page.translation_key
    page.delete()
    page.translation_key = key
    return page


# What the change feed says of each: events, in order.
STATES = {
    draft: [],
    scheduled: [],
    expired: ["published", "unpublished"],
    private: ["published", "unpublished"],
    unpublished: ["published", "unpublished"],
    deleted: ["published", "deleted"],
}


@pytest.fixture
def private_index(home_page):
    """A second statements section, for members only once a state restricts it."""
    return factories.StatementIndexPageFactory(title="Members' statements", slug="members")


@pytest.fixture(params=STATES, ids=[state.__name__ for state in STATES])
def hidden(request, statement_index, private_index):
    """(the hidden statement's id, the events the change feed must report for it)."""
    statement(statement_index, title=CONTROL_TITLE)
    page = request.param(statement_index, private_index)
    return str(page.translation_key), STATES[request.param]


LIST_SURFACES = {
    "json": (STATEMENTS, {}),
    "json_search": (STATEMENTS, {"q": "Quillfeather"}),
    "csv": (STATEMENTS, {"format": "csv"}),
    "rss": (STATEMENTS, {"format": "rss"}),
    "atom": (STATEMENTS, {"format": "atom"}),
    "jsonfeed": (STATEMENTS, {"format": "jsonfeed"}),
    "export": (EXPORT, {}),
}


def body_of(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


@pytest.mark.parametrize(("url", "params"), LIST_SURFACES.values(), ids=LIST_SURFACES)
def test_a_non_public_statement_appears_in_no_list_format(client, hidden, url, params):
    hidden_id, _ = hidden

    response = client.get(url, params)
    body = body_of(response)

    assert response.status_code == 200
    assert CONTROL_TITLE in body
    assert HIDDEN_TITLE not in body and hidden_id not in body


def test_a_non_public_statement_has_no_detail_and_looks_like_no_statement_at_all(client, hidden):
    hidden_id, _ = hidden

    answer = client.get(detail_url(hidden_id))
    nothing = client.get(detail_url(uuid.uuid4()))

    assert_problem(answer, 404)
    assert (answer.status_code, answer.json()) == (nothing.status_code, nothing.json())
    assert HIDDEN_TITLE not in answer.content.decode()


def test_the_change_feed_tells_of_a_non_public_statement_no_more_than_a_tombstone(client, hidden):
    hidden_id, events = hidden

    changes = get_json(client, CHANGES)["changes"]
    about_hidden = [change for change in changes if change["statement_id"] == hidden_id]

    assert [change["event"] for change in about_hidden] == events
    assert all(change["statement"] is None for change in about_hidden)
    assert HIDDEN_TITLE not in json.dumps(changes, ensure_ascii=False)
    assert any(
        change["statement"] and change["statement"]["title"] == CONTROL_TITLE for change in changes
    )


def test_a_deletion_leaves_a_tombstone_with_id_locale_and_time(client, statement_index):
    page = statement(statement_index, title=HIDDEN_TITLE)
    key = str(page.translation_key)
    page.delete()

    tombstone = get_json(client, CHANGES)["changes"][-1]

    assert tombstone["event"] == "deleted"
    assert (tombstone["statement_id"], tombstone["locale"]) == (key, "en")
    assert datetime.datetime.fromisoformat(tombstone["time"]).tzinfo is not None
    assert tombstone["statement"] is None


def test_an_unpublished_draft_edit_of_a_public_statement_is_not_shown(client, statement_index):
    page = statement(statement_index, title=CONTROL_TITLE)
    page.title = HIDDEN_TITLE
    page.save_revision()

    for url, params in LIST_SURFACES.values():
        assert HIDDEN_TITLE not in body_of(client.get(url, params))
    assert get_json(client, detail_url(page.translation_key))["title"] == CONTROL_TITLE


# Bad input --------------------------------------------------------------------------------------

NUL = "\x00"
START_OF_TIME = "0001-01-01T00:00:00+05:00"  # before 0001-01-01 in UTC
END_OF_TIME = "9999-12-31T23:59:59-05:00"  # after 9999-12-31 in UTC
NOT_JSON = base64.urlsafe_b64encode(b"\xff\xfe").decode()


def date_cursor(as_of):
    return encode_cursor({"sort": "-date", "as_of": as_of, "after": ["2023-01-01", 1], "count": 1})


def updated_cursor(after):
    as_of = "2024-01-01T00:00:00+00:00"
    return encode_cursor({"sort": "updated", "as_of": as_of, "after": [after, 1], "count": 1})


BAD_INPUT = {
    # unknown and repeated parameters
    "unknown": (STATEMENTS, [("colour", "red")], "colour"),
    "unknown_case_variant": (STATEMENTS, [("Type", "readout")], "Type"),
    "unknown_on_export": (EXPORT, [("sort", "date")], "sort"),
    "unknown_on_change_feed": (CHANGES, [("cursor", "x")], "cursor"),
    "format_on_change_feed": (CHANGES, [("format", "csv")], "format"),
    "repeated": (STATEMENTS, [("type", "readout"), ("type", "readout")], "type"),
    "repeated_format": (STATEMENTS, [("format", "csv"), ("format", "json")], "format"),
    # empty and too long
    "empty": (STATEMENTS, [("issuer", "")], "issuer"),
    "blank": (STATEMENTS, [("q", "   ")], "q"),
    "empty_format": (STATEMENTS, [("format", "")], "format"),
    "too_long_q": (STATEMENTS, [("q", "x" * 201)], "q"),
    "too_long_issuer": (STATEMENTS, [("issuer", "X" * 21)], "issuer"),
    "too_long_hashtag": (STATEMENTS, [("hashtag", "h" * 101)], "hashtag"),
    "too_many_words": (STATEMENTS, [("q", " ".join(["word"] * 21))], "q"),
    # bad choices
    "bad_type": (STATEMENTS, [("type", "speech")], "type"),
    "bad_sort": (STATEMENTS, [("sort", "newest")], "sort"),
    "bad_role": (STATEMENTS, [("issuer_role", "president")], "issuer_role"),
    "bad_locale": (STATEMENTS, [("locale", "de")], "locale"),
    "bad_locale_export": (EXPORT, [("locale", "de")], "locale"),
    "bad_locale_change_feed": (CHANGES, [("locale", "EN")], "locale"),
    "bad_facet": (STATEMENTS, [("facets", "year,")], "facets"),
    # dates, times and UUIDs
    "bad_date": (STATEMENTS, [("date_from", "2023-13-01")], "date_from"),
    "bad_date_word": (STATEMENTS, [("date_to", "yesterday")], "date_to"),
    "bad_date_format": (STATEMENTS, [("date_from", "01/02/2023")], "date_from"),
    "bad_datetime": (STATEMENTS, [("updated_since", "2024-05-01T25:00")], "updated_since"),
    "bad_datetime_word": (STATEMENTS, [("updated_since", "soon")], "updated_since"),
    "datetime_off_the_calendar": (STATEMENTS, [("updated_since", END_OF_TIME)], "updated_since"),
    "bad_uuid": (STATEMENTS, [("meeting", "rome")], "meeting"),
    "short_uuid": (STATEMENTS, [("meeting", "1234")], "meeting"),
    # integers
    "bad_integer": (STATEMENTS, [("limit", "ten")], "limit"),
    "fraction": (STATEMENTS, [("limit", "1.5")], "limit"),
    "arabic_digit": (STATEMENTS, [("limit", "٥")], "limit"),
    "zero": (STATEMENTS, [("limit", "0")], "limit"),
    "negative": (STATEMENTS, [("limit", "-1")], "limit"),
    "huge": (STATEMENTS, [("limit", "9" * 30)], "limit"),
    "bad_since": (CHANGES, [("since", "abc")], "since"),
    "negative_since": (CHANGES, [("since", "-1")], "since"),
    "since_beyond_64_bits": (CHANGES, [("since", str(2**63))], "since"),
    "change_feed_limit": (CHANGES, [("limit", "101")], "limit"),
    # cursors
    "garbage_cursor": (STATEMENTS, [("cursor", "not a cursor!")], "cursor"),
    "cursor_not_json": (STATEMENTS, [("cursor", NOT_JSON)], "cursor"),
    "cursor_wrong_shape": (STATEMENTS, [("cursor", encode_cursor(["2023-01-01", 1]))], "cursor"),
    "cursor_naive_time": (STATEMENTS, [("cursor", date_cursor("2024-01-01T00:00:00"))], "cursor"),
    "cursor_of_null": (STATEMENTS, [("cursor", encode_cursor(None))], "cursor"),
    "cursor_off_the_calendar": (STATEMENTS, [("cursor", date_cursor(START_OF_TIME))], "cursor"),
    "cursor_position_off_the_calendar": (
        STATEMENTS, [("sort", "updated"), ("cursor", updated_cursor(END_OF_TIME))], "cursor",
    ),
    # NUL bytes
    "nul_in_choice": (STATEMENTS, [("type", f"readout{NUL}")], "type"),
    "nul_in_text": (STATEMENTS, [("issuer", f"IQ{NUL}")], "issuer"),
    "nul_in_search": (STATEMENTS, [("q", f"Mosul{NUL}")], "q"),
    "nul_in_integer": (STATEMENTS, [("limit", f"5{NUL}")], "limit"),
    "nul_in_date": (STATEMENTS, [("date_from", f"2023-01-01{NUL}")], "date_from"),
    "nul_in_cursor": (STATEMENTS, [("cursor", NUL)], "cursor"),
    "nul_in_format": (STATEMENTS, [("format", f"csv{NUL}")], "format"),
    "nul_in_name": (STATEMENTS, [(f"type{NUL}", "readout")], f"type{NUL}"),
}  # fmt: skip


@pytest.mark.parametrize(("url", "pairs", "parameter"), BAD_INPUT.values(), ids=BAD_INPUT)
def test_bad_input_is_a_400_problem_naming_the_parameter(
    client, one_statement, url, pairs, parameter
):
    response = client.get(f"{url}?{urlencode(pairs)}")

    assert_problem(response, 400, parameter)


@pytest.mark.parametrize("other_sort", ["-date", "updated"])
def test_a_cursor_from_another_sort_is_a_problem_naming_cursor(client, archive, other_sort):
    first = get_json(client, STATEMENTS, {"sort": "date", "limit": "1"})

    response = client.get(
        STATEMENTS, {"sort": other_sort, "limit": "1", "cursor": cursor_of(first["next"])}
    )

    assert_problem(response, 400, "cursor")


def test_a_bad_locale_on_a_detail_is_a_problem_naming_locale(client, one_statement):
    response = client.get(detail_url(one_statement.translation_key), {"locale": "xx"})

    assert_problem(response, 400, "locale")
