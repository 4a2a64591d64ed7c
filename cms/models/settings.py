"""Site settings: social links, and the cookie notice and footer text in each language."""

from django.db import models

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

from .social import Platform


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting, ClusterableModel):
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [InlinePanel("texts", label="Language", heading="Cookie notice and footer")],
                heading="Text by language",
            ),
            ObjectList([InlinePanel("social_links", label="Link")], heading="Social links"),
        ]
    )

    class Meta:
        verbose_name = "site settings"

    def text_for(self, locale):
        """The texts for a locale, falling back to the first language entered."""
        texts = list(self.texts.all())
        return next((t for t in texts if t.locale_id == locale.pk), texts[0] if texts else None)


class SiteText(Orderable):
    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="texts")
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    cookie_notice = models.TextField(
        max_length=400, help_text="Shown until the visitor accepts (400 characters)."
    )
    cookie_policy_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    footer_text = models.TextField(max_length=400, blank=True, help_text="400 characters.")
    copyright = models.CharField(max_length=120, blank=True, help_text="E.g. “© Global Coalition”.")

    panels = [
        FieldPanel("locale"),
        FieldPanel("cookie_notice"),
        FieldPanel("cookie_policy_page"),
        FieldPanel("footer_text"),
        FieldPanel("copyright"),
    ]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["settings", "locale"], name="unique_site_text_locale"),
        ]


class SocialLink(Orderable):
    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="social_links")
    platform = models.CharField(max_length=20, choices=Platform.choices)
    url = models.URLField()
    label = models.CharField(max_length=60, help_text="E.g. “@Coalition on X”.")

    panels = [FieldPanel("platform"), FieldPanel("url"), FieldPanel("label")]
