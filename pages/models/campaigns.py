"""Campaign pages: awareness campaigns such as #16Days or #ThisGenerationLearns."""

from django.core.exceptions import ValidationError
from django.db import models

from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from cms import serializers
from cms.blocks import InFocusBodyBlock

from .base import BasePage, editor_tabs


class CampaignPage(BasePage):
    hero_image = models.ForeignKey(
        "cms.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    starts_on = models.DateField(null=True, blank=True, help_text="E.g. 25 November for #16Days.")
    ends_on = models.DateField(null=True, blank=True, help_text="E.g. 10 December for #16Days.")
    body = StreamField(InFocusBodyBlock(), blank=True)
    hashtags = ClusterTaggableManager(through="pages.CampaignHashtag", blank=True)

    parent_page_types = ["pages.HomePage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    campaign_panels = [
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")], heading="Campaign dates"),
        MultiFieldPanel([FieldPanel("hashtags")], heading="Hashtags"),
    ]
    edit_handler = editor_tabs(
        content_panels,
        ObjectList(campaign_panels, heading="Campaign details"),
        promote_panels=BasePage.promote_panels,
        settings_panels=BasePage.settings_panels,
    )
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [
        *BasePage.api_fields,
        APIField("hero_image", serializer=serializers.ImageSerializer()),
        APIField("starts_on"),
        APIField("ends_on"),
        APIField("hashtags", serializer=serializers.HashtagsSerializer(source="*")),
        APIField("body"),
    ]
    api_prefetch_related = ["tagged_items__tag"]

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": "A campaign cannot end before it starts."})
