"""Where things live on the public front end: the one place that turns a page into its URL."""

from django.conf import settings
from django.utils import timezone


def page_path(page, request=None):
    """The page's language-prefixed path (“/ar/<slug>/”), or None if it has no route."""
    parts = page.get_url_parts(request)
    return parts[2] if parts else None


def frontend_url(page, request=None):
    path = page_path(page, request)
    return f"{settings.FRONTEND_BASE_URL}{path}" if path is not None else None


def is_public(page, at=None):
    """Live, not expired (even if the scheduler is late to unpublish it), not restricted."""
    at = at or timezone.now()
    if not page.live or (page.expire_at and page.expire_at <= at):
        return False
    return not page.get_view_restrictions().exists()


def page_reference(page, request=None):
    """A link to another page, as blocks and cards show it: {id, type, title, url, path}."""
    path = page_path(page, request)
    return {
        "id": page.pk,
        "type": page.specific_class._meta.label if page.specific_class else "wagtailcore.Page",
        "title": page.title,
        "url": f"{settings.FRONTEND_BASE_URL}{path}" if path is not None else None,
        "path": path,
    }
