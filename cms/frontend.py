"""Where things live on the public front end: the one place that turns a page into its URL."""

from django.conf import settings
from django.utils import timezone

from wagtail.models import PageViewRestriction, Site


def page_path(page, request=None):
    """The page's language-prefixed path (“/ar/<slug>/”), or None if it has no route."""
    parts = page.get_url_parts(request)
    return parts[2] if parts else None


def frontend_url(page, request=None):
    path = page_path(page, request)
    return f"{settings.FRONTEND_BASE_URL}{path}" if path is not None else None


def private_paths(request=None):
    """Tree paths of every restricted section (password, login, groups), once per request."""
    paths = getattr(request, "_private_paths", None)
    if paths is None:
        paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
        if request is not None:
            request._private_paths = paths
    return paths


def current_site(request=None):
    """The site answering the request: the front end shows that site's pages only."""
    return (request and Site.find_for_request(request)) or Site.objects.get(is_default_site=True)


def is_public(page, request=None, at=None):
    """Live, not expired (even if the scheduler is late to unpublish it), not restricted, and
    in the site answering the request."""
    at = at or timezone.now()
    if not page.live or (page.expire_at and page.expire_at <= at):
        return False
    if any(page.path.startswith(path) for path in private_paths(request)):
        return False
    url_parts = page.get_url_parts(request)
    return url_parts is not None and url_parts[0] == current_site(request).pk


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


def absolute_document_url(document):
    """Documents are served by the CMS: absolute, so a front end on another origin can link them."""
    url = document.url
    return f"{settings.WAGTAILADMIN_BASE_URL}{url}" if url.startswith("/") else url
