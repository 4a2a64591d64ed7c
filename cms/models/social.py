"""The social wall: posts curated as data, so nothing appears without an editor's approval."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import ItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from .hashtags import Hashtag


class Platform(models.TextChoices):
    X = "x", "X (Twitter)"
    FACEBOOK = "facebook", "Facebook"
    INSTAGRAM = "instagram", "Instagram"
    YOUTUBE = "youtube", "YouTube"
    LINKEDIN = "linkedin", "LinkedIn"
    TELEGRAM = "telegram", "Telegram"


class SocialAccount(index.Indexed, models.Model):
    platform = models.CharField(max_length=20, choices=Platform.choices, default=Platform.X)
    handle = models.CharField(max_length=60, help_text="Without the “@”, e.g. “Coalition”.")
    display_name = models.CharField(max_length=100, help_text="E.g. “Global Coalition (English)”.")
    profile_url = models.URLField()
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The language the account posts in, if it has one.",
    )
    is_own = models.BooleanField(
        default=False, help_text="One of the Coalition's own accounts (shown in “Follow us”)."
    )

    panels = [
        FieldRowPanel([FieldPanel("platform"), FieldPanel("handle")]),
        FieldPanel("display_name"),
        FieldPanel("profile_url"),
        FieldRowPanel([FieldPanel("locale"), FieldPanel("is_own")]),
    ]
    search_fields = [index.SearchField("handle"), index.SearchField("display_name")]

    class Meta:
        ordering = ["platform", "handle"]
        constraints = [
            models.UniqueConstraint(fields=["platform", "handle"], name="unique_social_account"),
        ]

    def __str__(self):
        return f"@{self.handle} ({self.get_platform_display()})"

    def save(self, *args, **kwargs):
        self.handle = self.handle.strip().lstrip("@")
        super().save(*args, **kwargs)

    def clean(self):
        # Normalise before validation, so "@Coalition" is caught as a duplicate of "Coalition".
        self.handle = self.handle.strip().lstrip("@")
        super().clean()


class SocialPostQuerySet(models.QuerySet):
    def for_wall(self):
        """Approved posts as the wall shows them: pinned first, newest next."""
        return self.filter(status=SocialPost.Status.APPROVED).order_by(
            "-pinned", "-posted_at", "-pk"
        )


class SocialPost(index.Indexed, ClusterableModel):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending review"
        APPROVED = "approved", "Approved"
        HIDDEN = "hidden", "Hidden"

    account = models.ForeignKey(SocialAccount, on_delete=models.CASCADE, related_name="posts")
    text = models.TextField(max_length=2000, help_text="The post's text as published.")
    image = models.ForeignKey(
        "cms.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    image_alt = models.CharField(
        max_length=250, blank=True, help_text="Describe the image for people who cannot see it."
    )
    hashtags = ClusterTaggableManager(through="cms.SocialPostHashtag", blank=True)
    posted_at = models.DateTimeField(default=timezone.now)
    permalink = models.URLField(unique=True, help_text="The post's own address on the platform.")
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.PENDING,
        help_text="Only approved posts appear on the wall.",
    )
    pinned = models.BooleanField(default=False, help_text="Pinned posts come first.")
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The wall this post belongs to.",
    )

    objects = SocialPostQuerySet.as_manager()

    panels = [
        FieldPanel("account"),
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("image"), FieldPanel("image_alt")]),
        FieldPanel("hashtags"),
        FieldRowPanel([FieldPanel("posted_at"), FieldPanel("permalink")]),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("status"), FieldPanel("pinned")]), FieldPanel("locale")],
            heading="Moderation",
        ),
    ]
    search_fields = [
        index.SearchField("text"),
        index.AutocompleteField("text"),
        index.FilterField("status"),
        index.FilterField("locale_id"),
    ]

    class Meta:
        ordering = ["-pinned", "-posted_at"]
        indexes = [models.Index(fields=["status", "locale", "-pinned", "-posted_at"])]

    def __str__(self):
        return f"{self.account}: {self.text[:60]}"

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt:
            raise ValidationError({"image_alt": "Describe the image: the wall is read aloud too."})


class SocialPostHashtag(ItemBase):
    tag = models.ForeignKey(Hashtag, on_delete=models.CASCADE, related_name="social_post_items")
    content_object = ParentalKey(SocialPost, on_delete=models.CASCADE, related_name="tagged_items")
