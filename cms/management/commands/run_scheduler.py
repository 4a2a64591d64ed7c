"""Publish and expire scheduled pages on time, without a cron entry: run beside the web server."""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand


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
        while True:
            call_command("publish_scheduled", verbosity=options["verbosity"] - 1)
            if once:
                return
            time.sleep(interval)
