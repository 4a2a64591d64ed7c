"""Site-wide security glue: a content security policy per part of the site, the client's address,
and rich text that cannot carry script into the APIs."""

import nh3
from csp.middleware import CSPMiddleware
from rest_framework.throttling import BaseThrottle

from django.conf import settings
from django.utils.html import escape

from wagtail import blocks
from wagtail.rich_text import RichText
from wagtail.rich_text.rewriters import FIND_EMBED_TAG, extract_attrs


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp, with a policy per path prefix (CONTENT_SECURITY_POLICY_BY_PATH).

    Everything else gets CONTENT_SECURITY_POLICY, which lets nothing load: JSON answers, feeds and
    served documents are data, never pages. A view's own django-csp decorator still wins.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None:
            for prefix, directives in settings.CONTENT_SECURITY_POLICY_BY_PATH.items():
                if request.path_info.startswith(prefix):
                    parts.config = directives
                    break
        return parts


def client_address(request):
    """The client's address as the partner API's rate limit sees it (DRF's NUM_PROXIES, i.e.
    TRUSTED_PROXY_COUNT): a made-up X-Forwarded-For cannot move a login lockout elsewhere."""
    return BaseThrottle().get_ident(request)


# What Wagtail's rich text features store: text structure, links (by URL, or by id for a page or
# document) and embeds (by URL), which Wagtail's link and embed handlers expand afterwards.
STORED_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "b", "i", "code", "sup", "sub", "s",
    "ul", "ol", "li", "blockquote", "hr", "br", "a",
}  # fmt: skip
STORED_ATTRIBUTES = {"a": {"href", "linktype", "id"}}
EMBED_ATTRIBUTES = ("embedtype", "url", "id", "format", "alt")
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitize_db_html(source):
    """Stored rich text reduced to what the editor can save, whatever wrote it.

    The editor's converter already whitelists what editors type, but Wagtail's API output passes
    stored HTML through unchanged, so HTML written any other way (an import, a shell, a database
    edit) would reach the APIs with its <script>, event attributes and javascript: or data: links.
    nh3 (the Ammonia sanitiser) keeps the editor's elements and http(s), mailto and tel links;
    <embed> tags, which it would rewrite as HTML rather than the <embed/> Wagtail expands, are
    rebuilt from their known attributes instead.
    """
    # FIND_EMBED_TAG captures an embed's attributes: split() alternates HTML and attributes.
    pieces = FIND_EMBED_TAG.split(source)
    for index, piece in enumerate(pieces):
        if index % 2:
            attrs = extract_attrs(piece)
            pieces[index] = "<embed{}/>".format(
                "".join(
                    f' {name}="{escape(attrs[name])}"' for name in EMBED_ATTRIBUTES if name in attrs
                )
            )
        else:
            pieces[index] = nh3.clean(
                piece,
                tags=STORED_TAGS,
                attributes=STORED_ATTRIBUTES,
                url_schemes=URL_SCHEMES,
                link_rel=None,
            )
    return "".join(pieces)


class SafeRichTextBlock(blocks.RichTextBlock):
    """A RichTextBlock whose API output, in every rich_text_format, starts from sanitised HTML."""

    def get_api_representation(self, value, context=None):
        return super().get_api_representation(RichText(sanitize_db_html(value.source)), context)


# It stores exactly what Wagtail's RichTextBlock stores: migrations keep calling it that.
DECONSTRUCT_ALIASES = {SafeRichTextBlock: "wagtail.blocks.RichTextBlock"}
