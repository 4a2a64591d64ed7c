"""The headless promise in a real browser: the editor's work reaches a front end on another
origin through the API alone, in three languages, for keyboard and screen-reader users too."""

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import UTC, datetime

import pytest
from selenium.common.exceptions import (
    NoSuchElementException,
    NoSuchFrameException,
    StaleElementReferenceException,
)
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from pages.models import StatementIndexPage, StatementPage
from tests.factories import SocialPostFactory

from .conftest import ARTIFACTS, DEMO_PASSWORD

pytestmark = pytest.mark.e2e

WAIT = 20


def wait(browser, condition, timeout=WAIT):
    ignored = [StaleElementReferenceException, NoSuchElementException, NoSuchFrameException]
    return WebDriverWait(browser, timeout, ignored_exceptions=ignored).until(condition)


def open_app(browser, url, state="ready"):
    """Load a front-end URL and wait until the app has rendered it (body[data-state])."""
    browser.get(url)
    wait(browser, lambda b: b.execute_script("return document.body.dataset.state") == state)


def api_status(live_server, path):
    url = f"{live_server.url}/api/v2/pages/by-path/?{urllib.parse.urlencode({'path': path})}"
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (our live server)
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def button(browser, text):
    for element in browser.find_elements(By.CSS_SELECTOR, "button"):
        if element.text.strip() == text and element.is_displayed():
            return element
    raise AssertionError(f"No visible button “{text}”")


def click(browser, element):
    """Click as a person would, after scrolling the element clear of the admin's sticky footer."""
    browser.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element
    )
    element.click()


def issuer_lines(browser):
    return [
        " ".join(item.text.split())
        for item in browser.find_elements(By.CSS_SELECTOR, ".issuers li")
    ]


def choose_member(browser, index, name):
    """Pick a member in the snippet chooser modal of issuer `index`, by searching for it."""
    click(
        browser,
        browser.find_element(
            By.CSS_SELECTOR, f"#id_issuers-{index}-member-chooser .chooser__choose-button"
        ),
    )
    modal = wait(browser, EC.visibility_of_element_located((By.CSS_SELECTOR, ".modal-dialog")))
    modal.find_element(By.CSS_SELECTOR, "input[name=q]").send_keys(name)

    def result(driver):
        for link in driver.find_elements(
            By.CSS_SELECTOR, ".modal-dialog a[data-chooser-modal-choice]"
        ):
            if link.text.strip() == name:
                return link
        return False

    wait(browser, result).click()
    wait(browser, EC.invisibility_of_element_located((By.CSS_SELECTOR, ".modal-dialog")))
    title = browser.find_element(By.ID, f"id_issuers-{index}-member-title").text
    assert title == name


def test_an_editor_previews_a_draft_statement_in_the_front_end_then_publishes_it(
    browser, shots, live_server, frontend, demo
):
    title = "Joint statement on the Lake Chad Basin"
    statements = StatementIndexPage.objects.get(locale__language_code="en")

    # The real login form.
    browser.get(f"{live_server.url}/admin/login/")
    browser.find_element(By.ID, "id_username").send_keys("admin")
    browser.find_element(By.ID, "id_password").send_keys(DEMO_PASSWORD)
    shots("admin-login")
    browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait(browser, EC.url_to_be(f"{live_server.url}/admin/"))
    shots("admin-dashboard")

    # A new statement: title and a paragraph on the Content tab …
    browser.get(f"{live_server.url}/admin/pages/add/pages/statementpage/{statements.pk}/")
    browser.find_element(By.ID, "id_title").send_keys(title)
    browser.find_element(By.CSS_SELECTOR, ".c-sf-add-button").click()
    option = wait(
        browser,
        lambda b: next(
            (
                o
                for o in b.find_elements(By.CSS_SELECTOR, ".w-combobox__option")
                if o.text == "Paragraph"
            ),
            False,
        ),
    )
    option.click()
    editor = wait(
        browser, EC.element_to_be_clickable((By.CSS_SELECTOR, ".public-DraftEditor-content"))
    )
    editor.click()
    editor.send_keys("Members of the Coalition met in Niamey to discuss the Lake Chad Basin.")
    shots("admin-statement-content")

    # … then type and issuers (member chooser + role) on the Statement details tab.
    browser.find_element(By.CSS_SELECTOR, "a[href='#tab-statement_details']").click()
    Select(browser.find_element(By.NAME, "statement_type")).select_by_value("co_chairs_statement")
    click(browser, button(browser, "Add Issuer"))
    wait(browser, EC.presence_of_element_located((By.ID, "id_issuers-0-member-chooser")))
    choose_member(browser, 0, "Niger")
    Select(browser.find_element(By.NAME, "issuers-0-role")).select_by_value("host")
    click(browser, button(browser, "Add Issuer"))
    wait(browser, EC.presence_of_element_located((By.ID, "id_issuers-1-member-chooser")))
    choose_member(browser, 1, "Italy")
    Select(browser.find_element(By.NAME, "issuers-1-role")).select_by_value("co_chair")
    shots("admin-statement-issuers")

    button(browser, "Save draft").click()
    wait(browser, EC.url_contains("/edit/"))
    wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, ".messages .success")))
    shots("admin-draft-saved")

    page = StatementPage.objects.get(title=title)
    assert not page.live
    assert [(i.member.name, i.role) for i in page.latest_revision.as_object().issuers.all()] == [
        ("Niger", "host"),
        ("Italy", "co_chair"),
    ]
    path = f"/en/statements/{page.slug}/"

    # The public API does not serve the draft, so the front end has no page there.
    assert api_status(live_server, path) == 404
    open_app(browser, frontend.url(path), state="not-found")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Page not found"
    shots("frontend-draft-not-public")

    # Preview: the admin's preview panel loads the front end's /preview/ route in its iframe.
    browser.get(f"{live_server.url}/admin/pages/{page.pk}/edit/")
    browser.find_element(By.CSS_SELECTOR, "button[aria-label='Toggle preview']").click()

    def front_end_in_preview_panel(driver):
        # Wagtail swaps in a fresh iframe on each refresh, and this one redirects to the front
        # end: find the current one each time until it shows the rendered draft.
        driver.switch_to.default_content()
        driver.switch_to.frame(driver.find_element(By.CSS_SELECTOR, "iframe.w-preview__iframe"))
        return driver.execute_script(
            "return location.origin === arguments[0] && document.body.dataset.state === 'ready'",
            frontend.origin,
        )

    wait(browser, front_end_in_preview_panel)
    assert browser.execute_script("return location.pathname") == "/preview/"
    assert browser.find_element(By.CSS_SELECTOR, "[data-preview=true]").is_displayed()
    assert browser.find_element(By.TAG_NAME, "h1").text == title
    assert issuer_lines(browser) == ["Niger — Host", "Italy — Co-chair"]
    browser.switch_to.default_content()
    shots("admin-preview-panel-shows-front-end")
    assert api_status(live_server, path) == 404  # still a draft

    # Publish from the footer's action menu.
    click(browser, browser.find_element(By.XPATH, "//button[normalize-space()='More actions']"))
    wait(
        browser, EC.element_to_be_clickable((By.CSS_SELECTOR, "button[name=action-publish]"))
    ).click()
    wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, ".messages .success")))
    shots("admin-published")
    page.refresh_from_db()
    assert page.live

    # The front end shows it, from the public API, with no preview banner.
    assert api_status(live_server, path) == 200
    open_app(browser, frontend.url(path))
    assert browser.find_element(By.TAG_NAME, "h1").text == title
    assert not browser.find_elements(By.CSS_SELECTOR, "[data-preview]")
    assert issuer_lines(browser) == ["Niger — Host", "Italy — Co-chair"]
    assert "Lake Chad Basin" in browser.find_element(By.CSS_SELECTOR, ".stream").text
    shots("frontend-published-statement")

    # And at the top of the statements listing.
    open_app(browser, frontend.url("/en/statements/"))
    first = browser.find_element(By.CSS_SELECTOR, ".cards li .card__title")
    assert first.text == title
    shots("frontend-statements-listing")


def test_arabic_pages_render_right_to_left_with_arabic_text(browser, shots, frontend, demo):
    open_app(browser, frontend.url("/ar/"))
    html = browser.find_element(By.TAG_NAME, "html")
    assert html.get_attribute("dir") == "rtl"
    assert html.get_attribute("lang") == "ar"
    main = browser.find_element(By.TAG_NAME, "main")
    assert main.value_of_css_property("direction") == "rtl"
    heading = browser.find_element(By.TAG_NAME, "h1").text
    assert any("\u0600" <= ch <= "\u06ff" for ch in heading), heading
    skip = browser.find_element(By.CSS_SELECTOR, ".skip-link")
    assert skip.get_attribute("textContent") == "انتقل إلى المحتوى الرئيسي"
    # Right to left: the brand sits at the right edge, the language links at the left.
    brand = browser.find_element(By.CSS_SELECTOR, ".brand").rect
    languages = browser.find_element(By.CSS_SELECTOR, ".language-nav").rect
    assert brand["x"] > languages["x"]
    shots("arabic-home")

    # The cookie notice is in Arabic too; choosing dismisses it for good.
    notice = browser.find_element(By.CSS_SELECTOR, ".cookie-notice")
    assert "ملفات تعريف الارتباط" in notice.text
    notice.find_element(By.CSS_SELECTOR, "button.button--secondary").click()
    assert not browser.find_elements(By.CSS_SELECTOR, ".cookie-notice")
    assert browser.execute_script("return localStorage.getItem('coalition-cookie-consent')") == (
        "necessary"
    )

    # An Arabic statement (an Arabic-script slug), reached by following the Arabic latest stream.
    click(browser, browser.find_element(By.CSS_SELECTOR, ".home-latest .card__title a"))
    wait(browser, lambda b: b.execute_script("return document.body.dataset.state") == "ready")
    wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "article.article")))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("dir") == "rtl"
    body = browser.find_element(By.CSS_SELECTOR, ".stream").text
    assert any("\u0600" <= ch <= "\u06ff" for ch in body)
    shots("arabic-article")

    # The language switcher leads to the English translation, left to right again.
    click(browser, browser.find_element(By.CSS_SELECTOR, ".language-nav a[lang=en]"))
    wait(browser, lambda b: b.find_element(By.TAG_NAME, "html").get_attribute("dir") == "ltr")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    shots("english-translation")


FETCH_SITE = """
const done = arguments[arguments.length - 1];
fetch(arguments[0], {credentials: "omit"})
  .then((r) => r.json().then((body) => done({ok: true, status: r.status, locale: body.locale})))
  .catch((error) => done({ok: false, error: String(error)}));
"""


def test_a_page_from_an_origin_cors_does_not_allow_cannot_read_the_api(
    browser, shots, live_server, frontend, foreign_origin, demo
):
    site_api = f"{live_server.url}/api/v2/site/?locale=en"

    # The allowed origin reads the API.
    open_app(browser, frontend.url("/en/"))
    allowed = browser.execute_async_script(FETCH_SITE, site_api)
    assert allowed == {"ok": True, "status": 200, "locale": "en"}
    shots("allowed-origin-renders")

    # The same files from another origin: the browser refuses the answers, the app says so.
    open_app(browser, foreign_origin.url("/en/"), state="error")
    assert browser.find_element(By.CSS_SELECTOR, "[role=alert] h1").text == (
        "The content could not be loaded"
    )
    refused = browser.execute_async_script(FETCH_SITE, site_api)
    assert refused["ok"] is False
    assert "Failed to fetch" in refused["error"]
    cors_errors = [
        entry["message"]
        for entry in browser.get_log("browser")
        if "blocked by CORS policy" in entry["message"]
    ]
    assert cors_errors, "Chromium should report the CORS refusal"
    shots("foreign-origin-refused")

    # What the server said: no Access-Control-Allow-Origin for that origin.
    request = urllib.request.Request(site_api, headers={"Origin": foreign_origin.origin})  # noqa: S310
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (our live server)
        assert response.headers.get("Access-Control-Allow-Origin") is None


def active(browser):
    return browser.switch_to.active_element


def tab_until(browser, predicate, limit=120):
    for _ in range(limit):
        active(browser).send_keys(Keys.TAB)
        if predicate(active(browser)):
            return active(browser)
    raise AssertionError("Tab never reached the element")


def test_keyboard_reaches_skip_link_navigation_filters_and_load_more(
    browser, shots, frontend, demo
):
    # Three older posts beside the demo's, so the social wall has a second page. (Made first: the
    # browser may reuse the API's cacheable answers for the rest of the test.)
    for day in (1, 2, 3):
        SocialPostFactory(posted_at=datetime(2015, 1, day, tzinfo=UTC), text=f"Archive post {day}")
    open_app(browser, frontend.url("/en/"))

    # The first Tab lands on the skip link, which shows itself; Enter moves focus to <main>.
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    skip = active(browser)
    assert skip.get_attribute("class") == "skip-link"
    assert skip.text == "Skip to main content"
    assert skip.rect["y"] >= 0
    shots("skip-link-focused")
    skip.send_keys(Keys.ENTER)
    assert active(browser).get_attribute("id") == "main"

    # From the top again, Tab reaches the main navigation; Enter follows the link.
    open_app(browser, frontend.url("/en/"))
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    link = tab_until(
        browser,
        lambda el: (
            el.get_attribute("href")
            and el.find_elements(By.XPATH, "ancestor::nav[contains(@class,'main-nav')]")
        ),
        20,
    )
    assert link.value_of_css_property("outline-style") != "none"  # a visible focus indicator
    shots("main-nav-focused")
    target = link.get_attribute("href")
    link.send_keys(Keys.ENTER)
    wait(browser, lambda b: b.current_url == target)
    wait(browser, lambda b: b.execute_script("return document.body.dataset.state") == "ready")
    assert active(browser).tag_name == "h1"  # focus moved to the new page's heading

    # Filters by keyboard: on the statements listing, pick a type and apply with Enter.
    open_app(browser, frontend.url("/en/statements/"))
    before = len(browser.find_elements(By.CSS_SELECTOR, ".cards > li"))
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    type_select = tab_until(browser, lambda el: el.get_attribute("id") == "filter-type", 60)
    Select(type_select).select_by_value("joint_communique")  # what arrow keys do, deterministically
    apply = tab_until(browser, lambda el: el.text == "Apply filters", 10)
    shots("filters-focused")
    apply.send_keys(Keys.ENTER)
    wait(browser, lambda b: "type=joint_communique" in b.current_url)
    wait(browser, lambda b: b.execute_script("return document.body.dataset.state") == "ready")
    kinds = {el.text for el in browser.find_elements(By.CSS_SELECTOR, ".cards .kind")}
    assert kinds == {"Joint communiqué"}
    assert len(browser.find_elements(By.CSS_SELECTOR, ".cards > li")) < before
    assert active(browser).get_attribute("id") == "results"
    shots("filters-applied")

    # "Load more" on the home page's social wall: reached by Tab, activated by Enter.
    open_app(browser, frontend.url("/en/"))
    posts = len(browser.find_elements(By.CSS_SELECTOR, ".social-wall > li"))
    assert browser.find_element(By.CSS_SELECTOR, ".load-more").is_displayed()
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    more = tab_until(browser, lambda el: "load-more" in (el.get_attribute("class") or ""))
    shots("load-more-focused")
    more.send_keys(Keys.ENTER)
    wait(browser, lambda b: len(b.find_elements(By.CSS_SELECTOR, ".social-wall > li")) > posts)
    focused = active(browser)
    assert focused.tag_name == "li"  # focus moved to the first post that arrived
    assert focused.find_elements(By.XPATH, "ancestor::ul[contains(@class,'social-wall')]")
    assert "Archive post" in focused.text
    shots("load-more-loaded")


AUDITED = {
    "home": "/en/",
    "statement": "/en/statements/joint-communique-ministers-riyadh-2023/",
    "listing": "/en/statements/",
    "arabic-home": "/ar/",
    "in-focus": "/en/in-focus/this-generation-learns-mosul-nineveh/",
    "members": "/en/members/",
}
RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {iframes: false, resultTypes: ["violations"]})
  .then((results) => done(results.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
  }))))
  .catch((error) => done([{id: "axe-error", impact: "critical", help: String(error), nodes: []}]));
"""


def test_axe_finds_no_serious_or_critical_violations(browser, shots, frontend, axe_source, demo):
    report = {}
    for name, path in AUDITED.items():
        open_app(browser, frontend.url(path))
        time.sleep(0.3)  # images settle, so contrast is checked against what is drawn
        browser.execute_script(axe_source)
        report[name] = browser.execute_async_script(RUN_AXE)
        shots(f"axe-{name}")
    (ARTIFACTS / "axe-report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    serious = {
        name: [v for v in violations if v["impact"] in ("serious", "critical")]
        for name, violations in report.items()
    }
    assert serious == {name: [] for name in AUDITED}, json.dumps(serious, indent=2)
