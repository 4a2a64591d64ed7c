"""Shared fixtures: a test client with production's WSGI front, the languages and home page from
the migrations, index pages, users, media, and real services (Redis, a CDN) of the tests' own."""

import http.server
import shutil
import socket
import subprocess
import threading
import time

import pytest

from django.conf import settings
from django.core.cache import caches
from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpResponse
from django.test import Client

from wagtail.models import APIToken, Locale, Page

from api.cache import CachedAnswers
from pages.models import HomePage
from tests import factories


class FrontClient(Client):
    """Django's test client behind what cms.wsgi puts in front of Django in production
    (api.cache.CachedAnswers, which sends cached public API answers before Django runs), so
    every test that turns the cache on goes through it too. Its answers say `served_by_front`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        django_handler = self.handler

        def handler(environ):
            answered = {}

            def django(environ, start_response):
                answered["response"] = django_handler(environ)
                return []

            def start_response(status, headers):
                answered["status"], answered["headers"] = status, headers

            body = CachedAnswers(django)(environ, start_response)
            if "response" in answered:
                return answered["response"]
            status = int(answered["status"].split()[0])
            response = HttpResponse(b"".join(body), status=status, headers=answered["headers"])
            response.wsgi_request = WSGIRequest(environ)
            response.served_by_front = True
            return response

        self.handler = handler


@pytest.fixture
def client():
    return FrontClient()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files land in a throwaway directory, never in the project."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return settings.MEDIA_ROOT


# Languages and the page tree -------------------------------------------------------------------


@pytest.fixture
def locale_en(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def locale_ar(db):
    return Locale.objects.get(language_code="ar")


@pytest.fixture
def locale_fr(db):
    return Locale.objects.get(language_code="fr")


@pytest.fixture
def root_page(db):
    return Page.get_first_root_node()


@pytest.fixture
def home_page(db):
    """The English home page that pages/migrations/0002 makes the default site's root."""
    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def news_index(home_page):
    return factories.NewsIndexPageFactory(parent=home_page)


@pytest.fixture
def statement_index(home_page):
    return factories.StatementIndexPageFactory(parent=home_page)


@pytest.fixture
def infocus_index(home_page):
    return factories.InFocusIndexPageFactory(parent=home_page)


# People -----------------------------------------------------------------------------------------


@pytest.fixture
def superuser(db):
    return factories.UserFactory(username="admin", is_superuser=True, is_staff=True)


@pytest.fixture
def editor(db):
    """In Wagtail's "Editors" group: may add and edit pages, not publish them."""
    return factories.UserFactory(username="editor", groups=["Editors"])


@pytest.fixture
def moderator(db):
    """In Wagtail's "Moderators" group: may publish, and approves the default workflow."""
    return factories.UserFactory(username="moderator", groups=["Moderators"])


@pytest.fixture
def partner_key(db):
    """A partner organisation's API key (plaintext, as the admin shows it once)."""
    partner = factories.UserFactory(username="partner")
    return APIToken.create_token(user=partner, name="Partner mirror")[1]


@pytest.fixture
def superuser_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


# Media ------------------------------------------------------------------------------------------


@pytest.fixture
def image(db):
    """A small real image file (Pillow-generated) in the project's image model, cms.CustomImage."""
    return factories.ImageFactory(title="Ministers in Rome", credit="Photo: Italian MFA")


@pytest.fixture
def document(db):
    return factories.DocumentFactory(title="Action plan")


# The delivery API -------------------------------------------------------------------------------


@pytest.fixture
def ar_home(home_page):
    """The Arabic home page, a published translation of the English one."""
    return factories.publish(factories.HomePageFactory())


@pytest.fixture
def empty_caches():
    """Caches outlive a test's rolled-back transaction, and SQLite reuses the ids: a rendition or
    site root path cached by an earlier test would otherwise answer for a different object."""
    for alias in settings.CACHES:
        caches[alias].clear()


# Real services of the tests' own ------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def redis_server():
    """A Redis server of the test's own, on 127.0.0.1, that the test may stop."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail("redis-server is not installed")
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 (a fixed command line)
        [binary, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield process, f"redis://127.0.0.1:{port}/0"
    process.kill()
    process.wait()


@pytest.fixture
def purge_receiver(settings):
    """Records the PURGE requests a Varnish-style cache on 127.0.0.1 would receive; the
    project's frontend cache points at it."""
    purged = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_PURGE(self):
            purged.append((self.headers["Host"], self.path))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield purged
    server.shutdown()
    server.server_close()
