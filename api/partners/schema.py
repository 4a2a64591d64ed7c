"""OpenAPI description of the partner API: its parameters and the shapes of its records.

Records are built by hand (api.partners.records), so these serializers only describe them.
"""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, OpenApiTypes
from rest_framework import serializers

from django.conf import settings

from api.params import MAX_ID, SPACE
from api.problems import PROBLEM_CONTENT_TYPE
from api.schema import (
    DIRECTIONS,
    INVALID_PARAMETER,
    SEARCH,
    TermSerializer,
    choice_parameter,
    integer_parameter,
    problem,
    text_parameter,
)
from cms.models import Member

from .query import FACETS, ROLES, SORT_CHOICES, TYPES

TAGS = ["Partners"]
LANGUAGE_CODES = [code for code, _ in settings.LANGUAGES]
ANY_LOCALE = choice_parameter(
    "locale", "Only this language; all languages if absent.", LANGUAGE_CODES
)
ONE_LOCALE = choice_parameter("locale", "The language.", LANGUAGE_CODES, settings.LANGUAGE_CODE)
LIMIT = integer_parameter(
    "limit", "Items per response: at most 100 without a partner key, 1,000 with one.", 1, 1000, 100
)
ERRORS = {
    (400, PROBLEM_CONTENT_TYPE): INVALID_PARAMETER,
    (401, PROBLEM_CONTENT_TYPE): problem("The partner key sent is not valid or was revoked."),
    (429, PROBLEM_CONTENT_TYPE): problem("Over the rate limit: retry after `Retry-After` seconds."),
    (503, PROBLEM_CONTENT_TYPE): problem(
        "Briefly without its database (a restart): retry after `Retry-After` seconds."
    ),
}


class PartnerKeyScheme(OpenApiAuthenticationExtension):
    target_class = "api.partners.access.PartnerKeyAuthentication"
    name = "partnerKey"

    def get_security_requirement(self, auto_schema):
        # The key is optional: `{}` is OpenAPI's "or no authentication at all".
        return [{self.name: []}, {}]

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "Optional: a partner key raises the rate limit and the page size.",
        }


# A comma-separated list of facet names, spaces allowed around each (as views.read_facets reads it).
FACET_NAME = rf"[{SPACE}]*({'|'.join(FACETS)})[{SPACE}]*"
FACETS_PATTERN = rf"^{FACET_NAME}(,{FACET_NAME})*$"


def date_parameter(name, description):
    return OpenApiParameter(name, OpenApiTypes.DATE, description=description)


class PartnerMemberRefSerializer(serializers.Serializer):
    id = serializers.UUIDField(help_text="The member's id in every language.")
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=Member.Kind.choices)
    iso_code = serializers.CharField(allow_null=True, help_text="ISO 3166-1 alpha-2, for states.")
    acronym = serializers.CharField(allow_null=True, help_text="For organisations.")


class PartnerIssuerSerializer(PartnerMemberRefSerializer):
    role = serializers.ChoiceField(choices=ROLES)


class PartnerMeetingRefSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    title = serializers.CharField()
    kind = serializers.CharField()
    starts_on = serializers.DateField()
    ends_on = serializers.DateField(allow_null=True)
    city = serializers.CharField()


class PartnerAttachmentSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.URLField()
    size = serializers.IntegerField(allow_null=True, help_text="Bytes.")
    content_type = serializers.CharField()


class PartnerSourceSerializer(serializers.Serializer):
    name = serializers.CharField()
    url = serializers.URLField(allow_null=True)


class PartnerTranslationRefSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    locale = serializers.ChoiceField(choices=settings.LANGUAGES)
    url = serializers.URLField(help_text="On the public website.")
    api_url = serializers.URLField()


class PartnerRevisionSerializer(serializers.Serializer):
    revision = serializers.IntegerField()
    published_at = serializers.DateTimeField()
    content_hash = serializers.CharField()


class PartnerStatementSerializer(serializers.Serializer):
    id = serializers.UUIDField(help_text="Permanent; shared by every translation.")
    locale = serializers.ChoiceField(choices=settings.LANGUAGES)
    dir = serializers.ChoiceField(choices=DIRECTIONS)
    url = serializers.URLField(help_text="The canonical address on the public website.")
    api_url = serializers.URLField()
    translations = PartnerTranslationRefSerializer(
        many=True, help_text="Its other published languages."
    )
    title = serializers.CharField()
    type = serializers.ChoiceField(choices=TYPES)
    type_label = serializers.CharField()
    date = serializers.DateField(help_text="The day it was issued.")
    meeting = PartnerMeetingRefSerializer(allow_null=True)
    place = serializers.CharField()
    group = TermSerializer(allow_null=True)
    on_behalf_of_all_members = serializers.BooleanField()
    issuers = PartnerIssuerSerializer(many=True, help_text="In the order the statement names them.")
    members_welcomed = PartnerMemberRefSerializer(many=True)
    lines_of_effort = TermSerializer(many=True)
    regions = TermSerializer(many=True)
    hashtags = serializers.ListField(child=serializers.CharField())
    summary = serializers.CharField()
    attribution = serializers.CharField()
    body_html = serializers.CharField(help_text="Links point at the public website.")
    body_text = serializers.CharField()
    attachments = PartnerAttachmentSerializer(many=True)
    source = PartnerSourceSerializer(
        allow_null=True, help_text="Where the text was first published."
    )
    first_published = serializers.DateTimeField()
    last_published = serializers.DateTimeField(help_text="When this revision was published.")
    revision = serializers.IntegerField(help_text="Rises with each published change of content.")
    content_hash = serializers.CharField(help_text="SHA-256 of the content, not of the links.")
    history = PartnerRevisionSerializer(many=True)


class PartnerFacetSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()


class PartnerFacetsSerializer(serializers.Serializer):
    type = PartnerFacetSerializer(many=True, required=False)
    issuer = PartnerFacetSerializer(many=True, required=False)
    year = PartnerFacetSerializer(many=True, required=False)
    line_of_effort = PartnerFacetSerializer(many=True, required=False)


class PartnerStatementListSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text="Matches in the whole listing.")
    as_of = serializers.DateTimeField(help_text="The moment the listing shows, fixed by page 1.")
    changes_cursor = serializers.CharField(
        help_text="Where the change feed stood at `as_of`: pass it as `since` to keep a copy "
        "made from this listing up to date."
    )
    next = serializers.URLField(allow_null=True)
    items = PartnerStatementSerializer(many=True)
    facets = PartnerFacetsSerializer(required=False)


class PartnerChangeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    event = serializers.ChoiceField(
        choices=["published", "updated", "moved", "unpublished", "deleted"]
    )
    statement_id = serializers.UUIDField()
    locale = serializers.ChoiceField(choices=settings.LANGUAGES)
    time = serializers.DateTimeField()
    revision = serializers.IntegerField()
    statement = PartnerStatementSerializer(
        allow_null=True, help_text="The record now, if it is public now; null otherwise."
    )


class PartnerChangeFeedSerializer(serializers.Serializer):
    next = serializers.CharField(help_text="Pass as `since` next time.")
    has_more = serializers.BooleanField()
    changes = PartnerChangeSerializer(many=True)


class PartnerMemberSerializer(PartnerMemberRefSerializer):
    official_name = serializers.CharField()
    region = serializers.CharField(allow_null=True)
    joined_on = serializers.DateField(allow_null=True)
    joined_on_precision = serializers.ChoiceField(choices=["day", "month", "year"])
    join_order = serializers.IntegerField(allow_null=True)
    founding = serializers.BooleanField()


class PartnerRoleSerializer(serializers.Serializer):
    member = PartnerMemberRefSerializer()
    role = serializers.CharField()
    started_on = serializers.DateField(allow_null=True)
    ended_on = serializers.DateField(allow_null=True)


class PartnerGroupSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    slug = serializers.CharField()
    name = serializers.CharField()
    description = serializers.CharField()
    established_on = serializers.DateField(allow_null=True)
    roles = PartnerRoleSerializer(many=True)


class PartnerHostSerializer(serializers.Serializer):
    member = PartnerMemberRefSerializer()
    role = serializers.CharField()


class PartnerMeetingSerializer(PartnerMeetingRefSerializer):
    format = serializers.CharField()
    group = serializers.CharField(allow_null=True)
    participant_count = serializers.IntegerField(allow_null=True)
    hosts = PartnerHostSerializer(many=True)


class PartnerLineOfEffortSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    slug = serializers.CharField()
    name = serializers.CharField()
    summary = serializers.CharField()


def item_list(name, serializer):
    return type(name, (serializers.Serializer,), {"items": serializer(many=True)})


STATEMENT_LIST = {
    "tags": TAGS,
    "operation_id": "partners_statements_list",
    "description": "Statements, filtered, sorted and paginated by cursor. The listing shows "
    "the moment its first page was served (`as_of`): statements published or edited while you "
    "page through it cannot be skipped or repeated. `format` (or Accept) gives the same query "
    "as CSV, RSS 2.0, Atom 1.0 or JSON Feed 1.1.",
    "parameters": [
        ANY_LOCALE,
        choice_parameter("type", "Only this type of statement.", TYPES),
        text_parameter("issuer", "Issued by this member: ISO code (“IQ”) or acronym (“EU”).", 20),
        choice_parameter("issuer_role", "Only where an issuer has this role.", ROLES),
        text_parameter("group", "Issued by this group (slug).", 80),
        OpenApiParameter("meeting", OpenApiTypes.UUID, description="Issued at this meeting (id)."),
        text_parameter("line_of_effort", "In this line of effort (slug).", 80),
        text_parameter("region", "About this region (slug).", 80),
        text_parameter("hashtag", "With this hashtag; “#” is optional.", 100),
        date_parameter("date_from", "Issued on or after this day."),
        date_parameter("date_to", "Issued on or before this day."),
        OpenApiParameter(
            "updated_since",
            OpenApiTypes.DATETIME,
            description="Only revisions published at or after this time (ISO 8601; UTC if no "
            "zone). For a mirror, the change feed also reports what was withdrawn.",
        ),
        SEARCH,
        choice_parameter(
            "sort", "By date issued or last update, “-” for newest first.", SORT_CHOICES, "-date"
        ),
        text_parameter(
            "facets",
            f"Comma-separated counts to add: {', '.join(FACETS)}.",
            100,
            pattern=FACETS_PATTERN,
        ),
        LIMIT,
        text_parameter("cursor", "From the previous response's `next` URL.", 500),
        choice_parameter(
            "format", "The response format.", ["json", "csv", "rss", "atom", "jsonfeed"], "json"
        ),
    ],
    "responses": {
        (200, "application/json"): PartnerStatementListSerializer,
        (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="RFC 4180, a header row."),
        (200, "application/rss+xml"): OpenApiResponse(OpenApiTypes.STR, description="RSS 2.0"),
        (200, "application/atom+xml"): OpenApiResponse(OpenApiTypes.STR, description="Atom 1.0"),
        (200, "application/feed+json"): OpenApiResponse(
            OpenApiTypes.OBJECT, description="JSON Feed 1.1"
        ),
        **ERRORS,
    },
}
STATEMENT_DETAIL = {
    "tags": TAGS,
    "operation_id": "partners_statement",
    "description": "One statement. Without `locale`: in English if published in English, "
    "else in its first published language.",
    "parameters": [ANY_LOCALE],
    "responses": {
        200: PartnerStatementSerializer,
        (404, PROBLEM_CONTENT_TYPE): problem("No published statement has this id."),
        **ERRORS,
    },
}
STATEMENT_EXPORT = {
    "tags": TAGS,
    "operation_id": "partners_statements_export",
    "description": "Every published statement, one JSON record per line (JSON Lines), streamed.",
    "parameters": [ANY_LOCALE],
    "responses": {
        (200, "application/jsonl"): OpenApiResponse(OpenApiTypes.STR, description="JSON Lines"),
        **ERRORS,
    },
}
CHANGE_FEED = {
    "tags": TAGS,
    "operation_id": "partners_changes",
    "description": "Every change to the public record, in order: published, updated, moved, "
    "unpublished and deleted (a tombstone). Replaying them from `since=0` rebuilds the whole "
    "public record; from the last `next`, brings a mirror up to date.",
    "parameters": [
        integer_parameter(
            "since", "The `next` of your previous call; 0 for everything.", 0, MAX_ID, 0
        ),
        ANY_LOCALE,
        LIMIT,
    ],
    "responses": {200: PartnerChangeFeedSerializer, **ERRORS},
}


def small_list(name, serializer, description):
    return {
        "tags": TAGS,
        "operation_id": f"partners_{name}",
        "description": description,
        "parameters": [ONE_LOCALE],
        "responses": {200: item_list(f"{serializer.__name__[:-10]}List", serializer), **ERRORS},
    }


MEMBER_LIST = small_list("members", PartnerMemberSerializer, "Members of the Coalition.")
GROUP_LIST = small_list(
    "groups", PartnerGroupSerializer, "Standing groups, with their dated roles."
)
MEETING_LIST = small_list("meetings", PartnerMeetingSerializer, "Meetings, newest first.")
LINE_OF_EFFORT_LIST = small_list(
    "lines_of_effort", PartnerLineOfEffortSerializer, "The Coalition's lines of effort."
)
