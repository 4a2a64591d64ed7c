"""The statement query: filters, a snapshot to page through, keyset cursors and facet counts.

A listing pages through the revisions that were valid at one moment, `as_of`, fixed by its first
page and carried in its cursor. Each statement sorts by what it was at that moment, so statements
published or edited while a partner pages cannot shift the order: nothing is skipped or repeated.
What changed after `as_of` is in the change feed (or the next listing).
"""

import datetime

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone

from api.models import StatementChange, StatementRevision
from api.params import MAX_ID, encode_cursor
from api.problems import InvalidParameter
from api.visibility import public_pages
from pages.models import StatementIssuer, StatementPage

SORTS = {"date": "date", "updated": "published_at"}
SORT_CHOICES = ["-date", "date", "-updated", "updated"]
FACETS = ["type", "issuer", "year", "line_of_effort"]
TYPES = [value for value, _ in StatementPage.StatementType.choices]
ROLES = [value for value, _ in StatementIssuer.Role.choices]
MAX_SEARCH_MATCHES = 10_000
BROAD_FILTERS = {"locale", "updated_since"}
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
NOT_OUR_CURSOR = "“cursor” is not a cursor this API issued for this query."


def settled_now():
    """Now, less the settle time: what is surely committed (PARTNER_FEED_SETTLE_SECONDS)."""
    return timezone.now() - datetime.timedelta(seconds=settings.PARTNER_FEED_SETTLE_SECONDS)


def read_filters(params):
    hashtag = params.text("hashtag", max_length=100)
    return {
        "locale": params.choice("locale", [code for code, _ in settings.LANGUAGES]),
        "type": params.choice("type", TYPES),
        "issuer": params.text("issuer", max_length=20),
        "issuer_role": params.choice("issuer_role", ROLES),
        "group": params.text("group", max_length=80),
        "meeting": params.uuid("meeting"),
        "line_of_effort": params.text("line_of_effort", max_length=80),
        "region": params.text("region", max_length=80),
        "hashtag": hashtag.lstrip("#") if hashtag else None,
        "date_from": params.date("date_from"),
        "date_to": params.date("date_to"),
        "updated_since": params.datetime("updated_since"),
        "q": params.search(),
    }


def is_broad(filters):
    """Most statements match: only a language or an update time narrows the listing."""
    return not any(value for name, value in filters.items() if name not in BROAD_FILTERS)


def statement_pages(request, filters):
    """Public statements matching the filters (all but `updated_since`, which is the snapshot's)."""
    pages = public_pages(StatementPage.objects.all(), request)
    if filters["locale"]:
        pages = pages.filter(locale__language_code=filters["locale"])
    if filters["type"]:
        pages = pages.filter(statement_type=filters["type"])
    if filters["issuer"] or filters["issuer_role"]:
        issuers = StatementIssuer.objects.all()
        if filters["issuer"]:
            code = filters["issuer"]
            issuers = issuers.filter(
                Q(member__iso_code__iexact=code) | Q(member__acronym__iexact=code)
            )
        if filters["issuer_role"]:
            issuers = issuers.filter(role=filters["issuer_role"])
        pages = pages.filter(pk__in=issuers.values("page_id"))
    if filters["group"]:
        pages = pages.filter(group__slug=filters["group"])
    if filters["meeting"]:
        pages = pages.filter(meeting__translation_key=filters["meeting"])
    if filters["line_of_effort"]:
        pages = pages.filter(
            pk__in=StatementPage.objects.filter(lines_of_effort__slug=filters["line_of_effort"])
        )
    if filters["region"]:
        pages = pages.filter(pk__in=StatementPage.objects.filter(regions__slug=filters["region"]))
    if filters["hashtag"]:
        tagged = StatementPage.objects.filter(tagged_items__tag__name__iexact=filters["hashtag"])
        pages = pages.filter(pk__in=tagged)
    if filters["date_from"]:
        pages = pages.filter(date__gte=filters["date_from"])
    if filters["date_to"]:
        pages = pages.filter(date__lte=filters["date_to"])
    if filters["q"] is not None:
        pages = pages.filter(pk__in=search_matches(filters["q"]))
    return pages


def search_matches(query):
    if not query:
        return []  # the search held only punctuation: nothing matches
    matches = (
        StatementPage.objects.live()
        .only("pk")
        .search(query, operator="and", order_by_relevance=False)
    )
    return [page.pk for page in matches[:MAX_SEARCH_MATCHES]]


def snapshot(pages, as_of, updated_since=None, *, walk=False):
    """The revision of each matching statement that was public at `as_of`.

    With `walk`, the page test is a correlated EXISTS, so the database walks the revisions in
    sort order on their index and stops after one page: the fast plan when most statements
    match. Otherwise an IN list of the matching pages, the fast plan for a narrow filter and for
    counting.
    """
    in_pages = (
        Exists(pages.filter(pk=OuterRef("record__page_id")))
        if walk
        else Q(record__page_id__in=pages.values("pk"))
    )
    revisions = StatementRevision.objects.filter(
        Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gt=as_of),
        in_pages,
        published_at__lte=as_of,
    )
    if updated_since:
        revisions = revisions.filter(published_at__gte=updated_since)
    return revisions


def read_cursor(params, sort):
    """(as_of, position, count) from a cursor this query issued, or (None, None, None)."""
    cursor = params.cursor()
    if cursor is None:
        return None, None, None
    try:
        if cursor["sort"] != sort:
            raise ValueError
        as_of = datetime.datetime.fromisoformat(cursor["as_of"])
        value, record_id = cursor["after"]
        if sort.endswith("updated"):
            value = datetime.datetime.fromisoformat(value)
            value = value.astimezone(datetime.UTC)  # overflows at the ends of the calendar
        else:
            value = datetime.date.fromisoformat(value)
        count = cursor["count"]
        if not (isinstance(record_id, int) and 0 < record_id <= MAX_ID) or as_of.tzinfo is None:
            raise ValueError
        as_of = as_of.astimezone(datetime.UTC)
        if not (isinstance(count, int) and 0 <= count <= MAX_ID):
            raise ValueError
    except (KeyError, TypeError, ValueError, OverflowError):
        raise InvalidParameter("cursor", NOT_OUR_CURSOR) from None
    return as_of, (value, record_id), count


def page_of(revisions, sort, position, limit):
    """One page of (record id, sort value), and the position after it (None on the last)."""
    field = SORTS[sort.lstrip("-")]
    descending = sort.startswith("-")
    if position is not None:
        value, record_id = position
        after = "lt" if descending else "gt"
        revisions = revisions.filter(
            Q(**{f"{field}__{after}": value})
            | Q(**{field: value, f"record_id__{after}": record_id})
        )
    order = (f"-{field}", "-record_id") if descending else (field, "record_id")
    rows = list(revisions.order_by(*order).values_list("record_id", field)[: limit + 1])
    if len(rows) <= limit:
        return [record_id for record_id, _ in rows], None
    record_id, value = rows[limit - 1]
    return [record_id for record_id, _ in rows[:limit]], (value, record_id)


def next_cursor(sort, as_of, position, count):
    """The listing's moment, the last position shown and its total, which cannot change."""
    value, record_id = position
    return encode_cursor(
        {
            "sort": sort,
            "as_of": as_of.isoformat(),
            "after": [value.isoformat(), record_id],
            "count": count,
        }
    )


def snapshot_moment():
    """The moment a new listing shows: its newest settled change. The public record is the same
    at any later instant until the next change, so the answer (and its ETag) is too."""
    moment = (
        StatementChange.objects.filter(occurred_at__lte=settled_now())
        .order_by("-occurred_at")
        .values_list("occurred_at", flat=True)
        .first()
    )
    return moment or EPOCH


def changes_cursor(as_of):
    """Where the change feed stood at `as_of`: a copy made from this listing continues there."""
    change = (
        StatementChange.objects.filter(occurred_at__lte=as_of)
        .order_by("-occurred_at", "-pk")
        .values_list("pk", flat=True)
        .first()
    )
    return str(change or 0)


def facet_counts(revisions, names):
    """Counts over the whole filtered snapshot, not just the page shown."""
    # No ordering: the pages' default order would split the groups.
    pages = StatementPage.objects.filter(pk__in=revisions.values("record__page_id")).order_by()
    counts = {}
    if "type" in names:
        labels = dict(StatementPage.StatementType.choices)
        rows = pages.values_list("statement_type").annotate(count=Count("pk"))
        counts["type"] = facet(rows, labels.get)
    if "year" in names:
        rows = pages.annotate(year=ExtractYear("date")).values_list("year").annotate(n=Count("pk"))
        counts["year"] = facet(rows, str)
    if "line_of_effort" in names:
        rows = (
            pages.filter(lines_of_effort__isnull=False)
            .values_list(
                "lines_of_effort__slug",
                "lines_of_effort__name",
                "lines_of_effort__locale__language_code",
            )
            .annotate(count=Count("pk", distinct=True))
        )
        counts["line_of_effort"] = facet_with_labels(rows)
    if "issuer" in names:
        rows = (
            StatementIssuer.objects.filter(page__in=pages)
            .order_by()
            .values_list(
                "member__iso_code",
                "member__acronym",
                "member__name",
                "member__locale__language_code",
            )
            .annotate(count=Count("page", distinct=True))
        )
        counts["issuer"] = facet_with_labels(
            (iso_code or acronym, name, language, count)
            for iso_code, acronym, name, language, count in rows
        )
    return counts


def facet(rows, label):
    return sorted(
        ({"value": value, "label": label(value), "count": count} for value, count in rows),
        key=lambda entry: (-entry["count"], str(entry["value"])),
    )


def facet_with_labels(rows):
    """Rows of (value, label, language, count), merged by value: a member or a line of effort
    has a row per language. The label is the default language's."""
    merged = {}
    for value, label, language, count in rows:
        entry = merged.setdefault(value, {"value": value, "label": label, "count": 0})
        entry["count"] += count
        if language == settings.LANGUAGE_CODE:
            entry["label"] = label
    return sorted(merged.values(), key=lambda entry: (-entry["count"], entry["value"]))
