"""The HTTP surface for front ends and partners.

Wagtail's stock v2 endpoints are mounted for clients that know them; the delivery and partner
APIs are added beside them.
"""

from django.urls import path

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from .listings import SECTIONS, ArticleListApi
from .pages import PageByPathApi
from .site import SiteApi
from .social import SocialPostListApi

router = WagtailAPIRouter("wagtailapi")
router.register_endpoint("pages", PagesAPIViewSet)
router.register_endpoint("images", ImagesAPIViewSet)
router.register_endpoint("documents", DocumentsAPIViewSet)

urlpatterns = [
    path("v2/pages/by-path/", PageByPathApi.as_view(), name="page-by-path"),
    path("v2/site/", SiteApi.as_view(), name="site"),
    path("v2/social-posts/", SocialPostListApi.as_view(), name="social-posts"),
    *(
        path(f"v2/{section}/", ArticleListApi.as_view(section=section), name=f"list-{section}")
        for section in SECTIONS
    ),
    path("v2/", router.urls),
]
