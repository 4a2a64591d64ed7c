"""Lines of effort and regions: the two axes every story and statement is filed under."""

from django.db import models

from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class LineOfEffort(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(max_length=80, help_text="E.g. “Stabilisation” (80 characters).")
    slug = models.SlugField(
        max_length=80,
        help_text="Stable code used in API filters, e.g. “stabilisation”. Same in every language.",
    )
    summary = models.TextField(blank=True, max_length=300, help_text="One or two sentences.")
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The mission page that explains this line of effort.",
    )
    sort_order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers come first.")

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("summary"),
        PageChooserPanel("page"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name_plural = "lines of effort"
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_line_of_effort_slug"),
        ]

    def __str__(self):
        return self.name


class Region(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(max_length=80, help_text="E.g. “Sub-Saharan Africa”.")
    slug = models.SlugField(
        max_length=80, help_text="Stable code used in API filters, e.g. “iraq”."
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_region_slug")
        ]

    def __str__(self):
        return self.name
