"""Browser tests: the CMS on pytest-django's live server, the reference front end (frontend/) on
a static server of its own origin, headless Chromium from Debian driven by Selenium.

Selenium rather than Playwright: Debian ships `chromium-driver` built from the same source as
`chromium`, so the driver always matches the browser, and Selenium is a pure-Python package;
Playwright's Python package carries its own Node-based driver and is only tested against the
browser builds it downloads itself. Selenium Manager is never consulted (the driver and browser
paths are given, and SE_OFFLINE is set), so nothing is downloaded.

`make e2e` installs the browser and axe-core (scripts/install-browser.sh) and runs these tests;
they are outside the default `pytest` run (marker `e2e`). Screenshots of every step are saved
under test-artifacts/e2e/<test>/.
"""

import importlib.util
import io
import os
import re
import shutil
import threading
from pathlib import Path

import pytest

from django.core.management import call_command

# The live server listens on 127.0.0.1 (pytest-django's default is "localhost").
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")
# Selenium Manager must never fetch a driver or a browser.
os.environ["SE_OFFLINE"] = "true"

ROOT = Path(__file__).resolve().parents[2]
FRONTEND = ROOT / "frontend"
ARTIFACTS = ROOT / "test-artifacts" / "e2e"
AXE = FRONTEND / "tools" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
DEMO_PASSWORD = "e2e-demo-password"

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium: pip install -e '.[dev]'")


@pytest.fixture(scope="session")
def django_db_modify_db_settings(tmp_path_factory):
    """SQLite in a file for these tests, not in memory.

    The browser reaches the live server on several threads at once. In-memory SQLite shared
    between threads locks whole tables and fails a second writer at once ("database table is
    locked": two first views making the same image's renditions); a file database makes it wait
    its turn, as the development server's does.
    """
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        name = tmp_path_factory.mktemp("e2e-database") / "test.sqlite3"
        database["TEST"] = {**database.get("TEST", {}), "NAME": str(name)}


def _load_serve_frontend():
    spec = importlib.util.spec_from_file_location(
        "serve_frontend", ROOT / "scripts" / "serve_frontend.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class StaticOrigin:
    """The front end's files served on 127.0.0.1 at a free port, in a thread."""

    def __init__(self, directory):
        self.server = _load_serve_frontend().make_server(directory, "127.0.0.1", 0, quiet=True)
        host, port = self.server.server_address[:2]
        self.origin = f"http://{host}:{port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path="/"):
        return self.origin + path

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="session")
def frontend_files(live_server, tmp_path_factory):
    """A copy of frontend/ whose config.js points at the live server: the only file that differs."""
    target = tmp_path_factory.mktemp("frontend")
    shutil.copytree(FRONTEND, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("tools"))
    config = (FRONTEND / "config.js").read_text()
    config, replaced = re.subn(r'apiBase: "[^"]*"', f'apiBase: "{live_server.url}"', config)
    assert replaced == 1, "frontend/config.js must declare apiBase"
    (target / "config.js").write_text(config)
    return target


@pytest.fixture(scope="session")
def frontend(frontend_files):
    server = StaticOrigin(frontend_files)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def foreign_origin(frontend_files):
    """The same files on another port: an origin the CMS's CORS settings do not allow."""
    server = StaticOrigin(frontend_files)
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def frontend_settings(settings, live_server, frontend):
    """The CMS's view of where its front end lives: CORS, links in content, the preview target."""
    settings.CORS_ALLOWED_ORIGINS = [frontend.origin]
    settings.FRONTEND_BASE_URL = frontend.origin
    settings.WAGTAIL_HEADLESS_PREVIEW = {
        **settings.WAGTAIL_HEADLESS_PREVIEW,
        "CLIENT_URLS": {"default": f"{frontend.origin}/preview/"},
    }
    settings.DEMO_ADMIN_PASSWORD = DEMO_PASSWORD
    # The admin's own address, which Wagtail also puts in front of media (image rendition) URLs.
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    # Where the admin has a Content Security Policy, its preview panel may frame this origin.
    by_path = getattr(settings, "CONTENT_SECURITY_POLICY_BY_PATH", None)
    if by_path:
        settings.CONTENT_SECURITY_POLICY_BY_PATH = {
            prefix: (
                {**policy, "frame-src": [*policy["frame-src"], frontend.origin]}
                if "frame-src" in policy
                else policy
            )
            for prefix, policy in by_path.items()
        }
    return settings


@pytest.fixture
def demo(django_db_serialized_rollback, frontend_settings):
    """The demo content (`manage.py load_demo`), with the logins admin/editor.

    Each test starts from the migrated database (languages, the home page, the Editors group,
    restored by serialized rollback after the live-server tests' flush), then loads the demo.
    """
    call_command("load_demo", verbosity=0, stdout=io.StringIO())


@pytest.fixture(scope="session")
def axe_source():
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run scripts/install-browser.sh (or `make e2e`)")
    return AXE.read_text()


@pytest.fixture
def browser():
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.access(path, os.X_OK):
            pytest.fail(f"{path} is missing: run scripts/install-browser.sh (or `make e2e`)")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",  # root in CI containers
        "--disable-dev-shm-usage",
        "--window-size=1280,1024",
        "--lang=en-GB",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture
def shots(request, browser):
    """`shots("name")` saves a numbered screenshot of the browser for this test."""
    directory = ARTIFACTS / re.sub(r"[^\w.-]+", "_", request.node.name)
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    counter = iter(range(1, 100))

    def save(name):
        path = directory / f"{next(counter):02d}-{name}.png"
        browser.save_screenshot(str(path))
        return path

    save.directory = directory
    return save
