"""The same statement query as JSON, CSV, RSS 2.0, Atom 1.0 or JSON Feed 1.1.

Chosen by `?format=` or the Accept header. Feeds are built with Django's own feed generator; CSV
with Python's csv module; JSON Feed, which neither covers, by hand from its short specification.
"""

import csv
import datetime
import io
import json

from rest_framework.exceptions import NotAcceptable
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer, JSONRenderer

from django.conf import settings
from django.utils import feedgenerator

from api.problems import InvalidParameter

CSV_COLUMNS = [
    "id",
    "locale",
    "url",
    "title",
    "type",
    "date",
    "meeting",
    "place",
    "group",
    "issuers",
    "members_welcomed",
    "lines_of_effort",
    "regions",
    "hashtags",
    "summary",
    "body_text",
    "attachments",
    "source_name",
    "source_url",
    "first_published",
    "last_published",
    "revision",
    "content_hash",
]
# A cell a spreadsheet would run as a formula (OWASP's CSV injection advice).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class PartnerNegotiation(DefaultContentNegotiation):
    """`?format=` names a renderer; an unknown one is a 400 that lists the choices."""

    def select_renderer(self, request, renderers, format_suffix=None):
        requested = request.query_params.get(self.settings.URL_FORMAT_OVERRIDE)
        if requested is None:
            try:
                return super().select_renderer(request, renderers)
            except NotAcceptable:
                raise NotAcceptable(
                    "Acceptable: " + ", ".join(renderer.media_type for renderer in renderers)
                ) from None
        for renderer in renderers:
            if renderer.format == requested:
                return renderer, renderer.media_type
        choices = ", ".join(renderer.format for renderer in renderers)
        raise InvalidParameter("format", f"“format” must be one of: {choices}.")


class ListRenderer(BaseRenderer):
    """Renders a statement list response (`{"items": [record, …], …}`)."""

    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        request = renderer_context["request"]
        return self.render_items(data["items"], request).encode(self.charset)


class CSVRenderer(ListRenderer):
    media_type = "text/csv"
    format = "csv"

    def render_items(self, records, request):
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        for record in records:
            writer.writerow([spreadsheet_safe(value) for value in csv_row(record)])
        return out.getvalue()


def csv_row(record):
    source = record["source"] or {}
    return [
        record["id"],
        record["locale"],
        record["url"],
        record["title"],
        record["type"],
        record["date"],
        record["meeting"]["title"] if record["meeting"] else "",
        record["place"],
        record["group"]["slug"] if record["group"] else "",
        "; ".join(
            f"{issuer['name']} ({issuer['iso_code'] or issuer['acronym']}, {issuer['role']})"
            for issuer in record["issuers"]
        ),
        "; ".join(member["name"] for member in record["members_welcomed"]),
        "; ".join(line["slug"] for line in record["lines_of_effort"]),
        "; ".join(region["slug"] for region in record["regions"]),
        "; ".join(record["hashtags"]),
        record["summary"],
        record["body_text"],
        "; ".join(attachment["url"] for attachment in record["attachments"]),
        source.get("name", ""),
        source.get("url") or "",
        record["first_published"],
        record["last_published"],
        record["revision"],
        record["content_hash"],
    ]


def spreadsheet_safe(value):
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def feed_metadata(request):
    language = request.query_params.get("locale")
    return {
        "title": f"{settings.WAGTAIL_SITE_NAME}: statements",
        "link": f"{settings.FRONTEND_BASE_URL}/{language or settings.LANGUAGE_CODE}/",
        "description": "Official statements of the Global Coalition against Daesh/ISIS.",
        "language": language,
        "feed_url": request.build_absolute_uri(),
    }


def timestamp(value):
    return datetime.datetime.fromisoformat(value)


class SyndicationRenderer(ListRenderer):
    feed_class = None
    enclosures_per_item = None

    def render_items(self, records, request):
        feed = self.feed_class(**feed_metadata(request))
        for record in records:
            enclosures = [
                feedgenerator.Enclosure(
                    attachment["url"], str(attachment["size"] or 0), attachment["content_type"]
                )
                for attachment in record["attachments"]
            ]
            feed.add_item(
                title=record["title"],
                link=record["url"],
                description=record["summary"] or record["body_text"],
                unique_id=record["url"],
                unique_id_is_permalink=True,
                pubdate=timestamp(record["first_published"]),
                updateddate=timestamp(record["last_published"]),
                author_name=", ".join(issuer["name"] for issuer in record["issuers"]) or None,
                categories=[record["type_label"], *record["hashtags"]],
                enclosures=enclosures[: self.enclosures_per_item],
            )
        return feed.writeString(self.charset)


class RSSRenderer(SyndicationRenderer):
    media_type = "application/rss+xml"
    format = "rss"
    feed_class = feedgenerator.Rss201rev2Feed
    enclosures_per_item = 1  # RSS 2.0 allows one enclosure per item


class AtomRenderer(SyndicationRenderer):
    media_type = "application/atom+xml"
    format = "atom"
    feed_class = feedgenerator.Atom1Feed


class JSONFeedRenderer(ListRenderer):
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""

    media_type = "application/feed+json"
    format = "jsonfeed"

    def render_items(self, records, request):
        metadata = feed_metadata(request)
        feed = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": metadata["title"],
            "home_page_url": metadata["link"],
            "feed_url": metadata["feed_url"],
            "description": metadata["description"],
            "language": metadata["language"],
            "items": [json_feed_item(record) for record in records],
        }
        if not feed["language"]:
            del feed["language"]
        return json.dumps(feed, ensure_ascii=False)


def json_feed_item(record):
    return {
        "id": record["url"],
        "url": record["url"],
        "title": record["title"],
        "summary": record["summary"],
        "content_html": record["body_html"],
        "content_text": record["body_text"],
        "date_published": record["first_published"],
        "date_modified": record["last_published"],
        "language": record["locale"],
        "tags": [record["type_label"], *record["hashtags"]],
        "authors": [{"name": issuer["name"]} for issuer in record["issuers"]],
        "attachments": [
            {
                "url": attachment["url"],
                "mime_type": attachment["content_type"],
                "title": attachment["title"],
                "size_in_bytes": attachment["size"],
            }
            for attachment in record["attachments"]
        ],
    }


class PartnerJSONRenderer(JSONRenderer):
    format = "json"


LIST_RENDERERS = [
    PartnerJSONRenderer,
    CSVRenderer,
    RSSRenderer,
    AtomRenderer,
    JSONFeedRenderer,
]
