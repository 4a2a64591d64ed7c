"""What every page shares, and what news, In Focus and statements share as articles."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.contrib.redirects.models import Redirect
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_headless_preview.models import HeadlessPreviewMixin

from cms import serializers
from cms.blocks import PageReferenceBlock
from cms.frontend import frontend_url

ARTICLE_PAGE_TYPES = ["pages.NewsPage", "pages.InFocusPage", "pages.StatementPage"]


def editor_tabs(content_panels, *middle_tabs, promote_panels, settings_panels):
    """Tabs in the order an editor works: content, the type's own details, promotion, settings."""
    return TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            *middle_tabs,
            ObjectList(promote_panels, heading="Promotion"),
            ObjectList(settings_panels, heading="Settings", classname="settings"),
        ]
    )


class BasePage(HeadlessPreviewMixin, Page):
    """Previews are the front end's: the admin's Preview opens FRONTEND_BASE_URL's preview route
    with a signed token, and the front end reads the unsaved page from `/api/v2/preview/`."""

    summary = models.TextField(
        max_length=320,
        blank=True,
        help_text="The teaser shown in listings and shared links: about 40 words (320 characters).",
    )
    social_image = models.ForeignKey(
        "cms.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when the page is shared. Defaults to the hero image.",
    )

    promote_panels = [
        *Page.promote_panels,
        FieldPanel("social_image"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]

    # The page's public shape: the API serialises exactly these fields, in this order, and
    # prefetches what they show so a page costs a fixed number of queries.
    api_fields = [APIField("summary")]
    api_prefetch_related = []

    class Meta:
        abstract = True

    def get_template(self, request, *args, **kwargs):
        # Pages are rendered by the front end, previews included; a plain template answers
        # Wagtail's own page URLs.
        return "pages/page.html"

    def get_sitemap_urls(self, request=None):
        """The page's address on the front end, which is what search engines should index."""
        return [{"location": frontend_url(self, request), "lastmod": self.last_published_at}]


class ArticlePage(BasePage):
    """News, In Focus and statements: dated, illustrated, filed by line of effort and region."""

    date = models.DateField(
        default=timezone.localdate,
        help_text="The date the item was issued, shown on the page and used for ordering.",
    )
    hero_image = models.ForeignKey(
        "cms.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_caption = models.CharField(
        max_length=250, blank=True, help_text="Shown under the hero image (250 characters)."
    )
    hero_credit = models.CharField(
        max_length=120, blank=True, help_text="Leave blank to use the image's own credit."
    )
    lines_of_effort = ParentalManyToManyField(
        "cms.LineOfEffort", blank=True, related_name="%(class)s_pages"
    )
    regions = ParentalManyToManyField("cms.Region", blank=True, related_name="%(class)s_pages")
    related = StreamField(
        [("page", PageReferenceBlock(page_type=ARTICLE_PAGE_TYPES))],
        blank=True,
        max_num=6,
        help_text="Up to six related news items, features or statements, in the order shown.",
    )
    legacy_url = models.CharField(
        "legacy URL",
        max_length=255,
        blank=True,
        validators=[RegexValidator(r"^/\S*$", "A path on the old site, starting with “/”.")],
        help_text="The old site's address for this item, e.g. “/?p=21779”. "
        "Visitors following it are redirected here once the page is published.",
    )

    hero_panels = [
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_caption"), FieldPanel("hero_credit")],
            heading="Hero image",
        )
    ]
    filing_panels = [
        FieldPanel("lines_of_effort", widget=forms.CheckboxSelectMultiple),
        FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
        FieldPanel("hashtags", help_text="Without “#”, e.g. DefeatDaesh. Press Enter after each."),
        FieldPanel("related"),
    ]
    settings_panels = [*BasePage.settings_panels, FieldPanel("legacy_url")]
    # An old link belongs to the original alone: translations and copies start without it.
    exclude_fields_in_copy = ["legacy_url"]
    search_fields = [*BasePage.search_fields, index.FilterField("date")]

    api_fields = [
        *BasePage.api_fields,
        APIField("date"),
        APIField("hero", serializer=serializers.HeroImageSerializer(source="*")),
        APIField("lines_of_effort", serializer=serializers.TermSerializer(many=True)),
        APIField("regions", serializer=serializers.TermSerializer(many=True)),
        APIField("hashtags", serializer=serializers.HashtagsSerializer(source="*")),
    ]
    api_prefetch_related = ["lines_of_effort", "regions", "tagged_items__tag"]

    class Meta:
        abstract = True
        # Listings page through (date, id) from the newest: without this index every request
        # sorts the whole table, and its cost grows with the archive.
        indexes = [models.Index(fields=["date", "page_ptr"], name="%(class)s_date")]

    def clean(self):
        super().clean()
        if self.legacy_url:
            taken = Redirect.objects.filter(old_path=Redirect.normalise_path(self.legacy_url))
            other = taken.exclude(redirect_page_id=self.pk).first()
            if other:
                raise ValidationError(
                    {"legacy_url": f"This old address already leads to “{other.link}”."}
                )

    @property
    def hero_credit_text(self):
        return self.hero_credit or (self.hero_image.credit if self.hero_image else "")
