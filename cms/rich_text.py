"""Rich text links resolved for the front end: pages at FRONTEND_BASE_URL, documents absolute."""

from django.utils.html import escape

from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.rich_text.pages import PageLinkHandler

from .frontend import absolute_document_url, frontend_url, is_public


class FrontendPageLinkHandler(PageLinkHandler):
    """Links to pages, as the public front end serves them.

    A link to a page that is not public (a draft, an expired or private page) keeps its text but
    loses its address, so rich text never reveals what is not published.
    """

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        anchors = []
        for page in cls.get_many(attrs_list):
            page = page and page.localized
            url = frontend_url(page) if page is not None and is_public(page) else None
            anchors.append(f'<a href="{escape(url)}">' if url else "<a>")
        return anchors


class AbsoluteDocumentLinkHandler(DocumentLinkHandler):
    """Links to documents as absolute URLs: the front end that shows them is on another origin."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        return [
            f'<a href="{escape(absolute_document_url(document))}">' if document else "<a>"
            for document in cls.get_many(attrs_list)
        ]
