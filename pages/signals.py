"""Keep old WordPress links working: publishing a page with a legacy URL creates its redirect."""

from django.dispatch import receiver

from wagtail.contrib.redirects.models import Redirect
from wagtail.signals import page_published


@receiver(page_published)
def redirect_legacy_url(sender, instance, **kwargs):
    legacy_url = getattr(instance, "legacy_url", "")
    if not legacy_url:
        return
    # Validation keeps two pages from claiming one old address; never re-point an existing one.
    Redirect.objects.get_or_create(
        old_path=Redirect.normalise_path(legacy_url),
        site=instance.get_site(),
        defaults={"redirect_page": instance, "is_permanent": True},
    )
