"""Rich text links resolved for the front end: internal links point at FRONTEND_BASE_URL."""

from django.utils.html import escape

from wagtail.rich_text.pages import PageLinkHandler

from .frontend import frontend_url, is_public


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
