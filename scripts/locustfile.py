"""Traffic for `make load` (scripts/load_test.py): front-end readers and partner syncs.

Run by load_test.py as `locust --headless`; it names the server (--host), and in LOAD_TEST_PLAN a
JSON file of what to ask for ({"paths": [...], "words": [...], "key": "..."}) and in
LOAD_TEST_LOG the file to which every request is appended as one tab-separated line:
start time (Unix seconds), name, status (0: no answer, the connection failed), milliseconds,
error. load_test.py cuts those lines into its phases by time.
"""

import json
import os
import random
from urllib.parse import urlsplit

from locust import FastHttpUser, between, events, task

PLAN = json.loads(open(os.environ["LOAD_TEST_PLAN"]).read())  # noqa: SIM115 — once, at import
HEADERS = {"Accept": "application/json"}
PARTNER_PAGE = 100
_log = None


@events.test_start.add_listener
def open_log(**kwargs):
    global _log
    _log = open(os.environ["LOAD_TEST_LOG"], "a", buffering=1)  # noqa: SIM115 — until test_stop


@events.request.add_listener
def record(request_type, name, response_time, response_length, response, exception, **kwargs):
    status = getattr(response, "status_code", 0) or 0
    error = "" if exception is None else type(exception).__name__
    if _log is not None:
        _log.write(f"{kwargs['start_time']:.3f}\t{name}\t{status}\t{response_time:.1f}\t{error}\n")


@events.test_stop.add_listener
def close_log(**kwargs):
    if _log is not None:
        _log.close()


def local(url):
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


class FrontEndReader(FastHttpUser):
    """A front end rendering pages for readers: pages by path, listings, the site, search."""

    weight = 3
    wait_time = between(0.1, 0.6)

    def get(self, path, name):
        self.client.get(path, headers=HEADERS, name=name)

    @task(6)
    def by_path(self):
        path = random.choice(PLAN["paths"])  # noqa: S311 — traffic, not secrets
        self.get(f"/api/v2/pages/by-path/?path={path}", "by-path")

    @task(3)
    def listing(self):
        kind = random.choice(["news", "statements", "latest"])  # noqa: S311
        ordering = random.choice(["", "&ordering=date", "&ordering=-date"])  # noqa: S311
        self.get(f"/api/v2/{kind}/?locale=en&limit=20{ordering}", "listing")

    @task(2)
    def site(self):
        self.get("/api/v2/site/?locale=en", "site")

    @task(1)
    def search(self):
        word = random.choice(PLAN["words"])  # noqa: S311
        self.get(f"/api/v2/news/?locale=en&q={word}", "search")

    @task(1)
    def social_posts(self):
        self.get("/api/v2/social-posts/?locale=en", "social-posts")


class PartnerSync(FastHttpUser):
    """A partner's system mirroring the statements: the list through its cursor, CSV, the change
    feed; half the time with its key (never cached), half without (cached, rate-limited)."""

    weight = 1
    wait_time = between(0.5, 2)

    def headers(self):
        if random.random() < 0.5:  # noqa: S311
            return {**HEADERS, "Authorization": f"Bearer {PLAN['key']}"}, "key"
        return HEADERS, "anon"

    @task(2)
    def statements_through_cursor(self):
        headers, who = self.headers()
        path = f"/api/partners/v1/statements/?limit={PARTNER_PAGE}"
        while path:
            with self.client.get(
                path, headers=headers, name=f"partners: list ({who})", catch_response=True
            ) as response:
                if response.status_code != 200:
                    response.failure(f"HTTP {response.status_code}")
                    return
                following = response.json().get("next")
            path = local(following) if following else None

    @task(1)
    def statements_csv(self):
        headers, who = self.headers()
        self.client.get(
            f"/api/partners/v1/statements/?limit={PARTNER_PAGE}&format=csv",
            headers=headers,
            name=f"partners: csv ({who})",
        )

    @task(2)
    def change_feed(self):
        headers, who = self.headers()
        since, more = 0, True
        while more:
            with self.client.get(
                f"/api/partners/v1/changes/?since={since}&limit={PARTNER_PAGE}",
                headers=headers,
                name=f"partners: changes ({who})",
                catch_response=True,
            ) as response:
                if response.status_code != 200:
                    response.failure(f"HTTP {response.status_code}")
                    return
                page = response.json()
            since, more = page["next"], page["has_more"]
