"""Listings of news, statements and In Focus features, and the home page's “latest” stream.

`GET /api/v2/<section>/?locale=&line_of_effort=&region=&hashtag=&year=&type=&ordering=&limit=&q=`
answers with cards and a cursor for the next page: {"items": [card, …], "next": "<cursor>"}.
Without `q` the order is by date; the cursor is a keyset position, so the cost of a page does
not grow with the corpus. With `q` the order is by relevance (Wagtail search).
"""

from drf_spectacular.utils import extend_schema
from modelsearch.utils import get_descendants_content_types_pks
from rest_framework.response import Response
from rest_framework.views import APIView

from django.db.models import Exists, IntegerField, OuterRef
from django.db.models.functions import Cast
from django.utils import translation

from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from pages.models import InFocusPage, NewsPage, StatementPage

from .cards import KIND_FIELDS, cards
from .http import cacheable
from .params import MAX_ID, QueryParams, encode_cursor, parse_date
from .problems import PROBLEM_CONTENT_TYPE, InvalidParameter
from .schema import (
    CURSOR,
    INVALID_PARAMETER,
    LOCALE,
    SEARCH,
    CardListSerializer,
    SectionListSchema,
    choice_parameter,
    integer_parameter,
    limit_parameter,
    text_parameter,
)
from .visibility import public_pages

SECTIONS = {
    "news": (NewsPage,),
    "statements": (StatementPage,),
    "in-focus": (InFocusPage,),
    "latest": (NewsPage, StatementPage),
}
FILTERS = {
    "locale",
    "line_of_effort",
    "region",
    "hashtag",
    "year",
    "type",
    "ordering",
    "limit",
    "cursor",
    "q",
}
# Filters across many-to-many relations, which can match one page more than once.
MANY_TO_MANY_FILTERS = ("line_of_effort", "region", "hashtag")
DEFAULT_LIMIT = 20
MAX_LIMIT = 100
# Search ranks at most this many matches; a reader never pages further than that.
MAX_SEARCH_RESULTS = 1000
# Wagtail's database search backend on SQLite with FTS5, which `ranked_by_fts5` speeds up.
SQLITE_FTS5 = "modelsearch.backends.database.sqlite.sqlite"


def kind_values(model):
    return [value for value, _ in model._meta.get_field(KIND_FIELDS[model]).choices]


def kind_choices(models):
    return sorted({value for model in models for value in kind_values(model)})


class ArticleListApi(APIView):
    """Cards for one section, filtered and paginated; see the module docstring."""

    section = None
    schema = SectionListSchema()

    @extend_schema(
        description="Cards, and a cursor for the next page. Without `q`, by date; with `q`, "
        "by relevance.",
        parameters=[
            LOCALE,
            text_parameter("line_of_effort", "Only cards in this line of effort (slug).", 80),
            text_parameter("region", "Only cards about this region (slug).", 80),
            text_parameter("hashtag", "Only cards with this hashtag; “#” is optional.", 100),
            integer_parameter("year", "Only cards dated in this year.", 1900, 2100),
            choice_parameter("ordering", "By date; not with `q`.", ["-date", "date"], "-date"),
            limit_parameter(DEFAULT_LIMIT, MAX_LIMIT),
            CURSOR,
            SEARCH,
        ],
        responses={200: CardListSerializer, (400, PROBLEM_CONTENT_TYPE): INVALID_PARAMETER},
    )
    def get(self, request):
        models = SECTIONS[self.section]
        params = QueryParams(request, allowed=FILTERS)
        filters = self.read_filters(params, models)
        limit = params.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
        cursor = params.cursor()
        query = params.search()
        ordering = params.choice("ordering", ["-date", "date"], default="-date")

        querysets = [self.filtered(model, filters, request) for model in models]
        if query == "":
            page_ids, next_position = [], None  # punctuation only: nothing to search for
        elif query:
            page_ids, next_position = self.search(querysets, query, filters, cursor, limit)
        else:
            distinct = any(filters[name] for name in MANY_TO_MANY_FILTERS)
            page_ids, next_position = self.by_date(querysets, ordering, cursor, limit, distinct)

        with translation.override(filters["locale"]):
            # The ids come from the public, filtered querysets: the cards need no filter again.
            items = cards([model.objects.all() for model in models], page_ids, request)
        body = {"items": items, "next": encode_cursor(next_position) if next_position else None}
        return cacheable(Response(body))

    def read_filters(self, params, models):
        locale_code = params.locale()
        type_ = params.choice("type", kind_choices(models))
        year = params.integer("year", None, 1900, 2100)
        return {
            "locale": locale_code,
            "line_of_effort": params.text("line_of_effort", max_length=80),
            "region": params.text("region", max_length=80),
            "hashtag": (params.text("hashtag", max_length=100) or "").lstrip("#") or None,
            "year": year,
            "type": type_,
        }

    def filtered(self, model, filters, request):
        language = filters["locale"]
        queryset = public_pages(model.objects.filter(locale__language_code=language), request)
        if filters["line_of_effort"]:
            queryset = queryset.filter(lines_of_effort__slug=filters["line_of_effort"])
        if filters["region"]:
            queryset = queryset.filter(regions__slug=filters["region"])
        if filters["hashtag"]:
            queryset = queryset.filter(tagged_items__tag__name__iexact=filters["hashtag"])
        if filters["year"]:
            queryset = queryset.filter(date__year=filters["year"])
        if filters["type"]:
            if filters["type"] in kind_values(model):
                queryset = queryset.filter(**{KIND_FIELDS[model]: filters["type"]})
            else:
                queryset = queryset.none()
        return queryset

    def by_date(self, querysets, ordering, cursor, limit, distinct):
        """Keyset pagination on (date, id): the next page starts after the cursor's position."""
        descending = ordering.startswith("-")
        if cursor is not None:
            if not (
                isinstance(cursor, list)
                and len(cursor) == 2
                and isinstance(cursor[1], int)
                and 0 < cursor[1] <= MAX_ID
            ):
                raise InvalidParameter("cursor", "“cursor” is not a cursor this API issued.")
            date, pk = parse_date(cursor[0], "cursor"), cursor[1]
            before, same_date_before = (
                ({"date__lt": date}, {"date": date, "pk__lt": pk})
                if descending
                else ({"date__gt": date}, {"date": date, "pk__gt": pk})
            )
            querysets = [
                queryset.filter(**before) | queryset.filter(**same_date_before)
                for queryset in querysets
            ]
        order = ("-date", "-pk") if descending else ("date", "pk")
        # No ordering inside the union: SQLite refuses ORDER BY in a compound statement's parts.
        rows = [queryset.values_list("pk", "date").order_by() for queryset in querysets]
        if distinct:
            rows = [row.distinct() for row in rows]  # a page filed twice would come twice
        combined = rows[0].union(*rows[1:]) if len(rows) > 1 else rows[0]
        positions = list(combined.order_by(*order)[: limit + 1])
        next_position = None
        if len(positions) > limit:
            last_pk, last_date = positions[limit - 1]
            next_position = [last_date, last_pk]
        return [pk for pk, _ in positions[:limit]], next_position

    def search(self, querysets, query, filters, cursor, limit):
        """Relevance order from Wagtail search, then the public filters; offset cursor."""
        offset = cursor.get("offset") if isinstance(cursor, dict) else None
        if cursor is not None and (not isinstance(offset, int) or offset < 0):
            raise InvalidParameter("cursor", "“cursor” is not a cursor this API issued.")
        offset = offset or 0
        ranked = []
        for queryset in querysets:
            ranked += ranked_matches(queryset, query, filters["locale"])
        page_ids = ranked[offset : offset + limit]
        has_more = len(ranked) > offset + limit
        return page_ids, ({"offset": offset + limit} if has_more else None)


def ranked_matches(queryset, query, language):
    """Ids of the pages in `queryset` that match every word of `query`, best first."""
    backend = get_search_backend()
    if type(backend).__module__ == SQLITE_FTS5:
        return ranked_by_fts5(backend, queryset, query)
    # Wagtail search filters only on indexed fields: it ranks the live pages in the language, and
    # the public filter is a second pass.
    model = queryset.model
    locale = Locale.objects.get(language_code=language)
    candidates = model.objects.live().filter(locale=locale).only("pk")
    matches = candidates.search(query, operator="and")[:MAX_SEARCH_RESULTS]
    match_ids = [page.pk for page in matches]
    allowed = set(queryset.filter(pk__in=match_ids).values_list("pk", flat=True))
    return [pk for pk in match_ids if pk in allowed]


def ranked_by_fts5(backend, queryset, query):
    """Wagtail search's own ranking on SQLite FTS5, in one query.

    The backend scores each match in a correlated subquery that runs the full-text match again,
    and searches only querysets filtered on indexed fields, so the public filter would be a second
    pass. Here each index entry is matched and scored once, with the backend's own score
    expression and tie-break, and the public queryset is checked per match by primary key.
    """
    # Importable only where the database is SQLite with FTS5.
    from modelsearch.backends.database.sqlite.query import MatchExpression
    from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry

    compiler = backend.query_compiler_class(queryset, query, operator="and")
    search_query = compiler.build_search_query(compiler.query)
    entries = (
        SQLiteFTSIndexEntry.objects.filter(
            MatchExpression(compiler.FTS_TABLE_FIELDS, search_query),
            index_entry__content_type__in=get_descendants_content_types_pks(queryset.model),
        )
        .annotate(
            object_pk=Cast("index_entry__object_id", IntegerField()),
            score=compiler._build_rank_expression(
                compiler.get_search_vectors(), compiler.get_config(backend)
            ),
        )
        .filter(Exists(queryset.filter(pk=OuterRef("object_pk"))))
        .order_by("score", "-object_pk")
    )
    return list(entries.values_list("object_pk", flat=True)[:MAX_SEARCH_RESULTS])
