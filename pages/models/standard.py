"""Standard pages: the mission, each line of effort, about and legal pages."""

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from cms.blocks import StandardBodyBlock

from .base import BasePage


class StandardPage(BasePage):
    body = StreamField(StandardBodyBlock(), blank=True)

    parent_page_types = ["pages.HomePage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage"]

    content_panels = [*BasePage.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("body")]
