"""Hostile input, as properties: every query parser against whatever text arrives, the cursors
round-tripped, and every parameter of every endpoint against the same hostile values.

The parsers are api/params.py's QueryParams, the partner query's read_filters and read_cursor,
and the by-path view's split_language. Hypothesis runs derandomized, so a run is repeatable;
`make fuzz` sends schemathesis's cases through HTTP (tests/fuzz/).
"""

import datetime
import json
import re
import string
import uuid
from types import SimpleNamespace
from urllib.parse import quote, urlencode

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.conf import settings as django_settings
from django.http import QueryDict
from django.test import Client

from api.pages import split_language
from api.params import (
    INTEGER,
    LANGUAGE_CODES,
    MAX_ID,
    MAX_SEARCH_WORDS,
    MAX_TEXT_LENGTH,
    SEARCH_NOISE,
    TEXT_PATTERN,
    QueryParams,
    encode_cursor,
)
from api.partners.query import FACETS, SORT_CHOICES, next_cursor, read_cursor, read_filters
from api.partners.schema import FACETS_PATTERN
from api.problems import InvalidParameter
from tests import factories

# Derandomized: the same examples on every run, on every machine, and no example database.
PROFILE = settings(
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=300,
    suppress_health_check=[HealthCheck.too_slow],
)
HTTP_PROFILE = settings(
    PROFILE,
    max_examples=40,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
PROBLEM = "application/problem+json"
BEYOND_64_BITS = str(2**64 + 1)
UTC = datetime.UTC

# Any text a query string can carry: every code point but lone surrogates, which UTF-8 cannot.
ANY_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=300)
SPACES = st.sampled_from([" ", "\t", "\n", "\x0b", "\x1f", "\x85", "\xa0", "\u2003", "\u3000"])


def params(*pairs, allowed=None):
    """QueryParams over a query string of `pairs`, as a view builds it."""
    query = QueryDict(mutable=True)
    for name, value in pairs:
        query.appendlist(name, value)
    names = allowed if allowed is not None else {name for name, _ in pairs}
    return QueryParams(SimpleNamespace(query_params=query), names)


def parsed(read, *pairs):
    """What `read(params)` returns, or the InvalidParameter it raises; anything else fails."""
    try:
        return read(params(*pairs))
    except InvalidParameter as error:
        return error


# QueryParams: each kind of parameter -----------------------------------------------------------


def schema_accepts(value, max_length=MAX_TEXT_LENGTH, pattern=TEXT_PATTERN):
    schema = {"type": "string", "minLength": 1, "maxLength": max_length, "pattern": pattern}
    return jsonschema.Draft7Validator(schema).is_valid(value)


@PROFILE
@given(value=st.one_of(ANY_TEXT, st.builds(lambda s, v: s + v + s, SPACES, ANY_TEXT)))
def test_text_accepts_exactly_what_its_schema_describes(value):
    result = parsed(lambda p: p.text("x"), ("x", value))

    if schema_accepts(value):
        assert result == value.strip()
    else:
        assert isinstance(result, InvalidParameter)
        assert result.parameter == "x"


@PROFILE
@given(value=ANY_TEXT, choices=st.lists(st.text(string.ascii_letters, min_size=1), min_size=1))
def test_choice_is_one_of_the_choices_or_a_problem(value, choices):
    result = parsed(lambda p: p.choice("x", choices), ("x", value))

    if schema_accepts(value) and value.strip() in choices:
        assert result == value.strip()
    else:
        assert isinstance(result, InvalidParameter)


@PROFILE
@given(number=st.integers(min_value=-(2**70), max_value=2**70), minimum=st.integers(-10, 10))
def test_an_integer_in_range_is_read_and_any_other_is_a_problem(number, minimum):
    maximum = minimum + 1000
    result = parsed(lambda p: p.integer("n", None, minimum, maximum), ("n", str(number)))

    if minimum <= number <= maximum:
        assert result == number
    else:
        assert isinstance(result, InvalidParameter)
        assert result.parameter == "n"


@PROFILE
@given(value=ANY_TEXT)
def test_an_integer_is_only_ever_ascii_digits(value):
    result = parsed(lambda p: p.integer("n", None, -MAX_ID, MAX_ID), ("n", value))

    if isinstance(result, int):
        assert INTEGER.fullmatch(value.strip())
        assert result == int(value.strip())


@pytest.mark.parametrize(
    "value",
    ["", " ", "-", "--1", "1e3", "0x10", "٣", "1_000", BEYOND_64_BITS, "-" + BEYOND_64_BITS],
)
def test_integers_that_python_would_read_but_the_api_does_not(value):
    assert isinstance(
        parsed(lambda p: p.integer("n", None, -MAX_ID, MAX_ID), ("n", value)), InvalidParameter
    )


@PROFILE
@given(value=ANY_TEXT)
def test_a_locale_is_one_of_the_sites_languages(value):
    result = parsed(lambda p: p.locale(), ("locale", value))

    assert result in LANGUAGE_CODES or isinstance(result, InvalidParameter)
    assert parsed(lambda p: p.locale()) == django_settings.LANGUAGE_CODE


WORDS = st.lists(st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=12))


@PROFILE
@given(words=WORDS, glue=st.sampled_from([" ", "  ", "\t", " , ", '" "', " AND ", "\u3000"]))
def test_a_search_is_at_most_twenty_plain_words(words, glue):
    query = glue.join(words)
    result = parsed(lambda p: p.search(), ("q", query))

    if isinstance(result, InvalidParameter):
        assert result.parameter == "q"
        return
    assert len(result.split()) <= MAX_SEARCH_WORDS
    assert not SEARCH_NOISE.search(result)
    # Searching for the cleaned query again finds the same words.
    if result:
        assert parsed(lambda p: p.search(), ("q", result)) == result


@PROFILE
@given(count=st.integers(MAX_SEARCH_WORDS + 1, 400))
def test_hundreds_of_search_words_are_a_problem(count):
    result = parsed(lambda p: p.search(), ("q", " ".join(["w"] * count)))

    assert isinstance(result, InvalidParameter) and result.parameter == "q"


@PROFILE
@given(value=st.uuids(), upper=st.booleans())
def test_a_uuid_round_trips(value, upper):
    text = str(value).upper() if upper else str(value)

    assert parsed(lambda p: p.uuid("id"), ("id", text)) == value


@PROFILE
@given(value=ANY_TEXT)
def test_anything_else_is_not_a_uuid(value):
    result = parsed(lambda p: p.uuid("id"), ("id", value))

    assert isinstance(result, uuid.UUID | InvalidParameter)


@PROFILE
@given(day=st.dates())
def test_a_date_round_trips(day):
    assert parsed(lambda p: p.date("d"), ("d", day.isoformat())) == day


@PROFILE
@given(value=ANY_TEXT)
def test_anything_else_is_not_a_date(value):
    result = parsed(lambda p: p.date("d"), ("d", value))

    assert isinstance(result, datetime.date | InvalidParameter)


ZONES = st.builds(
    lambda minutes: datetime.timezone(datetime.timedelta(minutes=minutes)),
    st.integers(-(24 * 60 - 1), 24 * 60 - 1),
)


@PROFILE
@given(moment=st.datetimes(timezones=st.none() | ZONES))
def test_a_time_round_trips_to_the_same_instant_in_utc(moment):
    result = parsed(lambda p: p.datetime("t"), ("t", moment.isoformat()))

    if isinstance(result, InvalidParameter):
        # Only a time whose UTC instant is off the calendar, at either end of it.
        assert moment.year in (1, 9999) and moment.tzinfo is not None
        return
    assert result.tzinfo == UTC
    assert result == (moment if moment.tzinfo else moment.replace(tzinfo=UTC))


@PROFILE
@given(value=ANY_TEXT)
def test_anything_else_is_not_a_time(value):
    result = parsed(lambda p: p.datetime("t"), ("t", value))

    assert isinstance(result, InvalidParameter) or result.tzinfo == UTC


# Cursors -----------------------------------------------------------------------------------------

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@PROFILE
@given(position=st.lists(JSON, max_size=5) | st.dictionaries(st.text(max_size=8), JSON, max_size=5))
def test_a_cursor_round_trips(position):
    cursor = encode_cursor(position)
    if len(cursor) > 500:
        return  # longer than any position the API issues
    assert parsed(lambda p: p.cursor(), ("cursor", cursor)) == json.loads(json.dumps(position))


@PROFILE
@given(value=ANY_TEXT | JSON.map(encode_cursor))
def test_anything_else_is_not_a_cursor(value):
    result = parsed(lambda p: p.cursor(), ("cursor", value))

    assert isinstance(result, dict | list | InvalidParameter)


MOMENTS = st.datetimes(
    min_value=datetime.datetime(1900, 1, 1),
    max_value=datetime.datetime(2200, 1, 1),
    timezones=ZONES,
)


@PROFILE
@given(
    sort=st.sampled_from(SORT_CHOICES),
    as_of=MOMENTS,
    after=MOMENTS,
    record_id=st.integers(1, MAX_ID),
    count=st.integers(0, MAX_ID),
)
def test_a_partner_cursor_round_trips(sort, as_of, after, record_id, count):
    value = after.astimezone(UTC) if sort.endswith("updated") else after.date()
    cursor = next_cursor(sort, as_of, (value, record_id), count)

    result = read_cursor(params(("cursor", cursor)), sort)

    assert result == (as_of.astimezone(UTC), (value, record_id), count)


@PROFILE
@given(
    sort=st.sampled_from(SORT_CHOICES),
    cursor=st.fixed_dictionaries(
        {},
        optional={
            "sort": st.sampled_from(SORT_CHOICES) | JSON,
            "as_of": st.just("2024-01-01T00:00:00+00:00") | MOMENTS.map(str) | JSON,
            "after": st.tuples(st.just("2024-01-01") | JSON, JSON).map(list) | JSON,
            "count": st.integers(-(2**70), 2**70) | JSON,
        },
    )
    | JSON,
)
def test_a_partner_cursor_it_did_not_issue_is_a_problem_naming_cursor(sort, cursor):
    try:
        as_of, (value, record_id), count = read_cursor(
            params(("cursor", encode_cursor(cursor))), sort
        )
    except InvalidParameter as error:
        assert error.parameter == "cursor"
        return
    assert as_of.tzinfo == UTC
    assert 0 < record_id <= MAX_ID and 0 <= count <= MAX_ID
    assert isinstance(value, datetime.datetime if sort.endswith("updated") else datetime.date)


# The partner statement filters -------------------------------------------------------------------

FILTER_NAMES = [
    "locale", "type", "issuer", "issuer_role", "group", "meeting", "line_of_effort", "region",
    "hashtag", "date_from", "date_to", "updated_since", "q",
]  # fmt: skip
HOSTILE = st.sampled_from(
    ["", " ", "\x00", "x" * 10_000, "-1", BEYOND_64_BITS, "داعش", "‏עברית‎", "🇮🇶", "%00", "#"]
)


@PROFILE
@given(query=st.dictionaries(st.sampled_from(FILTER_NAMES), HOSTILE | ANY_TEXT, max_size=6))
def test_the_partner_filters_read_anything_into_filters_or_a_problem(query):
    result = parsed(read_filters, *query.items())

    if isinstance(result, InvalidParameter):
        assert result.parameter in query
    else:
        assert set(result) == set(FILTER_NAMES)


@PROFILE
@given(
    names=st.lists(st.sampled_from(FACETS), min_size=1, max_size=6), pad=st.sampled_from(["", " "])
)
def test_the_facets_pattern_takes_every_list_of_facets(names, pad):
    value = ",".join(f"{pad}{name}{pad}" for name in names)

    assert re.fullmatch(FACETS_PATTERN, value)


@PROFILE
@given(value=ANY_TEXT)
def test_the_facets_pattern_takes_nothing_else(value):
    names = [name.strip() for name in value.split(",")]
    if re.fullmatch(FACETS_PATTERN, value):
        assert all(name in FACETS for name in names)


# Paths -------------------------------------------------------------------------------------------


@PROFILE
@given(path=ANY_TEXT)
def test_a_path_splits_into_a_language_and_the_rest_or_nothing(path):
    result = split_language(path)

    if result is not None:
        language, rest = result
        assert language in LANGUAGE_CODES
        assert path.lstrip("/") == f"{language}/{rest}" or path.lstrip("/") == language


@PROFILE
@given(language=st.sampled_from(LANGUAGE_CODES), rest=ANY_TEXT, slashes=st.integers(0, 3))
def test_a_language_prefix_is_found_however_many_slashes_lead(language, rest, slashes):
    assert split_language("/" * slashes + f"{language}/{rest}") == (language, rest)


# Every parameter of every endpoint, against the same hostile values ------------------------------

PARTNERS = "/api/partners/v1/"
ENDPOINTS = {
    "/api/v2/pages/by-path/": ["path"],
    "/api/v2/preview/": ["token", "content_type"],
    "/api/v2/site/": ["locale"],
    "/api/v2/social-posts/": ["locale", "limit", "cursor"],
    **{
        f"/api/v2/{section}/": [
            "locale", "line_of_effort", "region", "hashtag", "year", "type", "ordering", "limit",
            "cursor", "q",
        ]
        for section in ["news", "statements", "in-focus", "latest"]
    },
    f"{PARTNERS}statements/": [*FILTER_NAMES, "sort", "facets", "limit", "cursor", "format"],
    f"{PARTNERS}statements/export/": ["locale"],
    f"{PARTNERS}statements/00000000-0000-4000-8000-000000000000/": ["locale"],
    f"{PARTNERS}changes/": ["since", "locale", "limit"],
    **{f"{PARTNERS}{name}/": ["locale"] for name in ["members", "groups", "meetings"]},
    f"{PARTNERS}lines-of-effort/": ["locale"],
}  # fmt: skip
BOUNDARY_VALUES = {
    "empty": "",
    "huge": "9" * 40,
    "negative": "-1",
    "beyond 64 bits": BEYOND_64_BITS,
    "negative beyond 64 bits": "-" + BEYOND_64_BITS,
    "non-numeric": "ten",
    "unicode": "Daech — «coalition» 🇮🇶",
    "right to left": "‏داعش في العراق‎",
    "NUL": "\x00",
    "NUL inside": "a\x00b",
    "10,000 characters": "x" * 10_000,
    "hundreds of words": " ".join(["word"] * 300),
}


@pytest.fixture
def http():
    """Answers a server error with its 500, as production does, instead of raising."""
    return Client(raise_request_exception=False)


@pytest.fixture
def some_content(statement_index, news_index):
    factories.publish(factories.StatementPageFactory(parent=statement_index))
    factories.publish(factories.NewsPageFactory(parent=news_index))
    factories.SocialPostFactory()


def judge(response, names):
    """None if the answer is a 200 or a 4xx problem naming one of `names`; else what is wrong."""
    if response.status_code == 200:
        return None
    if not 400 <= response.status_code < 500:
        return f"status {response.status_code}"
    if response["Content-Type"] != PROBLEM:
        return f"{response.status_code} as {response['Content-Type']}"
    problem = response.json()
    if response.status_code == 400 and problem.get("parameter") not in names:
        return f"400 naming {problem.get('parameter')!r}"
    return None


# What an endpoint needs besides the parameter under test, so that the answer is about it.
REQUIRED = {"/api/v2/preview/": {"token": "not-a-token"}}


def query(url, *pairs):
    names = {name for name, _ in pairs}
    base = [(name, value) for name, value in REQUIRED.get(url, {}).items() if name not in names]
    return f"{url}?{urlencode([*base, *pairs])}"


@pytest.mark.django_db
@pytest.mark.usefixtures("empty_caches", "some_content")
@pytest.mark.parametrize(("url", "names"), ENDPOINTS.items(), ids=list(ENDPOINTS))
def test_every_parameter_meets_every_boundary_with_a_200_or_a_problem_naming_it(http, url, names):
    wrong = {}
    for name in names:
        for kind, value in BOUNDARY_VALUES.items():
            response = http.get(query(url, (name, value)))
            if verdict := judge(response, {name}):
                wrong[f"{name}={kind}"] = verdict
        # Repeated, even with the same value twice.
        response = http.get(query(url, (name, "en"), (name, "en")))
        if verdict := judge(response, {name}) or (response.status_code != 400 and "accepted"):
            wrong[f"{name} repeated"] = verdict

    assert wrong == {}


@pytest.mark.django_db
@pytest.mark.usefixtures("empty_caches", "some_content")
@HTTP_PROFILE
@given(data=st.data())
@pytest.mark.parametrize(("url", "names"), ENDPOINTS.items(), ids=list(ENDPOINTS))
def test_any_query_on_any_endpoint_is_a_200_or_a_problem_naming_a_parameter(http, url, names, data):
    pairs = data.draw(
        st.lists(st.tuples(st.sampled_from(names), HOSTILE | ANY_TEXT), min_size=1, max_size=4)
    )
    response = http.get(query(url, *pairs))

    assert judge(response, {name for name, _ in pairs}) is None, response.content[:300]


# Found by fuzzing ------------------------------------------------------------------------------


def test_text_counts_its_length_as_sent_as_the_schema_does():
    """Fixed: 201 characters, one a trailing space, were taken though the schema's maxLength
    (200) refuses them."""
    result = parsed(lambda p: p.text("q"), ("q", "x" * 200 + " "))

    assert isinstance(result, InvalidParameter) and result.parameter == "q"


@pytest.mark.django_db
def test_the_schema_says_a_partner_key_is_optional(client):
    """Fixed: the schema required the key (security without `{}`), which reading does not."""
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    operations = [
        operation
        for path, methods in schema["paths"].items()
        if path.startswith(PARTNERS)
        for operation in methods.values()
    ]

    assert operations and all({} in operation["security"] for operation in operations)


@pytest.mark.django_db
def test_the_schema_documents_the_404_of_an_unknown_site(client):
    """Fixed: Wagtail's pages listing answers `?site=<no such host>` with a 404 it did not list."""
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    response = client.get("/api/v2/pages/?site=nowhere.example")

    assert response.status_code == 404
    assert "404" in schema["paths"]["/api/v2/pages/"]["get"]["responses"]


# Found by fuzzing, and fixed.


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
def test_finding_by_an_id_that_is_no_number_is_not_a_server_error(http, endpoint):
    response = http.get(f"/api/v2/{endpoint}/find/?id=null")

    assert response.status_code in (400, 404)


@pytest.mark.django_db
@pytest.mark.usefixtures("empty_caches", "some_content")
@pytest.mark.parametrize("fmt", ["csv", "rss", "atom", "jsonfeed"])
def test_options_on_the_statement_listing_in_another_format_is_not_a_server_error(http, fmt):
    response = http.options(f"{PARTNERS}statements/?format={fmt}")

    assert response.status_code < 500


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        f"{PARTNERS}statements/{quote('null,null')}/",
        "/api/v2/pages/not-a-number/",
        "/api/v2/images/-1/",
        "/api/v2/documents/1.5/",
    ],
)
def test_an_id_of_the_wrong_shape_in_a_path_is_a_json_404(http, url):
    response = http.get(url)

    assert response.status_code == 404
    assert response["Content-Type"] in ("application/json", PROBLEM)
