"""Refresh the database's planner statistics, so listings walk the date index.

PostgreSQL's autovacuum does this by itself; SQLite never does, and without statistics its
planner sorts a whole table for a page of twenty. run_scheduler calls this at start and hourly.
"""

from django.core.management.base import BaseCommand
from django.db import connection


class Command(BaseCommand):
    help = "Refresh planner statistics (ANALYZE)."

    def handle(self, *args, **options):
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(f"Planner statistics refreshed ({connection.vendor}).")
