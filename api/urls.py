"""The HTTP surface for front ends and partners.

Wagtail's stock v2 endpoints are mounted for clients that know them; the delivery and partner
APIs are added beside them.
"""

from drf_spectacular.views import SpectacularSwaggerView

from django.urls import include, path

from wagtail.api.v2.router import WagtailAPIRouter

from .listings import SECTIONS, ArticleListApi
from .pages import PageByPathApi
from .preview import PagePreviewApi
from .schema import SchemaApi
from .site import SiteApi
from .sitemap import sitemap_view
from .social import SocialPostListApi
from .stock import PublicDocumentsAPIViewSet, PublicImagesAPIViewSet, PublicPagesAPIViewSet

router = WagtailAPIRouter("wagtailapi")
router.register_endpoint("pages", PublicPagesAPIViewSet)
router.register_endpoint("images", PublicImagesAPIViewSet)
router.register_endpoint("documents", PublicDocumentsAPIViewSet)

urlpatterns = [
    path("v2/pages/by-path/", PageByPathApi.as_view(), name="page-by-path"),
    path("v2/preview/", PagePreviewApi.as_view(), name="page-preview"),
    path("v2/site/", SiteApi.as_view(), name="site"),
    path("v2/sitemap.xml", sitemap_view, name="sitemap"),
    path("v2/social-posts/", SocialPostListApi.as_view(), name="social-posts"),
    *(
        path(f"v2/{section}/", ArticleListApi.as_view(section=section), name=f"list-{section}")
        for section in SECTIONS
    ),
    path("v2/", router.urls),
    path("partners/v1/", include("api.partners.urls")),
    path("schema/", SchemaApi.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="docs"),
]
