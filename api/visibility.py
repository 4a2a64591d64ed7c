"""What the public may see: the one filter every public endpoint applies to pages.

Live, not expired (even when the scheduler is late to unpublish), outside every private section
(password, login or group restrictions, and their descendants), and inside the site that answers
the request, in any of its languages.
"""

from django.db.models import Q
from django.utils import timezone

from wagtail.models import Site

from cms.frontend import current_site, is_public, page_reference, private_paths


def site_root_paths(request):
    site = current_site(request)
    return [root.root_path for root in Site.get_site_root_paths() if root.site_id == site.pk]


def public_pages(queryset, request, at=None):
    at = at or timezone.now()
    in_site = Q()
    for root_path in site_root_paths(request):
        in_site |= Q(url_path__startswith=root_path)
    private = Q()
    for path in private_paths(request):
        private |= Q(path__startswith=path)
    return (
        queryset.live()
        .exclude(private)
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=at))
        .filter(in_site or Q(pk__in=[]))
    )


def public_reference(page, request):
    """{id, type, title, url, path} for a page the public may see; None otherwise."""
    if page is None or not is_public(page, request):
        return None
    return page_reference(page.specific_deferred, request)
