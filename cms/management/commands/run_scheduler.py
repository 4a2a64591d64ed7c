"""Publish and expire scheduled pages on time, without a cron entry: run beside the web server.

Each run also queues a sweep of webhook deliveries that are due (a retry whose task was lost),
and the database's planner statistics are refreshed at start and hourly (analyze_database).
"""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand

from cms.webhooks.delivery import deliver_due_webhooks

ANALYZE_EVERY = 60 * 60  # seconds


class Command(BaseCommand):
    help = "Run Wagtail's publish_scheduled every --interval seconds until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60, help="Seconds between runs.")
        parser.add_argument("--once", action="store_true", help="Run once and exit.")

    def handle(self, *args, interval, once, **options):
        if interval < 1:
            self.stderr.write("--interval must be at least 1 second.")
            raise SystemExit(2)
        self.stdout.write(f"Scheduler: publishing due pages every {interval}s.")
        analyzed_at = None
        while True:
            call_command("publish_scheduled", verbosity=options["verbosity"] - 1)
            deliver_due_webhooks.enqueue()
            if analyzed_at is None or time.monotonic() - analyzed_at >= ANALYZE_EVERY:
                call_command("analyze_database", verbosity=options["verbosity"] - 1)
                analyzed_at = time.monotonic()
            if once:
                return
            time.sleep(interval)
