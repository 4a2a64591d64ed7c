"""In Focus: long-form features — video, photo essays, analysis, timelines, profiles."""

from django.core.exceptions import ValidationError
from django.db import models

from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from cms import serializers
from cms.blocks import InFocusBodyBlock

from .base import ArticlePage, BasePage, editor_tabs


class InFocusIndexPage(BasePage):
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.InFocusPage"]
    max_count_per_parent = 1

    content_panels = [*BasePage.content_panels, FieldPanel("summary")]

    class Meta:
        verbose_name = "In Focus index page"


class InFocusPage(ArticlePage):
    class Format(models.TextChoices):
        VIDEO = "video", "Video"
        PHOTO_ESSAY = "photo_essay", "Photo essay"
        ANALYSIS = "analysis", "Analysis"
        TIMELINE = "timeline", "Timeline"
        PROFILE = "profile", "Profile series"
        CAMPAIGN = "campaign", "Awareness campaign"
        HERITAGE = "heritage", "Cultural heritage"

    format = models.CharField(max_length=20, choices=Format.choices, default=Format.ANALYSIS)
    hero_video_url = models.URLField(
        "hero video URL",
        blank=True,
        help_text="For video-led features: a YouTube or Vimeo link, shown instead of the image.",
    )
    campaign = models.ForeignKey(
        "pages.CampaignPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="features",
        help_text="The campaign or series this feature belongs to, e.g. #InspiringWomen.",
    )
    body = StreamField(InFocusBodyBlock())
    hashtags = ClusterTaggableManager(through="pages.InFocusHashtag", blank=True)

    parent_page_types = ["pages.InFocusIndexPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary", heading="Standfirst"),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_caption"),
                FieldPanel("hero_credit"),
                FieldPanel("hero_video_url"),
            ],
            heading="Hero image or video",
        ),
        FieldPanel("body"),
    ]
    details_panels = [
        FieldRowPanel([FieldPanel("format"), FieldPanel("date")]),
        PageChooserPanel("campaign", "pages.CampaignPage"),
        *ArticlePage.filing_panels,
    ]
    edit_handler = editor_tabs(
        content_panels,
        ObjectList(details_panels, heading="Feature details"),
        promote_panels=ArticlePage.promote_panels,
        settings_panels=ArticlePage.settings_panels,
    )
    search_fields = [*ArticlePage.search_fields, index.SearchField("body")]
    api_fields = [
        *ArticlePage.api_fields,
        APIField("format"),
        APIField("hero_video", serializer=serializers.EmbedSerializer(source="hero_video_url")),
        APIField("campaign", serializer=serializers.PageReferenceSerializer()),
        APIField("body"),
    ]

    class Meta(ArticlePage.Meta):
        verbose_name = "In Focus page"

    def clean(self):
        super().clean()
        if self.format == self.Format.VIDEO and not self.hero_video_url:
            raise ValidationError({"hero_video_url": "A video-led feature needs its hero video."})
        if not (self.hero_image_id or self.hero_video_url):
            raise ValidationError({"hero_image": "Choose a hero image or give a hero video."})
