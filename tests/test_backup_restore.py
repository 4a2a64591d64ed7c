"""The restore drill (docs/operations.md): a small site on PostgreSQL is backed up with
scripts/backup.sh, restored with scripts/restore.sh into a new database and media directory,
and the restored site answers exactly as the original did.

It runs real commands against the machine's PostgreSQL, on databases of its own.
"""

import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BACKUP, RESTORE = str(ROOT / "scripts" / "backup.sh"), str(ROOT / "scripts" / "restore.sh")
SERVER = os.environ.get("BACKUP_DRILL_POSTGRES", "postgres://postgres@127.0.0.1:5432")
# What the drill compares: the site, listings, a page, the partner record and its change feed.
ANSWERS = """
import json
from django.test import Client
from pages.models import StatementPage
client = Client(HTTP_HOST="localhost")
page = StatementPage.objects.live().order_by("pk").first()
urls = [
    "/api/v2/site/?locale=ar",
    "/api/v2/news/",
    "/api/v2/pages/by-path/?path=" + page.get_url_parts()[2],
    "/api/partners/v1/statements/?limit=100",
    "/api/partners/v1/changes/?limit=1000",
    "/api/v2/images/",
]
answers = {url: json.loads(client.get(url).content) for url in urls}
from wagtail.images import get_image_model
files = sorted(image.file.name for image in get_image_model().objects.all())
from django.core.files.storage import default_storage
answers["media files present"] = all(default_storage.exists(name) for name in files)
answers["media files"] = files
print(json.dumps(answers, sort_keys=True))
"""


def run(command, env, **kwargs):
    return subprocess.run(  # noqa: S603 (our own scripts and manage.py)
        command, cwd=ROOT, env=env, capture_output=True, text=True, check=True, **kwargs
    )


def psql(database, sql):
    subprocess.run(  # noqa: S603 (the PostgreSQL client)
        [shutil.which("psql"), f"{SERVER}/{database}", "--quiet", "--command", sql], check=True
    )


@pytest.fixture
def databases():
    """Two fresh, empty databases: the site's and the one to restore into."""
    names = [f"coalition_drill_{uuid.uuid4().hex[:8]}_{role}" for role in ("site", "restored")]
    for name in names:
        psql("postgres", f'CREATE DATABASE "{name}"')
    yield [f"{SERVER}/{name}" for name in names]
    for name in names:
        psql("postgres", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def site_env(database_url, media_root):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.dev",
        "DJANGO_DEBUG": "false",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
        "API_CACHE_TIMEOUT": "0",
    }


def answers(env):
    output = run([sys.executable, "manage.py", "shell", "-c", ANSWERS], env).stdout
    return json.loads(output.strip().splitlines()[-1])  # after the shell's own messages


def test_a_backup_restores_into_a_site_that_answers_the_same(databases, tmp_path):
    site_url, restored_url = databases
    site = site_env(site_url, tmp_path / "media")
    run([sys.executable, "manage.py", "migrate", "--no-input"], site)
    run([sys.executable, "manage.py", "load_demo"], {**site, "DEMO_ADMIN_PASSWORD": "drill"})
    before = answers(site)

    backup = run([BACKUP, str(tmp_path / "backups")], site).stdout.strip()
    restored = site_env(restored_url, tmp_path / "restored-media")
    run([RESTORE, backup], restored)

    after = answers(restored)
    assert before["media files present"] and before["media files"]
    assert after == before

    # Restoring again, over a database that now has content, is refused.
    again = subprocess.run(  # noqa: S603 (our own script)
        [RESTORE, backup], cwd=ROOT, env=restored, capture_output=True, text=True
    )
    assert again.returncode == 1
    assert "already has" in again.stderr
