"""A statement's public record: the JSON partners receive, mirror and cite.

Its content (everything but links, translations and history) is hashed, so a partner can tell a
published correction from a re-publication of the same text. Values are JSON-ready (dates as
ISO 8601 strings) because records are stored, hashed and compared as JSON.
"""

import hashlib
import html
import json
import re

from django.conf import settings
from django.urls import reverse
from django.utils.html import escape, strip_tags
from django.utils.translation import get_language_info

from wagtail.rich_text import expand_db_html

from cms.blocks import document_representation
from cms.frontend import absolute_document_url, frontend_url
from cms.renditions import BODY, image_representation
from cms.security import sanitize_db_html

RECORD_PREFETCH = [
    "issuers__member",
    "members_welcomed",
    "lines_of_effort",
    "regions",
    "tagged_items__tag",
    "attachments__document",
]
# Block-level closing tags become line breaks in the plain-text body.
BLOCK_END = re.compile(r"</(p|li|h[1-6]|blockquote|figure)>|<br\s*/?>", re.IGNORECASE)
BLANK_LINES = re.compile(r"\n\s*\n+")


def with_record_data(queryset):
    """Statements with everything a record shows, in a fixed number of queries."""
    return queryset.select_related("locale", "meeting", "group").prefetch_related(*RECORD_PREFETCH)


def content_hash(content):
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def statement_content(page):
    """What the statement says and who issued it: the part of the record that is hashed."""
    body_html = render_body(page.body)
    return {
        "title": page.title,
        "type": page.statement_type,
        "type_label": page.get_statement_type_display(),
        "date": page.date.isoformat(),
        "meeting": meeting_record(page.meeting),
        "place": page.place,
        "group": {"slug": page.group.slug, "name": page.group.name} if page.group else None,
        "on_behalf_of_all_members": page.on_behalf_of_all_members,
        "issuers": [
            {**member_record(issuer.member), "role": issuer.role} for issuer in page.issuers.all()
        ],
        "members_welcomed": [member_record(member) for member in page.members_welcomed.all()],
        "lines_of_effort": [
            {"slug": line.slug, "name": line.name} for line in page.lines_of_effort.all()
        ],
        "regions": [{"slug": region.slug, "name": region.name} for region in page.regions.all()],
        "hashtags": sorted(item.tag.name for item in page.tagged_items.all()),
        "summary": page.summary,
        "attribution": page.attribution,
        "body_html": body_html,
        "body_text": html_to_text(body_html),
        "attachments": [attachment_record(attachment) for attachment in page.attachments.all()],
        "source": {"name": page.source_name, "url": page.source_url or None}
        if page.source_name
        else None,
    }


def build_record(page, content, *, translations, revision, history):
    """The whole record of a public statement; `translations` are its other public pages."""
    language = page.locale.language_code
    return {
        "id": str(page.translation_key),
        "locale": language,
        "dir": "rtl" if get_language_info(language)["bidi"] else "ltr",
        "url": frontend_url(page),
        "api_url": api_url(page.translation_key, language),
        "translations": [
            {
                "id": str(other.translation_key),
                "locale": other.locale.language_code,
                "url": frontend_url(other),
                "api_url": api_url(other.translation_key, other.locale.language_code),
            }
            for other in translations
        ],
        **content,
        "first_published": page.first_published_at.isoformat(),
        "last_published": history[-1]["published_at"],
        "revision": revision,
        "content_hash": content_hash(content),
        "history": history,
    }


def api_url(translation_key, language):
    path = reverse("partners:statement-detail", args=[translation_key])
    return f"{settings.WAGTAILADMIN_BASE_URL}{path}?locale={language}"


def member_record(member):
    return {
        "id": str(member.translation_key),
        "name": member.name,
        "kind": member.kind,
        "iso_code": member.iso_code or None,
        "acronym": member.acronym or None,
    }


def meeting_record(meeting):
    if meeting is None:
        return None
    return {
        "id": str(meeting.translation_key),
        "title": meeting.title,
        "kind": meeting.kind,
        "starts_on": meeting.starts_on.isoformat(),
        "ends_on": meeting.ends_on.isoformat() if meeting.ends_on else None,
        "city": meeting.city,
    }


def attachment_record(attachment):
    document = attachment.document
    return {
        "title": attachment.title or document.title,
        "url": absolute_document_url(document),
        "size": document.get_file_size(),
        "content_type": document.content_type,
    }


def render_body(body):
    """The statement's blocks as HTML, with links resolved for the public front end."""
    return "\n".join(filter(None, (render_block(block) for block in body)))


def render_block(block):
    value = block.value
    if block.block_type == "heading":
        return f"<{value['level']}>{escape(value['text'])}</{value['level']}>"
    if block.block_type == "paragraph":
        return expand_db_html(sanitize_db_html(value.source))
    if block.block_type == "image":
        image = image_representation(value["image"], BODY, caption=value["caption"])
        if image is None:
            return ""
        full = image["renditions"]["full"]
        caption = f"<figcaption>{escape(value['caption'])}</figcaption>" if value["caption"] else ""
        return (
            f'<figure><img src="{escape(full["url"])}" alt="{escape(image["alt"])}" '
            f'width="{full["width"]}" height="{full["height"]}">{caption}</figure>'
        )
    if block.block_type == "document":
        if value["document"] is None:
            return ""
        document = document_representation(value["document"], title=value["title"])
        return f'<p><a href="{escape(document["url"])}">{escape(document["title"])}</a></p>'
    raise ValueError(f"No HTML for a statement's “{block.block_type}” block.")


def html_to_text(markup):
    text = html.unescape(strip_tags(BLOCK_END.sub("\n\n", markup)))
    lines = "\n".join(line.strip() for line in text.splitlines())
    return BLANK_LINES.sub("\n\n", lines).strip()
