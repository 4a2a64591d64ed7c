"""`GET /api/v2/sitemap.xml`: every public page at its front-end address, for search engines.

The front end serves it at its own `/sitemap.xml` (a proxy or a copy). Built with Wagtail's
sitemap framework over the one visibility rule (api.visibility): the site's pages in every
language, nothing expired, restricted or from another site.
"""

from django.utils.cache import patch_cache_control

from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.models import Page

from .http import PUBLIC_CACHE
from .visibility import public_pages


class FrontendSitemap(Sitemap):
    def items(self):
        pages = public_pages(Page.objects.all(), self.request)
        return pages.order_by("path").defer_streamfields().specific()


def sitemap_view(request):
    response = sitemap(request, sitemaps={"pages": FrontendSitemap})
    response.render()
    patch_cache_control(response, **PUBLIC_CACHE)
    return response
