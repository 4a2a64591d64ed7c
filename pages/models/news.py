"""News: meeting reports, republished wire copy, fact sheets and readouts."""

from django.core.exceptions import ValidationError
from django.db import models

from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from cms import serializers
from cms.blocks import NewsBodyBlock

from .base import ArticlePage, BasePage, editor_tabs


class NewsIndexPage(BasePage):
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.NewsPage"]
    max_count_per_parent = 1

    content_panels = [*BasePage.content_panels, FieldPanel("summary")]


class NewsPage(ArticlePage):
    class NewsType(models.TextChoices):
        MEETING_REPORT = "meeting_report", "Meeting report"
        WIRE = "wire", "Republished wire copy"
        FACT_SHEET = "fact_sheet", "Fact sheet"
        READOUT = "readout", "Readout"
        STORY = "story", "Story"

    news_type = models.CharField(
        "type", max_length=20, choices=NewsType.choices, default=NewsType.MEETING_REPORT
    )
    dateline = models.CharField(
        max_length=60, blank=True, help_text="The place the story was filed from, e.g. “ABU DHABI”."
    )
    place = models.CharField(
        max_length=100, blank=True, help_text="Where it happened, e.g. “The Hague”."
    )
    source_name = models.CharField(
        max_length=100, blank=True, help_text="For republished copy: the agency, e.g. “WAM”."
    )
    source_url = models.URLField("source URL", blank=True, help_text="The original article.")
    meeting = models.ForeignKey(
        "cms.Meeting", null=True, blank=True, on_delete=models.SET_NULL, related_name="news"
    )
    body = StreamField(NewsBodyBlock())
    hashtags = ClusterTaggableManager(through="pages.NewsHashtag", blank=True)

    parent_page_types = ["pages.NewsIndexPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        *ArticlePage.hero_panels,
        FieldPanel("body"),
    ]
    details_panels = [
        FieldRowPanel([FieldPanel("news_type"), FieldPanel("date")]),
        FieldRowPanel([FieldPanel("dateline"), FieldPanel("place")]),
        FieldPanel("meeting"),
        MultiFieldPanel(
            [FieldPanel("source_name"), FieldPanel("source_url")], heading="Original source"
        ),
        *ArticlePage.filing_panels,
    ]
    edit_handler = editor_tabs(
        content_panels,
        ObjectList(details_panels, heading="News details"),
        promote_panels=ArticlePage.promote_panels,
        settings_panels=ArticlePage.settings_panels,
    )
    search_fields = [*ArticlePage.search_fields, index.SearchField("body")]
    api_fields = [
        *ArticlePage.api_fields,
        APIField("news_type"),
        APIField("dateline"),
        APIField("place"),
        APIField("source", serializer=serializers.SourceSerializer(source="*")),
        APIField("meeting", serializer=serializers.MeetingSerializer()),
        APIField("body"),
    ]
    api_prefetch_related = [*ArticlePage.api_prefetch_related, "meeting__hosts__member__flag"]

    def clean(self):
        super().clean()
        if self.source_url and not self.source_name:
            raise ValidationError({"source_name": "Name the source you link to."})
