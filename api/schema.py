"""The OpenAPI 3 description of the API: shared parameters, response shapes and the schema view.

Our endpoints build their JSON by hand, so drf-spectacular cannot infer it: each view's `get()`
carries an `@extend_schema` made of the pieces below. The serializers here only describe shapes
for the schema; nothing serialises through them.
"""

import functools

from drf_spectacular.extensions import OpenApiSerializerExtension, OpenApiViewExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.renderers import (
    OpenApiJsonRenderer,
    OpenApiJsonRenderer2,
    OpenApiYamlRenderer,
    OpenApiYamlRenderer2,
)
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    PolymorphicProxySerializer,
    extend_schema,
)
from drf_spectacular.views import SpectacularAPIView
from rest_framework import serializers

from django.conf import settings

from wagtail.api.rich_text import APIRichText
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import get_page_models

from cms.models.announcements import Announcement
from cms.models.social import Platform
from cms.serializers import TermSerializer

from .cards import KIND_FIELDS
from .params import MAX_SEARCH_WORDS, MAX_TEXT_LENGTH, TEXT_PATTERN


class SchemaApi(SpectacularAPIView):
    """`GET /api/schema/`: the schema as JSON; `?format=yaml` (or an Accept header) for YAML."""

    renderer_classes = [
        OpenApiJsonRenderer,
        OpenApiJsonRenderer2,
        OpenApiYamlRenderer,
        OpenApiYamlRenderer2,
    ]


def public_endpoints(endpoints, **kwargs):
    """Preprocessing hook: only the public API under /api/, not the admin's internal one."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/")]


# Query parameters -------------------------------------------------------------------------------


def text_parameter(name, description, max_length=MAX_TEXT_LENGTH, required=False, pattern=None):
    """Text as `QueryParams.text` reads it: not only spaces, no NUL, at most `max_length`."""
    return OpenApiParameter(
        name,
        {
            "type": "string",
            "minLength": 1,
            "maxLength": max_length,
            "pattern": pattern or TEXT_PATTERN,
        },
        required=required,
        description=description,
    )


def wagtail_text_parameter(name, description):
    """Text as Wagtail's stock endpoints read it: any string, which Wagtail then judges."""
    return OpenApiParameter(name, str, description=description)


def integer_parameter(name, description, minimum, maximum=None, default=None):
    schema = {"type": "integer", "minimum": minimum}
    if maximum is not None:
        schema["maximum"] = maximum
    return OpenApiParameter(name, schema, default=default, description=description)


def choice_parameter(name, description, choices, default=None):
    return OpenApiParameter(name, str, enum=list(choices), default=default, description=description)


LOCALE = choice_parameter(
    "locale",
    "The language of the content.",
    [code for code, _ in settings.LANGUAGES],
    settings.LANGUAGE_CODE,
)
CURSOR = text_parameter(
    "cursor", "The `next` value of the previous response, for the page after it.", max_length=500
)
SEARCH = text_parameter(
    "q", f"Search words (at most {MAX_SEARCH_WORDS}); results are then ordered by relevance."
)


def limit_parameter(default, maximum):
    return integer_parameter("limit", "How many items per response.", 1, maximum, default)


# Response shapes --------------------------------------------------------------------------------

LANGUAGES = settings.LANGUAGES
DIRECTIONS = [("ltr", "Left to right"), ("rtl", "Right to left")]


class OpenShape(serializers.Serializer):
    """A shape whose listed fields are always there, with others beside them."""


class OpenShapeSchema(OpenApiSerializerExtension):
    """Adds `additionalProperties: true` to the component of every `OpenShape`."""

    target_class = OpenShape
    match_subclasses = True

    def map_serializer(self, auto_schema, direction):
        schema = auto_schema._map_basic_serializer(self.target, direction)
        return {**schema, "additionalProperties": True}


class RenditionSerializer(serializers.Serializer):
    url = serializers.URLField()
    webp = serializers.URLField(help_text="The same rendition in WebP.")
    width = serializers.IntegerField()
    height = serializers.IntegerField()


class ImageSerializer(serializers.Serializer):
    """An image with its renditions for one use, e.g. `card` and `thumbnail` on a card."""

    id = serializers.IntegerField()
    alt = serializers.CharField()
    caption = serializers.CharField(allow_blank=True)
    credit = serializers.CharField(allow_blank=True)
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    renditions = serializers.DictField(
        child=RenditionSerializer(),
        help_text="By name: thumbnail, card, hero or full, as the use of the image needs.",
    )


class PageReferenceSerializer(serializers.Serializer):
    """A link to a page."""

    id = serializers.IntegerField()
    type = serializers.CharField(help_text="The page type, e.g. `pages.StatementPage`.")
    title = serializers.CharField()
    url = serializers.URLField(allow_null=True, help_text="On the public front end.")
    path = serializers.CharField(allow_null=True, help_text="Language-prefixed, e.g. `/en/news/`.")


class CardSerializer(PageReferenceSerializer):
    """A news item, statement or In Focus feature as listings show it."""

    locale = serializers.ChoiceField(choices=LANGUAGES)
    date = serializers.DateField()
    summary = serializers.CharField(allow_blank=True)
    kind = serializers.ChoiceField(
        choices=sorted(
            {
                value
                for model, field in KIND_FIELDS.items()
                for value, _ in model._meta.get_field(field).choices
            }
        ),
        help_text="The type of news, statement or feature.",
    )
    image = ImageSerializer(allow_null=True)
    lines_of_effort = TermSerializer(many=True)
    hashtags = serializers.ListField(child=serializers.CharField(), help_text="Without “#”.")


class CardListSerializer(serializers.Serializer):
    items = CardSerializer(many=True)
    next = serializers.CharField(
        allow_null=True, help_text="Pass as `cursor` for the next page; null on the last page."
    )


class PageMetaSerializer(serializers.Serializer):
    seo_title = serializers.CharField()
    search_description = serializers.CharField(allow_blank=True)
    canonical_url = serializers.URLField(allow_null=True)
    social_image = ImageSerializer(allow_null=True)
    first_published_at = serializers.DateTimeField(allow_null=True)
    last_published_at = serializers.DateTimeField(allow_null=True)


class TranslationSerializer(serializers.Serializer):
    locale = serializers.ChoiceField(choices=LANGUAGES)
    title = serializers.CharField()
    url = serializers.URLField(allow_null=True)
    path = serializers.CharField(allow_null=True)


class PageDocumentSerializer(PageReferenceSerializer, OpenShape):
    """A whole page: this envelope, then the fields of its type (`body`, `date`, …)."""

    locale = serializers.ChoiceField(choices=LANGUAGES)
    dir = serializers.ChoiceField(choices=DIRECTIONS)
    meta = PageMetaSerializer()
    breadcrumbs = PageReferenceSerializer(many=True, help_text="From the home page down.")
    translations = TranslationSerializer(many=True, help_text="The page in other languages.")
    related = CardSerializer(many=True)


class PreviewDocumentSerializer(PageDocumentSerializer):
    """An editor's unsaved page, shaped as the published page would be."""

    preview = serializers.BooleanField(help_text="Always true.")


REDIRECT_TYPES = [("redirect", "Redirect")]


class RedirectSerializer(serializers.Serializer):
    """Where a path that has no page redirects to."""

    type = serializers.ChoiceField(choices=REDIRECT_TYPES)
    location = serializers.URLField()
    is_permanent = serializers.BooleanField()


PAGE_OR_REDIRECT = PolymorphicProxySerializer(
    component_name="PageOrRedirect",
    serializers=[PageDocumentSerializer, RedirectSerializer],
    resource_type_field_name=None,
)


class SiteLocaleSerializer(serializers.Serializer):
    code = serializers.ChoiceField(choices=LANGUAGES)
    name = serializers.CharField()
    dir = serializers.ChoiceField(choices=DIRECTIONS)
    home_path = serializers.CharField(allow_null=True)


class CookieNoticeSerializer(serializers.Serializer):
    text = serializers.CharField(allow_blank=True)
    policy = PageReferenceSerializer(allow_null=True)


class FooterSerializer(serializers.Serializer):
    text = serializers.CharField(allow_blank=True)
    copyright = serializers.CharField(allow_blank=True)


class SocialLinkSerializer(serializers.Serializer):
    platform = serializers.ChoiceField(choices=Platform.choices)
    url = serializers.URLField()
    label = serializers.CharField()


class LinkSerializer(serializers.Serializer):
    label = serializers.CharField()
    url = serializers.URLField()


class AnnouncementSerializer(serializers.Serializer):
    text = serializers.CharField()
    style = serializers.ChoiceField(choices=Announcement.Style.choices)
    key_messages = serializers.ListField(child=serializers.CharField())
    link = LinkSerializer(allow_null=True)
    active_from = serializers.DateTimeField()
    active_until = serializers.DateTimeField(allow_null=True)


class LineOfEffortSerializer(TermSerializer):
    summary = serializers.CharField(allow_blank=True)


class SiteSerializer(serializers.Serializer):
    """Everything site-wide a front end needs for one language."""

    locale = serializers.ChoiceField(choices=LANGUAGES)
    dir = serializers.ChoiceField(choices=DIRECTIONS)
    locales = SiteLocaleSerializer(many=True, help_text="The languages the site is published in.")
    home = PageReferenceSerializer()
    navigation = PageReferenceSerializer(many=True)
    cookie_notice = CookieNoticeSerializer()
    footer = FooterSerializer()
    social_links = SocialLinkSerializer(many=True)
    announcement = AnnouncementSerializer(allow_null=True)
    member_count = serializers.IntegerField()
    lines_of_effort = LineOfEffortSerializer(many=True)


class SocialAccountSerializer(serializers.Serializer):
    handle = serializers.CharField()
    name = serializers.CharField()
    url = serializers.URLField()


class SocialPostSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    platform = serializers.ChoiceField(choices=Platform.choices)
    account = SocialAccountSerializer()
    text = serializers.CharField(allow_blank=True)
    image = ImageSerializer(allow_null=True)
    hashtags = serializers.ListField(child=serializers.CharField(), help_text="Without “#”.")
    posted_at = serializers.DateTimeField()
    permalink = serializers.URLField()
    pinned = serializers.BooleanField()


class SocialPostListSerializer(serializers.Serializer):
    items = SocialPostSerializer(many=True)
    next = serializers.CharField(
        allow_null=True, help_text="Pass as `cursor` for more posts; null when there are none."
    )


class ProblemSerializer(serializers.Serializer):
    """An error as RFC 9457 problem details."""

    type = serializers.CharField(help_text="`about:blank`: the status says what kind of error.")
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField(help_text="What was wrong, for a person to read.")
    parameter = serializers.CharField(
        required=False, help_text="The query parameter at fault, when there is one."
    )


def problem(description):
    """A problem-details response, keyed by (status, media type) in `responses`."""
    return OpenApiResponse(ProblemSerializer, description=description)


INVALID_PARAMETER = problem("A query parameter is unknown, repeated or invalid: see `parameter`.")


# The listings: one view, one operation per section ----------------------------------------------


class SectionListSchema(AutoSchema):
    """ArticleListApi serves every section (`as_view(section=…)`): each gets its own operation id
    and the `type` values of its own page types."""

    def get_operation_id(self):
        return f"list_{self.view.section.replace('-', '_')}"

    def get_summary(self):
        return f"Cards in the {self.view.section} listing"

    def get_override_parameters(self):
        # listings imports this module for its decorator, so it is imported here, when needed.
        from .listings import SECTIONS, kind_choices

        kinds = kind_choices(SECTIONS[self.view.section])
        type_ = choice_parameter("type", "Only cards of this kind.", kinds)
        return [*super().get_override_parameters(), type_]


# Wagtail's stock v2 endpoints --------------------------------------------------------------------


class WagtailItemSerializer(OpenShape):
    """An object as Wagtail's v2 API shows it; `fields` chooses which fields beside `id`."""

    id = serializers.IntegerField()
    meta = serializers.DictField(help_text="`type`, `detail_url` and others, by endpoint.")


class WagtailListMetaSerializer(serializers.Serializer):
    total_count = serializers.IntegerField()


class WagtailListSerializer(serializers.Serializer):
    meta = WagtailListMetaSerializer()
    items = WagtailItemSerializer(many=True)


class WagtailErrorSerializer(serializers.Serializer):
    message = serializers.CharField()


WAGTAIL_ERROR = OpenApiResponse(WagtailErrorSerializer, description="What was wrong.")
WAGTAIL_FIELDS = wagtail_text_parameter(
    "fields",
    "Comma-separated fields to add; `-name` removes one, `*` starts from all, `_` from none; "
    "`name(sub,fields)` for a related object's.",
)


def wagtail_listing_parameters(pages):
    limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)  # None or 0: no limit
    parameters = [
        integer_parameter(
            "limit", "How many items per response.", 0, limit_max or None, min(20, limit_max or 20)
        ),
        integer_parameter("offset", "How many items to skip.", 0, default=0),
        WAGTAIL_FIELDS,
        wagtail_text_parameter(
            "order", "A field to order by, `-field` for descending, or `random`."
        ),
        wagtail_text_parameter("search", "Search words; results are ordered by relevance."),
        choice_parameter("search_operator", "How search words combine.", ["and", "or"], "or"),
    ]
    if pages:
        page_types = sorted(model._meta.label for model in get_page_models())
        parameters += [
            OpenApiParameter(
                "type",
                {"type": "array", "items": {"type": "string", "enum": page_types}},
                style="form",
                explode=False,
                description="Only pages of these types (comma-separated); "
                "then their own fields can be asked for and filtered on (`?slug=…`).",
            ),
            wagtail_text_parameter("child_of", "A page id, or `root`: only its children."),
            integer_parameter("ancestor_of", "A page id: only its ancestors.", 1),
            wagtail_text_parameter("descendant_of", "A page id, or `root`: only its descendants."),
            integer_parameter("translation_of", "A page id: only its translations.", 1),
            choice_parameter("locale", "Only pages in this language.", LOCALE.enum),
            wagtail_text_parameter("site", "A site's hostname (and `:port`): only its pages."),
            choice_parameter(
                "rich_text_format",
                "How rich text is given.",
                [
                    APIRichText.FORMAT_HTML,
                    APIRichText.FORMAT_DB_HTML,
                    APIRichText.FORMAT_MARKDOWN,
                    APIRichText.FORMAT_DB_MARKDOWN,
                ],
                APIRichText.get_default_format(),
            ),
        ]
    return parameters


def documented(view_method, **schema):
    """`view_method` under `@extend_schema(**schema)`, leaving the original undecorated."""

    @extend_schema(**schema)
    @functools.wraps(view_method)
    def wrapper(self, *args, **kwargs):
        return view_method(self, *args, **kwargs)

    return wrapper


# What each endpoint serves; not the viewset's `name`, which DRF's `as_view()` resets to None.
WAGTAIL_OBJECTS = {
    PagesAPIViewSet: "page",
    ImagesAPIViewSet: "image",
    DocumentsAPIViewSet: "document",
}


class WagtailEndpointSchema(OpenApiViewExtension):
    """Wagtail's viewsets build their serializers per request, so they are described here."""

    target_class = "wagtail.api.v2.views.BaseAPIViewSet"
    match_subclasses = True

    def view_replacement(self):
        singular = next(
            (noun for base, noun in WAGTAIL_OBJECTS.items() if issubclass(self.target, base)),
            self.target.model._meta.model_name,
        )
        name = f"{singular}s"
        pages = issubclass(self.target, PagesAPIViewSet)
        find_by = [OpenApiParameter("id", int, description=f"The {singular}'s id.")]
        if pages:
            find_by.append(
                wagtail_text_parameter("html_path", "The page's path, e.g. `/en/news/`.")
            )

        class Documented(self.target):
            listing_view = documented(
                self.target.listing_view,
                operation_id=f"list_wagtail_{name}",
                summary=f"Wagtail's {name} listing",
                parameters=wagtail_listing_parameters(pages),
                responses={
                    200: WagtailListSerializer,
                    400: WAGTAIL_ERROR,
                    # Wagtail's answer to a `site` that is no site's hostname.
                    **({404: WAGTAIL_ERROR} if pages else {}),
                },
            )
            detail_view = documented(
                self.target.detail_view,
                operation_id=f"get_wagtail_{singular}",
                summary=f"One of Wagtail's {name}",
                parameters=[WAGTAIL_FIELDS],
                responses={200: WagtailItemSerializer, 400: WAGTAIL_ERROR, 404: WAGTAIL_ERROR},
            )
            find_view = documented(
                self.target.find_view,
                operation_id=f"find_wagtail_{singular}",
                summary=f"Find one of Wagtail's {name}",
                description="Redirects to the detail URL, keeping the other query parameters.",
                parameters=find_by,
                responses={
                    302: OpenApiResponse(description="To the detail URL."),
                    400: WAGTAIL_ERROR,  # an `id` that is not a number (api.stock)
                    404: WAGTAIL_ERROR,
                },
            )

        return Documented
