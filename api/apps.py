from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "API"

    def ready(self):
        from . import invalidation
        from .partners import ledger

        ledger.connect_receivers()
        invalidation.connect_receivers()
