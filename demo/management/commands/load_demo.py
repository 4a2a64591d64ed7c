"""`manage.py load_demo`: demo content for the Coalition CMS, safe to run again and again."""

import logging
import time
from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from demo.accounts import PASSWORD_FILE, demo_password, ensure_user
from demo.loader import CREATED, UNCHANGED, UPDATED, DemoLoader


class Command(BaseCommand):
    help = (
        "Load demo content built from the design note: members, groups, meetings, statements, "
        "news, In Focus, pages in English, Arabic and French, the social wall and site "
        "settings; and the demo logins. Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-admin",
            action="store_true",
            help="Do not create the demo logins (superuser “admin” and editor “editor”).",
        )

    def handle(self, *args, no_admin=False, verbosity=1, **options):
        started = time.monotonic()
        loader = DemoLoader(write=self.stdout.write)
        with (
            quiet_logger("wagtail", unless=verbosity > 1),
            # Translations are copied under the English slug and renamed before they are first
            # published; Wagtail would otherwise record redirects from addresses never live.
            override_settings(WAGTAILREDIRECTS_AUTO_CREATE=False),
            transaction.atomic(),
        ):
            loader.load()
            if not no_admin:
                password = demo_password()
                with loader.section("Logins"):
                    loader.record("users", ensure_user("admin", password, superuser=True))
                    loader.record("users", ensure_user("editor", password, group="Editors"))

        self.report(loader.counts, time.monotonic() - started)
        if not no_admin:
            self.report_logins(password)

    def report(self, counts, seconds):
        self.stdout.write("")
        self.stdout.write(f"{'':24}{'created':>9}{'updated':>9}{'unchanged':>11}")
        for kind, done in counts.items():
            self.stdout.write(f"{kind:24}{done[CREATED]:>9}{done[UPDATED]:>9}{done[UNCHANGED]:>11}")
        created, updated, unchanged = (
            sum(done[status] for done in counts.values())
            for status in (CREATED, UPDATED, UNCHANGED)
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Done in {seconds:.1f} s: {created} created, {updated} updated, "
                f"{unchanged} unchanged."
            )
        )
        if created or updated:
            # Wagtail updates its search and reference indexes in background tasks.
            self.stdout.write(
                "Run `manage.py db_worker --batch` to bring the search index up to date."
            )

    def report_logins(self, password):
        source = "DEMO_ADMIN_PASSWORD" if settings.DEMO_ADMIN_PASSWORD else PASSWORD_FILE
        self.stdout.write("")
        self.stdout.write(f"Admin:    {settings.WAGTAILADMIN_BASE_URL}/admin/")
        self.stdout.write("Username: admin (superuser), or editor (Editors: can edit, not publish)")
        self.stdout.write(f"Password: {password}  (from {source})")


@contextmanager
def quiet_logger(name, *, unless=False):
    """Wagtail logs each page it publishes; the progress lines say it once per section."""
    logger = logging.getLogger(name)
    level = logger.level
    if not unless:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)
