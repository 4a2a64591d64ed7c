from django.core.management.base import BaseCommand

from api.partners.ledger import rebuild_all


class Command(BaseCommand):
    help = (
        "Bring every statement's partner record up to date. Run once after the first deploy of "
        "the partner API, and after changing FRONTEND_BASE_URL or a site's hostname; it is "
        "idempotent and records only what changed."
    )

    def handle(self, *args, **options):
        count = rebuild_all()
        self.stdout.write(f"Reconciled {count} statements.")
