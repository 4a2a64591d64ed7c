"""The home page: one per language, the root of that language's site."""

from django.core.exceptions import ValidationError
from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField

from cms import serializers
from cms.blocks import INLINE_RICH_TEXT_FEATURES

from .base import BasePage


class HomePage(BasePage):
    intro_heading = models.CharField(
        max_length=80, default="What is the Coalition?", help_text="80 characters."
    )
    intro = RichTextField(
        features=INLINE_RICH_TEXT_FEATURES,
        blank=True,
        help_text="Two or three sentences. The member count is added from the members list.",
    )
    featured_campaign = models.ForeignKey(
        "pages.CampaignPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The campaign shown in the home page's campaign block.",
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.StandardPage",
        "pages.NewsIndexPage",
        "pages.InFocusIndexPage",
        "pages.StatementIndexPage",
        "pages.CampaignPage",
    ]

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel([FieldPanel("intro_heading"), FieldPanel("intro")], heading="Introduction"),
        PageChooserPanel("featured_campaign", "pages.CampaignPage"),
    ]

    api_fields = [
        *BasePage.api_fields,
        APIField("intro_heading"),
        APIField("intro"),
        APIField("featured_campaign", serializer=serializers.PageReferenceSerializer()),
    ]

    def clean(self):
        super().clean()
        others = HomePage.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)
        if self.locale_id and others.exists():
            raise ValidationError("There is already a home page in this language.")
