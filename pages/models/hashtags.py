"""Hashtag links, one through-model per page type (modelcluster needs a concrete parent)."""

from django.db import models

from modelcluster.fields import ParentalKey
from taggit.models import ItemBase

from cms.models import Hashtag


class PageHashtag(ItemBase):
    # Each through-model needs its own reverse name: taggit queries tags through it.
    tag = models.ForeignKey(
        Hashtag, on_delete=models.CASCADE, related_name="%(app_label)s_%(class)s_items"
    )

    class Meta:
        abstract = True


class NewsHashtag(PageHashtag):
    content_object = ParentalKey(
        "pages.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class InFocusHashtag(PageHashtag):
    content_object = ParentalKey(
        "pages.InFocusPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class StatementHashtag(PageHashtag):
    content_object = ParentalKey(
        "pages.StatementPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class CampaignHashtag(PageHashtag):
    content_object = ParentalKey(
        "pages.CampaignPage", on_delete=models.CASCADE, related_name="tagged_items"
    )
