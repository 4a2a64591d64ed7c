from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "API"

    def ready(self):
        from .partners.ledger import connect_receivers

        connect_receivers()
