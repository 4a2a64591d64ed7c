"""Security as an attacker meets it: headers, CORS, script in content, hostile uploads, password
guessing, secrets in logs, the deploy checks and the versions of what we run."""

import html
import io
import json
import logging
import re
import struct
import subprocess
import sys
import zlib
from importlib.metadata import version
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image, PngImagePlugin

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import APIToken
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.frontend import page_path
from cms.models import WebhookDelivery, WebhookSubscription
from pages.models import StandardPage
from tests import factories
from tests.conftest import free_port

pytestmark = pytest.mark.django_db

BASE_DIR = Path(settings.BASE_DIR)
ALLOWED_ORIGIN = "http://frontend.test"  # settings.test.CORS_ALLOWED_ORIGINS
PREFLIGHT = {"Access-Control-Request-Method": "GET"}


def csp(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    policy = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        policy[name] = sources
    return policy


def production_settings(settings):
    """settings.production's security settings over the test settings (it cannot be imported as
    such: it refuses to start without a real secret key)."""
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True


# Headers ----------------------------------------------------------------------------------------

DATA_ANSWERS = [
    "/api/v2/site/",
    "/api/v2/news/",
    "/api/v2/pages/",
    "/api/partners/v1/statements/",
    "/api/partners/v1/statements/?format=csv",
    "/api/schema/",
    "/health/",
]


@pytest.mark.parametrize("url", DATA_ANSWERS)
def test_data_answers_may_load_nothing_and_be_framed_by_no_one(client, home_page, url):
    response = client.get(url)

    assert response.status_code == 200
    assert csp(response) == {"default-src": ["'none'"], "frame-ancestors": ["'none'"]}
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_a_problem_answer_and_a_cached_answer_carry_the_headers_too(client, home_page, settings):
    settings.API_CACHE_TIMEOUT = 60
    problem = client.get("/api/v2/news/", {"not_a_parameter": "1"})
    first, cached = client.get("/api/v2/site/"), client.get("/api/v2/site/")

    for response in (problem, first, cached):
        assert csp(response)["default-src"] == ["'none'"]
        assert response["X-Content-Type-Options"] == "nosniff"
    assert problem.status_code == 400


def test_the_admin_policy_allows_only_what_wagtails_admin_needs(superuser_client, home_page):
    response = superuser_client.get(reverse("wagtailadmin_pages:edit", args=(home_page.pk,)))
    policy = csp(response)

    assert response.status_code == 200
    # Wagtail's inline panel, date and chooser scripts, and its style attributes.
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    # The preview panel frames the admin's own preview view, which redirects to the front end.
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["frame-src"][0] == "'self'"
    assert policy["connect-src"] == ["'self'", "https://releases.wagtail.org"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


@pytest.mark.parametrize("url", ["/admin/login/", "/admin/password_reset/"])
def test_where_passwords_are_typed_no_inline_script_may_run(client, url):
    response = client.get(url)
    policy = csp(response)

    assert response.status_code == 200
    assert policy["default-src"] == ["'self'"]
    assert "script-src" not in policy  # so default-src 'self': files from the site only
    assert "style-src" not in policy
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]


def test_the_admin_never_sends_an_editors_address_to_gravatar(superuser_client, home_page):
    response = superuser_client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    assert b"gravatar" not in response.content


def test_the_api_docs_page_runs_only_its_own_scripts(client):
    policy = csp(client.get("/api/docs/"))

    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "connect-src" not in policy  # the schema, from the site itself (default-src)


def test_production_adds_hsts_https_and_secure_cookies(client, superuser, settings):
    production_settings(settings)
    https = {"HTTP_X_FORWARDED_PROTO": "https"}

    plain = client.get("/api/v2/site/")
    api = client.get("/api/v2/site/", **https)
    health = client.get("/health/", **https)
    login = client.post(
        "/admin/login/", {"username": "admin", "password": factories.PASSWORD}, **https
    )

    assert plain.status_code == 301
    assert plain["Location"].startswith("https://")
    for response in (api, health):
        assert response["Strict-Transport-Security"] == (
            "max-age=31536000; includeSubDomains; preload"
        )
        assert csp(response)["default-src"] == ["'none'"]
        assert response["X-Content-Type-Options"] == "nosniff"
    assert login.status_code == 302
    assert login.cookies["sessionid"]["secure"] is True
    assert login.cookies["csrftoken"]["secure"] is True
    assert login.cookies["sessionid"]["httponly"] is True


def test_the_production_settings_module_sets_what_the_test_above_assumes():
    """production.py is read as text: importing it needs a real secret key."""
    source = (BASE_DIR / "settings" / "production.py").read_text()

    for line in [
        'SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)',
        "SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS = True",
        "SECURE_HSTS_PRELOAD = True",
        "SESSION_COOKIE_SECURE = True",
        "CSRF_COOKIE_SECURE = True",
        'SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")',
    ]:
        assert line in source


# CORS beyond /api/v2/ (tests/test_cors_and_schema.py covers the delivery API) -------------------


@pytest.mark.parametrize("url", ["/api/partners/v1/statements/", "/api/partners/v1/changes/"])
def test_the_partner_api_is_shared_with_allowed_origins_only(client, home_page, url):
    allowed = client.get(url, headers={"Origin": ALLOWED_ORIGIN})
    lookalike = client.get(url, headers={"Origin": "http://frontend.test.evil.test"})
    suffixed = client.options(url, headers={"Origin": "http://evilfrontend.test", **PREFLIGHT})

    assert allowed["Access-Control-Allow-Origin"] == ALLOWED_ORIGIN
    assert "Access-Control-Allow-Credentials" not in allowed
    assert "Access-Control-Allow-Origin" not in lookalike
    assert "Access-Control-Allow-Origin" not in suffixed


def test_health_is_not_shared_with_any_origin(client):
    response = client.get("/health/", headers={"Origin": ALLOWED_ORIGIN})

    assert not [name for name in response.headers if name.lower().startswith("access-control-")]


# Script in content ------------------------------------------------------------------------------

HOSTILE_HTML = [
    '<p>Before<script>alert("script")</script>after</p>',
    '<p><a href="javascript:alert(1)">a scripted link</a></p>',
    '<p><a href=" JaVaScRiPt:alert(1)">a disguised scripted link</a></p>',
    '<p><a href="jav&#x09;ascript:alert(1)">a scripted link with a tab</a></p>',
    '<p><a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">a data: link</a></p>',
    '<p><a href="vbscript:msgbox(1)">a vbscript: link</a></p>',
    '<p onclick="alert(1)">An event handler</p>',
    '<p><b onmouseover="alert(1)">bold</b> <img src="x" onerror="alert(1)"></p>',
    '<p><svg onload="alert(1)"></svg><iframe src="javascript:alert(1)"></iframe></p>',
    '<p><object data="x.swf"></object><embed src="x.swf"><style>*{}</style></p>',
    '<p><a linktype="external" href="javascript:alert(1)">unknown link type</a></p>',
    '<p><form action="https://evil.test/"><input name="password"></form></p>',
]
DANGEROUS_ELEMENTS = {"script", "iframe", "object", "embed", "svg", "style", "form", "input"}
DANGEROUS_SCHEMES = re.compile(r"^(javascript|vbscript|data):", re.IGNORECASE)
SCRIPT_IN_MARKUP = re.compile(
    r"<script|\son\w+\s*=|(href|src)\s*=\s*[\"']?\s*(javascript|vbscript|data):", re.IGNORECASE
)


def assert_cannot_run_script(markup):
    soup = BeautifulSoup(markup, "html.parser")
    for element in soup.find_all(True):
        assert element.name not in DANGEROUS_ELEMENTS, markup
        for name, value in element.attrs.items():
            assert not name.lower().startswith("on"), markup
            if name.lower() in {"href", "src", "action", "formaction", "xlink:href"}:
                # As a browser reads it: entities decoded, control characters and spaces dropped.
                cleaned = re.sub(r"[\x00-\x20]+", "", value)
                assert not DANGEROUS_SCHEMES.match(cleaned), markup


def strings_in(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def by_path(client, page):
    response = client.get("/api/v2/pages/by-path/", {"path": page_path(page)})
    assert response.status_code == 200, response.content
    return json.loads(response.content)


@pytest.fixture
def hostile_page(home_page):
    """A standard page whose stored rich text is hostile HTML, written without the editor (an
    import, a shell, a database edit): one paragraph block per attack."""
    body = factories.raw_stream(*(("paragraph", markup) for markup in HOSTILE_HTML))
    return factories.publish(factories.StandardPageFactory(parent=home_page, body=body))


def test_stored_script_never_reaches_the_delivery_api(client, hostile_page):
    paragraphs = [block["value"] for block in by_path(client, hostile_page)["body"]]

    assert len(paragraphs) == len(HOSTILE_HTML)
    for markup in paragraphs:
        assert_cannot_run_script(markup)
    assert "a scripted link" in "".join(paragraphs)  # the text stays; only the script goes


@pytest.mark.parametrize("rich_text_format", ["html", "db_html", "markdown"])
def test_stored_script_never_reaches_wagtails_stock_pages_endpoint(
    client, hostile_page, rich_text_format
):
    response = client.get(
        f"/api/v2/pages/{hostile_page.pk}/", {"rich_text_format": rich_text_format}
    )

    assert response.status_code == 200
    for block in json.loads(response.content)["body"]:
        assert_cannot_run_script(block["value"])


def test_stored_script_never_reaches_a_rich_text_field(client, home_page):
    home_page.intro = "".join(HOSTILE_HTML)
    factories.publish(home_page)

    intro = by_path(client, home_page)["intro"]
    stock = client.get(f"/api/v2/pages/{home_page.pk}/", {"fields": "intro"})

    assert_cannot_run_script(intro)
    assert "An event handler" in intro
    assert_cannot_run_script(json.loads(stock.content)["intro"])


def test_stored_script_never_reaches_the_partner_api(client, statement_index):
    body = factories.raw_stream(*(("paragraph", markup) for markup in HOSTILE_HTML))
    page = factories.publish(factories.StatementPageFactory(parent=statement_index, body=body))
    url = f"/api/partners/v1/statements/{page.translation_key}/"

    record = json.loads(client.get(url, {"locale": "en"}).content)
    feed = json.loads(client.get("/api/partners/v1/statements/", {"format": "json"}).content)

    assert_cannot_run_script(record["body_html"])
    assert "alert" not in record["body_text"]
    for value in strings_in(feed):
        if "<" in value:
            assert_cannot_run_script(value)
    for fmt in ["rss", "atom", "jsonfeed"]:
        response = client.get("/api/partners/v1/statements/", {"format": fmt})
        assert response.status_code == 200, fmt
        text = html.unescape(html.unescape(response.content.decode()))  # XML around HTML
        assert not SCRIPT_IN_MARKUP.search(text), fmt


def test_what_an_editor_saves_cannot_carry_script(superuser_client, home_page):
    """The page editor's Draftail sends ContentState JSON; a forged one with a javascript: link,
    a data: link and pasted HTML with a script is converted to stored HTML without them."""
    forged = json.dumps(
        {
            "blocks": [
                {
                    "key": "a",
                    "type": "unstyled",
                    "text": "Click here or there",
                    "depth": 0,
                    "inlineStyleRanges": [],
                    "entityRanges": [
                        {"offset": 0, "length": 10, "key": 0},
                        {"offset": 14, "length": 5, "key": 1},
                    ],
                    "data": {},
                }
            ],
            "entityMap": {
                "0": {
                    "type": "LINK",
                    "mutability": "MUTABLE",
                    "data": {"url": "javascript:alert(1)"},
                },
                "1": {
                    "type": "LINK",
                    "mutability": "MUTABLE",
                    "data": {"url": "data:text/html,<script>alert(1)</script>"},
                },
            },
        }
    )
    pasted = rich_text('<p onclick="alert(1)">Pasted<script>alert(1)</script></p>')
    data = nested_form_data(
        {
            "title": "Hostile",
            "slug": "hostile",
            "summary": "",
            "body": streamfield([("paragraph", forged), ("paragraph", pasted)]),
            "action-publish": "action-publish",
        }
    )
    add = reverse("wagtailadmin_pages:add", args=("pages", "standardpage", home_page.pk))

    response = superuser_client.post(add, data)

    assert response.status_code == 302
    page = StandardPage.objects.get(slug="hostile")
    stored = "".join(block.value.source for block in page.body)
    assert_cannot_run_script(stored)
    assert "Click here" in stored and "Pasted" in stored
    for block in by_path(superuser_client, page)["body"]:
        assert_cannot_run_script(block["value"])


# Uploads ----------------------------------------------------------------------------------------


def png(size=(40, 30), **save):
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, "PNG", **save)
    return buffer.getvalue()


def with_declared_size(data, width, height):
    """A real PNG whose header (IHDR) now declares another size, its checksum made valid: the
    pixels a decoder would allocate, not the bytes that were sent."""
    assert data[12:16] == b"IHDR"
    ihdr = struct.pack(">II", width, height) + data[24:29]
    crc = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return data[:16] + ihdr + crc + data[33:]


def upload_image(client, name, content):
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile(name, content)},
        headers={"X-Requested-With": "XMLHttpRequest"},
    )
    assert response.status_code == 200
    return json.loads(response.content)


SVG = b"""<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script>
<rect width="10" height="10"/></svg>"""


def test_an_ordinary_image_and_a_30_megapixel_photo_are_accepted(superuser_client):
    """Pillow's own bomb warning starts at 25 megapixels now; only Wagtail's limit refuses."""
    buffer = io.BytesIO()
    Image.new("L", (6000, 5000), 128).save(buffer, "PNG")

    assert upload_image(superuser_client, "ministers.png", png())["success"] is True
    assert upload_image(superuser_client, "panorama.png", buffer.getvalue())["success"] is True
    assert get_image_model().objects.count() == 2


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        pytest.param("logo.svg", SVG, "Not a supported image format", id="svg"),
        pytest.param("logo.png", SVG, "Not a valid", id="svg-named-png"),
        pytest.param(
            "bomb.png",
            with_declared_size(png(), 100_000, 100_000),
            "too many pixels",
            id="header-declares-10-gigapixels",
        ),
        pytest.param(
            "big.png",
            with_declared_size(png(), 8_000, 7_000),
            "too many pixels",
            id="56-megapixels-under-pillows-own-limit",
        ),
    ],
)
def test_svg_and_decompression_bombs_are_refused(superuser_client, name, content, error):
    answer = upload_image(superuser_client, name, content)

    assert answer["success"] is False
    assert error.lower() in answer["error_message"].lower()
    assert get_image_model().objects.count() == 0


def test_an_oversized_image_is_refused(superuser_client):
    limit = settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    # A valid PNG made bigger than the limit by an ancillary text chunk.
    info = PngImagePlugin.PngInfo()
    info.add_text("padding", "x" * limit)
    content = png(pnginfo=info)
    assert len(content) > limit

    answer = upload_image(superuser_client, "huge.png", content)

    assert answer["success"] is False
    assert "too big" in answer["error_message"]
    assert limit == 10 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 50_000_000
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS


def test_an_oversized_document_is_refused(superuser_client):
    limit = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    url = reverse("wagtaildocs:add_multiple")
    headers = {"X-Requested-With": "XMLHttpRequest"}

    too_big = superuser_client.post(
        url, {"files[]": SimpleUploadedFile("minutes.txt", b"x" * (limit + 1))}, headers=headers
    )
    fits = superuser_client.post(
        url, {"files[]": SimpleUploadedFile("minutes.txt", b"x" * 1000)}, headers=headers
    )
    html_file = superuser_client.post(
        url, {"files[]": SimpleUploadedFile("page.html", b"<script>1</script>")}, headers=headers
    )

    assert limit == 20 * 1024 * 1024
    assert json.loads(too_big.content)["success"] is False
    assert "too big" in json.loads(too_big.content)["error_message"]
    assert json.loads(fits.content)["success"] is True
    assert json.loads(html_file.content)["success"] is False
    assert get_document_model().objects.count() == 1


# Admin login throttling -------------------------------------------------------------------------


def log_in(client, username, password, address="203.0.113.5", forwarded=None):
    meta = {"REMOTE_ADDR": address}
    if forwarded:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": password}, **meta
    )


@pytest.fixture
def axes(settings):
    """django-axes on, as in development and production (the test settings turn it off)."""
    settings.AXES_ENABLED = True
    return settings


def test_five_wrong_passwords_lock_out_that_username_from_that_address(client, axes, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "editor", "guess").status_code == 200  # the form again

    locked = log_in(client, "editor", "guess")
    right_password = log_in(client, "editor", factories.PASSWORD)
    elsewhere = log_in(client, "editor", factories.PASSWORD, address="198.51.100.7")

    assert locked.status_code == 429
    assert right_password.status_code == 429  # the right password is not even checked
    # The editor at another desk is not locked out by someone guessing from this address.
    assert elsewhere.status_code == 302
    assert elsewhere["Location"] == reverse("wagtailadmin_home")


def test_a_made_up_forwarded_for_header_does_not_dodge_the_lockout(client, axes, editor):
    """TRUSTED_PROXY_COUNT=0: the connection's address counts, whatever the header says."""
    for n in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "editor", "guess", forwarded=f"192.0.2.{n}")

    assert log_in(client, "editor", factories.PASSWORD, forwarded="192.0.2.99").status_code == 429


def test_behind_a_trusted_proxy_the_forwarded_address_is_the_client(client, axes, editor):
    """TRUSTED_PROXY_COUNT=1 (the REST framework's NUM_PROXIES): the address the proxy appended
    is the client's; what the client itself put before it is not believed."""
    axes.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "editor", "guess", address="10.0.0.2", forwarded="evil, 203.0.113.5")

    same_client = log_in(
        client, "editor", factories.PASSWORD, address="10.0.0.3", forwarded="203.0.113.5"
    )
    other_client = log_in(
        client, "editor", factories.PASSWORD, address="10.0.0.2", forwarded="198.51.100.7"
    )

    assert same_client.status_code == 429
    assert other_client.status_code == 302


# Secrets in logs --------------------------------------------------------------------------------


@pytest.fixture
def every_log_record():
    """Every record any logger emits, at DEBUG and up, whatever the logging settings say."""
    records = []

    class Collect(logging.Handler):
        def emit(self, record):
            records.append(record)

    handler = Collect(logging.DEBUG)
    loggers = [logging.getLogger()] + [
        logger
        for logger in logging.root.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]
    saved = [(logger, logger.level, logger.disabled) for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
        logger.disabled = False
        logger.addHandler(handler)
    yield records
    for logger, level, disabled in saved:
        logger.setLevel(level)
        logger.disabled = disabled
        logger.removeHandler(handler)


def test_api_keys_and_webhook_secrets_never_reach_the_logs(
    client, statement_index, every_log_record, django_capture_on_commit_callbacks
):
    partner = factories.UserFactory(username="partner-org")
    _, key = APIToken.create_token(user=partner, name="Partner mirror")
    closed_port = free_port()  # nothing listens there
    subscription = WebhookSubscription.objects.create(
        name="Broken receiver",
        url=f"http://127.0.0.1:{closed_port}/hooks",
        event_types=["page.published"],
    )

    with django_capture_on_commit_callbacks(execute=True):
        factories.publish(factories.StatementPageFactory(parent=statement_index, live=False))
    keyed = client.get("/api/partners/v1/statements/", HTTP_AUTHORIZATION=f"Bearer {key}")
    wrong = client.get("/api/partners/v1/statements/", HTTP_AUTHORIZATION=f"Bearer {key[:-4]}xxxx")

    delivery = WebhookDelivery.objects.get(subscription=subscription)
    assert delivery.error  # the delivery failed, and said why
    assert keyed.status_code == 200
    assert wrong.status_code == 401
    assert every_log_record  # the capture works: requests, the delivery failure
    secrets = [key, key[:-4], subscription.secret, subscription.secret.removeprefix("whsec_")]
    for record in every_log_record:
        text = record.getMessage() + repr(record.args) + str(record.exc_info or "")
        text += repr({k: v for k, v in vars(record).items() if k not in {"msg", "args"}})
        for secret in secrets:
            assert secret not in text, (record.name, record.getMessage())
    assert subscription.secret not in delivery.error


# Deploy checks, static analysis and dependency versions ----------------------------------------


# The oldest release of each dependency with a known advisory that is fixed, and why.
MINIMUM_SAFE_VERSIONS = {
    # 5.2.17 (August 2026) fixed CVE-2026-15307, CVE-2026-15337 and CVE-2026-15830; earlier 5.2
    # releases fixed CVE-2025-64459 (5.2.8, SQL injection through _connector) among others.
    "django": "5.2.17",
    # The release pyproject.toml requires; earlier 6.x/7.x releases had admin XSS and permission
    # advisories, all fixed before 8.0.
    "wagtail": "8.0.1",
    # CVE-2025-48379 (DDS write overflow, fixed 11.3.0); CVE-2024-28219 (10.3.0).
    "pillow": "11.3.0",
    # CVE-2025-66418/66471 (unbounded decompression, 2.6.0), CVE-2026-21441 (decompression on
    # redirects, 2.6.3): webhooks POST through urllib3.
    "urllib3": "2.6.3",
    # CVE-2024-47081 (.netrc credentials leak, 2.32.4); CVE-2024-35195 (2.32.0).
    "requests": "2.32.4",
    # CVE-2024-21520 (XSS in the browsable API's break_long_headers, 3.15.2).
    "djangorestframework": "3.15.2",
    # CVE-2024-1135 and CVE-2024-6827 (request smuggling, 22.0.0 and 23.0.0).
    "gunicorn": "23.0.0",
    # CVE-2025-27607 (a malicious dependency in 3.2.0's dev extra, 3.3.0).
    "python-json-logger": "3.3.0",
    # CVE-2024-4340 (deeply nested lists, 0.5.0).
    "sqlparse": "0.5.0",
    # CVE-2025-27516 (sandbox escape through |attr, 3.1.6).
    "jinja2": "3.1.6",
    # CVE-2025-43859 (chunked-encoding request smuggling, 0.16.0).
    "h11": "0.16.0",
    # CVE-2024-3651 (quadratic encode, 3.7).
    "idna": "3.7",
    # CVE-2024-39689 (GLOBALTRUST roots removed, 2024.7.4).
    "certifi": "2024.7.4",
}


def as_tuple(text):
    return tuple(int(part) for part in re.findall(r"\d+", text)[:3])


@pytest.mark.parametrize(("package", "minimum"), MINIMUM_SAFE_VERSIONS.items())
def test_no_dependency_is_older_than_its_last_security_fix(package, minimum):
    assert as_tuple(version(package)) >= as_tuple(minimum), f"{package} {version(package)}"


def test_bandit_finds_nothing_of_medium_severity_or_above():
    result = subprocess.run(
        [sys.executable, "-m", "bandit", "-q", "-r", "api", "cms", "pages", "demo", "settings",
         "-ll", "-f", "json"],
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    report = json.loads(result.stdout)

    assert report["results"] == [], [(r["filename"], r["test_id"]) for r in report["results"]]
    assert result.returncode == 0
