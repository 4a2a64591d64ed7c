"""`/api/partners/v1/`: the public record of the Coalition's statements, for partners' systems.

Stable within v1: fields and parameters may be added, never removed or changed
(tests/test_partner_schema.py compares the schema with a checked-in snapshot). docs/partners.md
shows a first sync and incremental syncs.
"""

import json
import math

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.exceptions import AuthenticationFailed, NotAcceptable
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from django.conf import settings
from django.db.models import Max
from django.http import StreamingHttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from api.http import PUBLIC_CACHE, cacheable
from api.models import StatementChange, StatementRecord
from api.params import MAX_ID, QueryParams
from api.problems import InvalidParameter, NotFound
from api.visibility import public_pages
from cms.models import Group, LineOfEffort, Meeting, Member
from pages.models import StatementPage

from . import schema
from .access import PartnerKeyAuthentication, PartnerRateThrottle
from .formats import LIST_RENDERERS, PartnerJSONRenderer, PartnerNegotiation
from .ledger import reconcile_overdue_expiries
from .query import (
    FACETS,
    SORT_CHOICES,
    changes_cursor,
    facet_counts,
    is_broad,
    next_cursor,
    page_of,
    read_cursor,
    read_filters,
    settled_now,
    snapshot,
    snapshot_moment,
    statement_pages,
)
from .resources import group_record, line_of_effort_record, meeting_record, member_record

PAGE_SIZE = 100
PAGE_SIZE_WITH_KEY = 1000
LANGUAGE_CODES = [code for code, _ in settings.LANGUAGES]


class PartnerApi(APIView):
    """Keys, rate limits, strict parameters, errors as problem details and CDN-friendly caching."""

    authentication_classes = [PartnerKeyAuthentication]
    throttle_classes = [PartnerRateThrottle]
    renderer_classes = [PartnerJSONRenderer]
    content_negotiation_class = PartnerNegotiation
    parameters = set()

    def perform_content_negotiation(self, request, force=False):
        try:
            return super().perform_content_negotiation(request, force)
        except (InvalidParameter, NotAcceptable):
            # DRF negotiates before it throttles: count this request, and show its allowance.
            self.check_throttles(request)
            raise

    def perform_authentication(self, request):
        try:
            super().perform_authentication(request)
        except AuthenticationFailed:
            # A bad key spends its sender's anonymous allowance: keys cannot be guessed at speed,
            # and the 401 carries the rate-limit headers like every other answer.
            self.check_throttles(request)
            raise

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        allowed = self.parameters | ({"format"} if len(self.renderer_classes) > 1 else set())
        self.params = QueryParams(request, allowed)

    def get_throttles(self):
        self.throttles = super().get_throttles()  # kept for the RateLimit headers
        return self.throttles

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        for throttle in getattr(self, "throttles", []):
            if hasattr(throttle, "now"):
                # Also kept on the request, for a 304 made from this answer (RateLimitHeaders).
                request._request.rate_limit_headers = throttle.headers()
                for header, value in throttle.headers().items():
                    response[header] = value
        if response.status_code >= 400 or request.method == "OPTIONS":
            # Errors are problem details, and OPTIONS describes the endpoint, in JSON whatever
            # format was asked for.
            response.accepted_renderer = JSONRenderer()
            response.accepted_media_type = "application/json"
        patch_vary_headers(response, ["Accept", "Authorization"])
        if response.status_code == 200 and request.auth:
            # A partner's own allowance and page size: never for a shared cache.
            response["Cache-Control"] = "private, no-cache"
        elif response.status_code == 200 and not response.has_header("Cache-Control"):
            patch_cache_control(response, **PUBLIC_CACHE)
        return response

    def page_size(self):
        limit = self.params.integer("limit", PAGE_SIZE, 1, PAGE_SIZE_WITH_KEY)
        if limit > PAGE_SIZE and not self.request.auth:
            raise InvalidParameter(
                "limit",
                f"“limit” may be at most {PAGE_SIZE} without a partner key "
                f"({PAGE_SIZE_WITH_KEY} with one).",
            )
        return limit


def with_last_modified(response):
    """Last-Modified from the newest change to any statement record.

    While that change is younger than the settle time, an answer may still leave it out: it is
    then cached only until the change has settled, by us and by the CDN.
    """
    changed = StatementChange.objects.aggregate(newest=Max("occurred_at"))["newest"]
    if changed is None:
        return response
    unsettled = (changed - settled_now()).total_seconds()
    if unsettled < 0:
        response["Last-Modified"] = http_date(changed.timestamp())
    elif response.status_code == 200:
        seconds = math.ceil(unsettled) + 1
        patch_cache_control(response, public=True, max_age=seconds, s_maxage=seconds)
        response.cache_timeout = seconds  # api.cache
    return response


class StatementListApi(PartnerApi):
    renderer_classes = LIST_RENDERERS
    parameters = {
        "locale", "type", "issuer", "issuer_role", "group", "meeting", "line_of_effort",
        "region", "hashtag", "date_from", "date_to", "updated_since", "q", "sort", "facets",
        "limit", "cursor",
    }  # fmt: skip

    @extend_schema(**schema.STATEMENT_LIST)
    def get(self, request):
        reconcile_overdue_expiries()  # so Last-Modified moves when a statement's time is up
        params = self.params
        filters = read_filters(params)
        sort = params.choice("sort", SORT_CHOICES, default="-date")
        facets = self.read_facets()
        limit = self.page_size()
        as_of, position, count = read_cursor(params, sort)
        as_of = as_of or snapshot_moment()

        pages = statement_pages(request, filters)
        revisions = snapshot(pages, as_of, filters["updated_since"])
        walk = snapshot(pages, as_of, filters["updated_since"], walk=is_broad(filters))
        record_ids, next_position = page_of(walk, sort, position, limit)
        records = dict(
            StatementRecord.objects.filter(pk__in=record_ids, public=True).values_list(
                "pk", "record"
            )
        )
        count = revisions.count() if count is None else count
        body = {
            "count": count,
            "as_of": as_of.isoformat(),
            "changes_cursor": changes_cursor(as_of),
            "next": self.next_url(next_cursor(sort, as_of, next_position, count))
            if next_position
            else None,
            "items": [records[pk] for pk in record_ids if records.get(pk)],
        }
        if facets:
            body["facets"] = facet_counts(revisions, facets)
        response = Response(body)
        if body["next"]:
            response["Link"] = f'<{body["next"]}>; rel="next"'
        return with_last_modified(response)

    def read_facets(self):
        value = self.params.text("facets", max_length=100)
        if value is None:
            return []
        names = [name.strip() for name in value.split(",")]
        unknown = [name for name in names if name not in FACETS]
        if unknown:
            raise InvalidParameter(
                "facets", f"Unknown facet “{unknown[0]}”. Facets: {', '.join(FACETS)}."
            )
        return names

    def next_url(self, cursor):
        query = self.request.GET.copy()
        query["cursor"] = cursor
        return self.request.build_absolute_uri(f"{self.request.path}?{query.urlencode()}")


class StatementDetailApi(PartnerApi):
    parameters = {"locale"}

    @extend_schema(**schema.STATEMENT_DETAIL)
    def get(self, request, statement_id):
        reconcile_overdue_expiries()
        language = self.params.choice("locale", LANGUAGE_CODES)
        pages = public_pages(StatementPage.objects.filter(translation_key=statement_id), request)
        records = StatementRecord.objects.filter(
            translation_key=statement_id, public=True, page_id__in=pages.values("pk")
        )
        if language:
            records = records.filter(locale=language)
        # Without a locale: the default language if published in it, else the first there is.
        found = sorted(
            records, key=lambda record: (record.locale != settings.LANGUAGE_CODE, record.locale)
        )
        if not found:
            raise NotFound(
                "No published statement has this id" + (f" in “{language}”." if language else ".")
            )
        return with_last_modified(Response(found[0].record))


class StatementExportApi(PartnerApi):
    """Every public statement as JSON Lines, streamed: memory stays flat whatever the archive."""

    parameters = {"locale"}
    chunk_size = 500

    @extend_schema(**schema.STATEMENT_EXPORT)
    def get(self, request):
        reconcile_overdue_expiries()
        language = self.params.choice("locale", LANGUAGE_CODES)
        pages = public_pages(StatementPage.objects.all(), request)
        if language:
            pages = pages.filter(locale__language_code=language)
        records = (
            StatementRecord.objects.filter(public=True, page_id__in=pages.values("pk"))
            .order_by("pk")
            .values_list("record", flat=True)
        )
        lines = (
            json.dumps(record, ensure_ascii=False) + "\n"
            for record in records.iterator(chunk_size=self.chunk_size)
        )
        response = StreamingHttpResponse(lines, content_type="application/jsonl; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="statements.jsonl"'
        return response


class ChangeFeedApi(PartnerApi):
    parameters = {"since", "locale", "limit"}

    @extend_schema(**schema.CHANGE_FEED)
    def get(self, request):
        since = self.params.integer("since", 0, 0, MAX_ID)
        language = self.params.choice("locale", LANGUAGE_CODES)
        limit = self.page_size()
        reconcile_overdue_expiries()

        changes = (
            StatementChange.objects.filter(pk__gt=since).select_related("record").order_by("pk")
        )
        if language:
            changes = changes.filter(record__locale=language)
        batch = list(changes[: limit + 1])
        # Stop before the first change younger than the settle time: one still committing could
        # take an id below it.
        settled = settled_now()
        for index, change in enumerate(batch):
            if change.occurred_at > settled:
                batch = batch[:index]
                break
        has_more = len(batch) > limit
        batch = batch[:limit]
        public = set(
            public_pages(
                StatementPage.objects.filter(pk__in={c.record.page_id for c in batch}), request
            ).values_list("pk", flat=True)
        )
        body = {
            "next": str(batch[-1].pk if batch else since),
            "has_more": has_more,
            "changes": [self.change(change, public) for change in batch],
        }
        return with_last_modified(Response(body))

    def change(self, change, public):
        record = change.record
        shown = record.public and record.page_id in public
        return {
            "id": change.pk,
            "event": change.kind,
            "statement_id": str(record.translation_key),
            "locale": record.locale,
            "time": change.occurred_at.isoformat(),
            "revision": change.revision,
            # The record as it is now, if it is public now; a later change says why if not.
            "statement": record.record if shown and change.kind in SHOWN_KINDS else None,
        }


SHOWN_KINDS = {
    StatementChange.Kind.PUBLISHED,
    StatementChange.Kind.UPDATED,
    StatementChange.Kind.MOVED,
}


class TranslatableListApi(PartnerApi):
    """A small, translatable list (members, groups, meetings, lines of effort) in one locale."""

    parameters = {"locale"}
    queryset = None
    record = None

    def get(self, request):
        language = self.params.locale()
        items = self.queryset.filter(locale__language_code=language)
        return cacheable(Response({"items": [self.record(item) for item in items]}))


@extend_schema_view(get=extend_schema(**schema.MEMBER_LIST))
class MemberListApi(TranslatableListApi):
    queryset = Member.objects.select_related("region").order_by("name")
    record = staticmethod(member_record)


@extend_schema_view(get=extend_schema(**schema.GROUP_LIST))
class GroupListApi(TranslatableListApi):
    queryset = Group.objects.prefetch_related("roles__member").order_by("name")
    record = staticmethod(group_record)


@extend_schema_view(get=extend_schema(**schema.MEETING_LIST))
class MeetingListApi(TranslatableListApi):
    queryset = Meeting.objects.select_related("group").prefetch_related("hosts__member")
    record = staticmethod(meeting_record)


@extend_schema_view(get=extend_schema(**schema.LINE_OF_EFFORT_LIST))
class LineOfEffortListApi(TranslatableListApi):
    queryset = LineOfEffort.objects.order_by("sort_order", "name")
    record = staticmethod(line_of_effort_record)
