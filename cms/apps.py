from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Coalition CMS"

    def ready(self):
        from wagtail.images import get_image_model

        from .renditions import image_changed, rendition_deleted

        # Images' JSON is cached (cms.renditions): forget it when what it shows changes.
        image_model = get_image_model()
        post_save.connect(image_changed, sender=image_model)
        post_delete.connect(image_changed, sender=image_model)
        post_delete.connect(rendition_deleted, sender=image_model.get_rendition_model())

        from .webhooks.events import connect_receivers as connect_webhooks

        # Page events become signed webhook deliveries (cms.webhooks).
        connect_webhooks()

        from . import checks  # noqa: F401 (registers the deployment checks)
