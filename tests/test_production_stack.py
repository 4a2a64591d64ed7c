"""The production stack, with real parts: the health endpoint, and the Redis task queue run by
a real worker process, as `TASK_BACKEND=redis` configures it."""

import datetime
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import time_machine

from django.core.management import call_command
from django.utils import timezone

from tests import factories

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
DEAD_REDIS = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://:hunter2-secret@127.0.0.1:1/0",  # nothing listens on port 1
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5},
    }
}


def test_health_is_ok_when_everything_answers(client):
    response = client.get("/health/")

    body = response.json()
    assert response.status_code == 200
    assert body["status"] == "ok"
    assert {name: check["ok"] for name, check in body["checks"].items()} == {
        "database": True,
        "cache": True,
        "task_queue": True,
    }
    assert "no-cache" in response["Cache-Control"]


def test_health_is_degraded_not_down_without_the_cache_and_tells_no_secret(client, settings):
    settings.CACHES = DEAD_REDIS

    response = client.get("/health/")

    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["cache"]["ok"] is False
    assert b"hunter2" not in response.content
    assert b"127.0.0.1" not in response.content


def manage(*args, env, timeout=60):
    return subprocess.run(  # noqa: S603 (our own manage.py)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )


def test_the_redis_task_queue_runs_tasks_in_a_real_worker(redis_server, purge_receiver, tmp_path):
    """A CDN purge queued by one process is carried out by `rqworker`, another process."""
    _, redis_url = redis_server
    location = purge_receiver_location(purge_receiver)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'queue.sqlite3'}",
        "TASK_BACKEND": "redis",
        "REDIS_URL": redis_url,
        "FRONTEND_CACHE_BACKEND": "http",
        "FRONTEND_CACHE_LOCATION": location,
    }
    enqueue = (
        "import django; django.setup();"
        "from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache;"
        "purge_urls_from_cache(['http://cms.example.org/api/v2/news/'])"
    )
    queued = subprocess.run(  # noqa: S603 (our own code)
        [sys.executable, "-c", enqueue], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert queued.returncode == 0, queued.stderr
    assert purge_receiver == []  # queued, not done

    manage("rqworker", "default", "--burst", "--job-class", "django_tasks_rq.backend.Job", env=env)

    assert purge_receiver == [("cms.example.org", "/api/v2/news/")]


def purge_receiver_location(purge_receiver):
    from django.conf import settings

    return settings.WAGTAILFRONTENDCACHE["cdn"]["LOCATION"]


def test_production_settings_log_json_lines(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.production",
        "DJANGO_SECRET_KEY": "x" * 64,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'logs.sqlite3'}",
    }
    code = "import django, logging; django.setup(); logging.getLogger('cms').warning('published')"
    result = subprocess.run(  # noqa: S603 (our own code)
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )

    line = json.loads(result.stderr.strip().splitlines()[-1])
    assert line["level"] == "WARNING"
    assert line["logger"] == "cms"
    assert line["message"] == "published"
    assert "time" in line


def test_the_scheduler_publishes_what_is_due_and_the_partner_feed_hears_of_it(
    client, statement_index
):
    go_live = timezone.now() + datetime.timedelta(hours=1)
    page = factories.StatementPageFactory(parent=statement_index, live=False, go_live_at=go_live)
    page.save_revision().publish()  # scheduled, as the editor's "Publish" does with a date
    page.refresh_from_db()
    assert not page.live

    with time_machine.travel(go_live + datetime.timedelta(minutes=1)):
        call_command("run_scheduler", "--once", stdout=io.StringIO())
        page.refresh_from_db()
        changes = client.get("/api/partners/v1/changes/").json()["changes"]

    assert page.live
    assert [(c["event"], c["statement_id"]) for c in changes] == [
        ("published", str(page.translation_key))
    ]


def test_editors_publish_while_the_redis_task_queue_is_down(
    settings, home_page, caplog, django_capture_on_commit_callbacks
):
    """Wagtail and its search index queue tasks inside the editor's transaction; with Redis down
    they run in-process after the commit instead of failing the publish (found by `make load`)."""
    from pages.models import NewsPage

    settings.RQ_QUEUES = {"default": {"URL": "redis://127.0.0.1:1/0"}}  # nothing listens there
    settings.TASKS = {"default": {"BACKEND": "cms.tasks.RQBackend", "QUEUES": ["default"]}}
    page = factories.NewsPageFactory(title="Before the outage")
    page.title = "Kobanî reconstruction fund published during an outage"

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    assert NewsPage.objects.get(pk=page.pk).title == page.title
    assert list(NewsPage.objects.search("Kobanî")) == [page]  # the index task ran here
    assert "Task queue unreachable" in caplog.text


def test_partner_keys_survive_a_secret_key_rotation(client, settings, partner_key):
    """The rotation in docs/operations.md: the new key, the old one as a fallback."""
    url = "/api/partners/v1/statements/"
    old = settings.SECRET_KEY

    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = "n" * 64, [old]
    during = client.get(url, HTTP_AUTHORIZATION=f"Bearer {partner_key}")
    settings.SECRET_KEY_FALLBACKS = []
    after = client.get(url, HTTP_AUTHORIZATION=f"Bearer {partner_key}")

    assert during.status_code == 200
    assert after.status_code == 401  # once the fallback is gone, so is the key: issue new ones
