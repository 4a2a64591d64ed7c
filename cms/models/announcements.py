"""Announcements: the home page banner, or the crisis “key messages” panel, shown for a window."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index


class AnnouncementQuerySet(models.QuerySet):
    def active(self, at=None):
        """Announcements whose window contains `at` (now by default), newest first."""
        at = at or timezone.now()
        return self.filter(
            models.Q(active_until__isnull=True) | models.Q(active_until__gt=at),
            active_from__lte=at,
        ).order_by("-active_from")


class Announcement(TranslatableMixin, index.Indexed, models.Model):
    class Style(models.TextChoices):
        BANNER = "banner", "Banner"
        KEY_MESSAGES = "key_messages", "Key messages"

    text = models.CharField(
        max_length=200, help_text="The headline of the announcement (200 characters)."
    )
    style = models.CharField(max_length=20, choices=Style.choices, default=Style.BANNER)
    key_messages = StreamField(
        [("message", blocks.CharBlock(max_length=200, icon="list-ul"))],
        blank=True,
        help_text="For the “Key messages” style: short bullet points (200 characters each).",
    )
    link_label = models.CharField(max_length=40, blank=True, default="Read more")
    link_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    link_url = models.URLField(blank=True, help_text="Only for links outside this site.")
    active_from = models.DateTimeField(default=timezone.now, help_text="When it starts showing.")
    active_until = models.DateTimeField(
        null=True, blank=True, help_text="When it stops showing. Leave blank to show until removed."
    )

    objects = AnnouncementQuerySet.as_manager()

    panels = [
        FieldPanel("text"),
        FieldPanel("style"),
        FieldPanel("key_messages"),
        MultiFieldPanel(
            [FieldPanel("link_label"), PageChooserPanel("link_page"), FieldPanel("link_url")],
            heading="Link",
        ),
        FieldRowPanel([FieldPanel("active_from"), FieldPanel("active_until")], heading="Showing"),
    ]
    search_fields = [index.SearchField("text"), index.AutocompleteField("text")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["-active_from"]

    def __str__(self):
        return self.text

    def clean(self):
        super().clean()
        errors = {}
        if self.active_until and self.active_from and self.active_until <= self.active_from:
            errors["active_until"] = "It must stop showing after it starts."
        if self.link_page_id and self.link_url:
            errors["link_url"] = "Choose a page or enter a URL, not both."
        if self.style == self.Style.KEY_MESSAGES and not self.key_messages:
            errors["key_messages"] = "The key messages style needs at least one message."
        if errors:
            raise ValidationError(errors)
