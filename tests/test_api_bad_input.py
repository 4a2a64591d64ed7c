"""Bad input gets a 400 problem-details answer naming the parameter; no input gets a 500.

Every parameter of every endpoint meets the same list of mistakes: unknown, repeated, empty,
malformed, out of range, too long, with NUL bytes. Text in any script is not a mistake.
"""

import base64
import json
from urllib.parse import urlencode

import pytest

from django.test import Client

from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_caches")]

PROBLEM = "application/problem+json"


def cursor(position):
    return base64.urlsafe_b64encode(json.dumps(position).encode()).decode()


LISTINGS = ["news", "statements", "in-focus", "latest"]
LISTING_PARAMETERS = {
    "locale": "en",
    "line_of_effort": "stabilisation",
    "region": "iraq",
    "hashtag": "DefeatDaesh",
    "year": "2023",
    "type": "readout",
    "ordering": "date",
    "limit": "5",
    "cursor": cursor(["2023-01-01", 1]),
    "q": "coalition",
}
# Each endpoint and a valid value for each parameter it takes.
ENDPOINTS = {
    "/api/v2/pages/by-path/": {"path": "/en/"},
    "/api/v2/site/": {"locale": "en"},
    **{f"/api/v2/{section}/": LISTING_PARAMETERS for section in LISTINGS},
    "/api/v2/social-posts/": {
        "locale": "en",
        "limit": "5",
        "cursor": cursor([True, "2024-05-01T12:00:00+00:00", 1]),
    },
}
TEXT_PARAMETERS = {"path": 1000, "line_of_effort": 80, "region": 80, "hashtag": 100, "q": 200}
BEYOND_64_BITS = str(2**64 + 1)


@pytest.fixture
def client():
    """A client that answers a server error with its 500, as production does, not by raising."""
    return Client(raise_request_exception=False)


@pytest.fixture
def content(news_index):
    """Something to find, so an answer cannot pass by being empty."""
    factories.publish(factories.NewsPageFactory(parent=news_index, slug="coalition"))
    factories.SocialPostFactory()


def get(client, url, pairs):
    return client.get(f"{url}?{urlencode(pairs)}")


def assert_problem(response, status, parameter=None):
    assert response.status_code < 500, response.content
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    problem = response.json()
    assert problem["status"] == status
    assert problem["title"] and problem["detail"]
    if parameter is not None:
        assert problem["parameter"] == parameter


# Cases: (url, [(name, value), …], the parameter the answer must name) ----------------------------


def each_parameter():
    for url, parameters in ENDPOINTS.items():
        for name, value in parameters.items():
            yield url, name, value


def unknown():
    for url, parameters in ENDPOINTS.items():
        yield url, [*parameters.items(), ("colour", "red")], "colour"
        yield url, [("Locale", "en")], "Locale"  # names are case-sensitive
        yield url, [("page[size]", "10")], "page[size]"


def repeated():
    for url, name, value in each_parameter():
        yield url, [(name, value), (name, value)], name


def empty():
    for url, name, _ in each_parameter():
        yield url, [(name, "")], name
        yield url, [(name, "   ")], name


NOT_A_NUMBER = ["ten", "1.5", "1e3", "0x10", "+5", "5-", "-", "٥", "５", "5\x00", BEYOND_64_BITS]


def numbers():
    limits = {url: 100 for url in ENDPOINTS if url.endswith(tuple(f"/{s}/" for s in LISTINGS))}
    limits["/api/v2/social-posts/"] = 50
    for url, maximum in limits.items():
        for value in [*NOT_A_NUMBER, "0", "-1", str(maximum + 1), "1000000", "9" * 12]:
            yield url, [("limit", value)], "limit"
    for url in limits:
        if url != "/api/v2/social-posts/":
            for value in [*NOT_A_NUMBER, "0", "-2023", "1899", "2101", "20230"]:
                yield url, [("year", value)], "year"


def choices():
    for url, parameters in ENDPOINTS.items():
        if "locale" in parameters:
            for value in ["xx", "EN", "en-GB", "en_US", "english", "de", "../en"]:
                yield url, [("locale", value)], "locale"
    wrong_types = {
        "news": ["joint_communique", "photo_essay"],  # other sections' types
        "statements": ["meeting_report", "video"],
        "in-focus": ["readout"],
        "latest": ["photo_essay", "nonsense"],
    }
    for section, values in wrong_types.items():
        for value in values:
            yield f"/api/v2/{section}/", [("type", value)], "type"
        for value in ["title", "-title", "date,-date", "DATE", "-date ", "random"]:
            if value.strip() not in ("-date", "date"):
                yield f"/api/v2/{section}/", [("ordering", value)], "ordering"


def too_long():
    for url, name, _ in each_parameter():
        if name in TEXT_PARAMETERS:
            yield url, [(name, "/en/" + "x" * TEXT_PARAMETERS[name])], name
    for url in [f"/api/v2/{section}/" for section in LISTINGS]:
        yield url, [("q", "ISIS " * 2000)], "q"  # 10,000 characters
        yield url, [("q", " ".join(["word"] * 21))], "q"  # more words than a search takes
        yield url, [("cursor", "A" * 1000)], "cursor"
    yield "/api/v2/pages/by-path/", [("path", "/en/" + "news/" * 2000)], "path"


def nul_bytes():
    for url, name, value in each_parameter():
        yield url, [(name, f"{value}\x00")], name
        yield url, [(name, "\x00")], name


def garbage_cursors():
    garbage = [
        "!!!",
        "not a cursor",
        "eyJ",  # truncated base64
        "AAAA",  # decodes, but not to text
        base64.urlsafe_b64encode(b"\xff\xfe\xfd").decode(),
        base64.urlsafe_b64encode(b"{not json").decode(),
    ]
    for url in [*(f"/api/v2/{section}/" for section in LISTINGS), "/api/v2/social-posts/"]:
        for value in garbage:
            yield url, [("cursor", value)], "cursor"


def wrong_shape_cursors():
    """Valid base64 JSON, but not a position this endpoint issues."""
    by_date = [
        {"offset": 10},  # a search cursor
        [],
        ["2023-01-01"],
        ["2023-01-01", 1, 2],
        ["2023-01-01", "1"],
        ["2023-01-01", 1.5],
        ["2023-13-45", 1],
        [None, 1],
        [1, "2023-01-01"],
        "2023-01-01",
        42,
    ]
    by_relevance = [["2023-01-01", 1], {"offset": -1}, {"offset": "10"}, {"page": 2}, "10", 10]
    wall = [
        {"pinned": True},
        [True, "2024-05-01T12:00:00+00:00"],
        ["yes", "2024-05-01T12:00:00+00:00", 1],
        [True, "yesterday", 1],
        [True, None, 1],
        [True, "2024-05-01T12:00:00+00:00", "1"],
        [True, "2024-05-01T12:00:00+00:00", 1, 2],
        {"offset": 10},
    ]
    for section in LISTINGS:
        for position in by_date:
            yield f"/api/v2/{section}/", [("cursor", cursor(position))], "cursor"
        for position in by_relevance:
            yield (
                f"/api/v2/{section}/",
                [("q", "coalition"), ("cursor", cursor(position))],
                "cursor",
            )
    for position in wall:
        yield "/api/v2/social-posts/", [("cursor", cursor(position))], "cursor"


def by_path():
    yield "/api/v2/pages/by-path/", [], "path"  # missing


def case_id(case):
    url, pairs, _ = case
    text = urlencode(pairs)
    return f"{url.removeprefix('/api/v2/')}?{text[:60]}{'…' if len(text) > 60 else ''}"


BAD_INPUT = [
    pytest.param(*case, id=case_id(case))
    for group in [
        unknown,
        repeated,
        empty,
        numbers,
        choices,
        too_long,
        nul_bytes,
        garbage_cursors,
        wrong_shape_cursors,
        by_path,
    ]
    for case in group()
]


@pytest.mark.parametrize(("url", "pairs", "parameter"), BAD_INPUT)
def test_bad_input_is_a_400_naming_the_parameter(client, url, pairs, parameter):
    response = get(client, url, pairs)

    assert_problem(response, 400, parameter)


@pytest.mark.parametrize(
    ("url", "pairs", "parameter"),
    [
        ("/api/v2/news/", [("limit", "--5")], "limit"),
        ("/api/v2/social-posts/", [("limit", "--5")], "limit"),
        ("/api/v2/latest/", [("year", "--2023")], "year"),
    ],
)
def test_a_doubled_minus_sign_is_a_400(client, url, pairs, parameter):
    response = get(client, url, pairs)

    assert_problem(response, 400, parameter)


@pytest.mark.parametrize(
    ("url", "position"),
    [
        pytest.param(
            "/api/v2/news/",
            ["2023-01-01", 2**70],
        ),
        pytest.param(
            "/api/v2/social-posts/",
            [True, "9999-12-31T23:59:59-12:00", 1],
        ),
        ("/api/v2/social-posts/", [True, "0001-01-01T00:00:00+00:00", 2**62]),
        ("/api/v2/latest/", ["0001-01-01", -(2**62)]),
    ],
)
def test_a_position_beyond_any_range_is_a_400_or_an_empty_page(client, content, url, position):
    response = get(client, url, [("cursor", cursor(position))])

    assert response.status_code < 500
    if response.status_code == 400:
        assert_problem(response, 400, "cursor")
    else:
        assert response.status_code == 200


# Allowed, if unusual -----------------------------------------------------------------------------


UNICODE_TEXT = [
    ("q", "داعش"),
    ("q", "מבצע"),
    ("q", "Daech — coalition «internationale»"),
    ("q", "🇮🇶 coalition"),
    ("q", "‏نص من اليمين إلى اليسار‎"),  # with direction marks
    ("region", "العراق"),
    ("line_of_effort", "استقرار"),
    ("hashtag", "#هاشتاغ"),
]


@pytest.mark.usefixtures("content")
@pytest.mark.parametrize("section", LISTINGS)
@pytest.mark.parametrize(("name", "value"), UNICODE_TEXT)
def test_text_in_any_script_is_accepted(client, section, name, value):
    response = get(client, f"/api/v2/{section}/", [(name, value)])

    assert response.status_code == 200
    if name != "q":  # a filter nothing is filed under
        assert response.json()["items"] == []


@pytest.mark.parametrize(
    "pairs",
    [
        [("limit", "100"), ("year", "1900")],
        [("limit", "1"), ("year", "2100")],
        [("limit", " 5 ")],
        [("hashtag", "#")],  # the sign alone: no hashtag filter
        [("q", "x" * 200)],
        [("q", " ".join(["word"] * 20))],
        [("q", "coalition"), ("cursor", cursor({"offset": 10**30}))],
        [("ordering", "date"), ("cursor", cursor(["0001-01-01", 1]))],
        [("cursor", cursor(["9999-12-31", 1]))],
    ],
    ids=str,
)
def test_the_edges_of_the_ranges_are_accepted(client, content, pairs):
    assert get(client, "/api/v2/news/", pairs).status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/news/coalition/",  # no language prefix
        "/",
        "/xx/news/coalition/",
        "/ar/الأخبار/",
        "/en/news/coalition/../../etc/passwd",
        "/en/news/%E0%A4%A/",  # broken percent-encoding
        "//en/news/",
    ],
)
def test_a_path_that_leads_nowhere_is_a_404(client, content, path):
    response = get(client, "/api/v2/pages/by-path/", [("path", path)])

    assert_problem(response, 404)


@pytest.mark.parametrize(
    "query",
    [
        '"',
        'say "no',
        "'",
        "*",
        "(",
        ")",
        "a:b",
        "title:coalition",
        "^",
        "-coalition",
        "NOT",
        "AND OR",
        "NEAR(",
        "a & b",
        "<->",
        "%",
        "_",
        "\\",
        "'; DROP TABLE wagtailcore_page; --",
    ],
)
def test_search_syntax_in_a_query_is_searched_for_not_obeyed(client, content, query):
    response = get(client, "/api/v2/latest/", [("q", query)])

    assert response.status_code == 200


# Wagtail's stock endpoints ----------------------------------------------------------------------
# They answer their own {"message": …} errors rather than problem details; they must not fail.


def stock(url, pairs):
    return pytest.param(url, pairs, id=f"{url}?{urlencode(pairs)[:40]}")


STOCK_CASES = [
    stock(url, pairs)
    for url in ["/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/"]
    for (pairs,) in [
        ([("limit", "ten")],),
        ([("limit", "1000")],),
        ([("offset", "-1")],),
        ([("offset", "99999999999999999999")],),
        ([("type", "nope.Nope")],),
        ([("order", "nope")],),
        ([("fields", "nope")],),
        ([("colour", "red")],),
        ([("search", '"')],),
        ([("search", "x"), ("search_operator", "xor")],),
        ([("search", "x"), ("order", "title")],),
        ([("id", "99999999999999999999")],),
        ([("title", "\x00")],),
    ]
] + [
    stock("/api/v2/pages/", [("child_of", "abc")]),
    stock("/api/v2/pages/", [("descendant_of", "-1")]),
    stock("/api/v2/pages/", [("locale", "xx")]),
    stock("/api/v2/pages/", [("html_path", "/en/\x00")]),
    stock("/api/v2/pages/99999999999999999999/", []),
    stock("/api/v2/images/99999999999999999999/", []),
]


@pytest.mark.parametrize(("url", "pairs"), STOCK_CASES)
def test_the_stock_endpoints_never_fail_on_bad_input(client, content, url, pairs):
    response = get(client, url, pairs)

    assert response.status_code < 500


def test_a_nul_byte_in_a_path_is_a_400(client, content):
    response = get(client, "/api/v2/pages/by-path/", [("path", "/en/%00/")])

    assert_problem(response, 400, "path")
