"""Wagtail's stock v2 endpoints, kept for clients that know them, under the project's rules.

Stock v2 already hides drafts, private pages and private collections. Here it also hides a page
whose expiry has passed before the scheduler unpublishes it, and pages outside the requesting
site; it answers 400 rather than 500 to an offset beyond any database integer, an unknown
search operator or a `find` id that is not a number, and its answers carry the same caching
headers as ours.
"""

from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.fields import RichTextField
from wagtail.images.api.v2.views import ImagesAPIViewSet

from .fields import SafeRichTextFieldSerializer
from .http import cacheable
from .params import INTEGER
from .visibility import public_pages

SEARCH_OPERATORS = {"and", "or"}


class StockEndpointMixin:
    def find_object(self, queryset, request):
        # Wagtail hands `id` to the database as it came; text there is a 500 in stock v2.
        value = request.GET.get("id")
        if value is not None and not INTEGER.fullmatch(value):
            raise BadRequestError("id must be a whole number")
        return super().find_object(queryset, request)

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        for name in ("offset", "limit"):
            value = self.request.GET.get(name)
            if value is not None and not INTEGER.fullmatch(value):
                raise BadRequestError(f"{name} must be a whole number")
        operator = self.request.GET.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            cacheable(response)
        return response


class SafePageSerializer(PageSerializer):
    """Rich text fields from sanitised HTML, as on our own endpoints (api.fields)."""

    serializer_field_mapping = {
        **PageSerializer.serializer_field_mapping,
        RichTextField: SafeRichTextFieldSerializer,
    }


class PublicPagesAPIViewSet(StockEndpointMixin, PagesAPIViewSet):
    base_serializer_class = SafePageSerializer

    def get_base_queryset(self):
        return public_pages(super().get_base_queryset(), self.request)


class PublicImagesAPIViewSet(StockEndpointMixin, ImagesAPIViewSet):
    pass


class PublicDocumentsAPIViewSet(StockEndpointMixin, DocumentsAPIViewSet):
    pass
