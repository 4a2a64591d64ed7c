"""Official statements: joint statements, communiqués and readouts issued by named governments."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from cms import serializers
from cms.blocks import StatementBodyBlock

from .base import ArticlePage, BasePage, editor_tabs


class StatementIndexPage(BasePage):
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.StatementPage"]
    max_count_per_parent = 1

    content_panels = [*BasePage.content_panels, FieldPanel("summary")]


class StatementPage(ArticlePage):
    class StatementType(models.TextChoices):
        JOINT_STATEMENT = "joint_statement", "Joint statement"
        CO_CHAIRS_STATEMENT = "co_chairs_statement", "Co-chairs' statement"
        JOINT_COMMUNIQUE = "joint_communique", "Joint communiqué by ministers"
        SMALL_GROUP_COMMUNIQUE = "small_group_communique", "Small Group communiqué"
        POLITICAL_DIRECTORS_STATEMENT = (
            "political_directors_statement",
            "Political directors' statement",
        )
        READOUT = "readout", "Readout"
        ON_BEHALF_OF_COALITION = "on_behalf_of_coalition", "Statement on behalf of the Coalition"
        WORKING_GROUP_STATEMENT = "working_group_statement", "Working group statement"
        GUIDING_PRINCIPLES = "guiding_principles", "Guiding principles"

    statement_type = models.CharField(
        "type", max_length=40, choices=StatementType.choices, default=StatementType.JOINT_STATEMENT
    )
    meeting = models.ForeignKey(
        "cms.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="statements",
        help_text="The meeting it was issued at. Its dates are stored there, not in the text.",
    )
    place = models.CharField(
        max_length=100,
        blank=True,
        help_text="Where it was issued, e.g. “Niamey”; blank if virtual.",
    )
    group = models.ForeignKey(
        "cms.Group",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="statements",
        help_text="The Coalition format that issued it, e.g. the Africa Focus Group.",
    )
    on_behalf_of_all_members = models.BooleanField(
        default=False, help_text="Issued on behalf of every member of the Coalition."
    )
    attribution = models.TextField(
        max_length=600,
        blank=True,
        help_text="“The text of the following statement was released by the Government of … "
        "on the occasion of …”. Shown above the text (600 characters).",
    )
    members_welcomed = ParentalManyToManyField(
        "cms.Member",
        blank=True,
        related_name="welcomed_in",
        help_text="New members the statement welcomes into the Coalition.",
    )
    body = StreamField(StatementBodyBlock())
    source_name = models.CharField(
        "original source",
        max_length=150,
        blank=True,
        help_text="Where the text was first published, e.g. “U.S. Department of State media note”.",
    )
    source_url = models.URLField("original source URL", blank=True)
    hashtags = ClusterTaggableManager(through="pages.StatementHashtag", blank=True)

    parent_page_types = ["pages.StatementIndexPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("attribution"),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("attachments", heading="Attachments", label="Attachment"),
        *ArticlePage.hero_panels,
    ]
    details_panels = [
        FieldRowPanel([FieldPanel("statement_type"), FieldPanel("date")]),
        FieldRowPanel([FieldPanel("meeting"), FieldPanel("place")]),
        FieldPanel("group"),
        MultiFieldPanel(
            [
                FieldPanel("on_behalf_of_all_members"),
                InlinePanel(
                    "issuers",
                    label="Issuer",
                    help_text="In the order they are named in the statement.",
                ),
            ],
            heading="Issuers",
        ),
        FieldPanel("members_welcomed", widget=forms.SelectMultiple),
        MultiFieldPanel(
            [FieldPanel("source_name"), FieldPanel("source_url")], heading="Original source"
        ),
        *ArticlePage.filing_panels,
    ]
    edit_handler = editor_tabs(
        content_panels,
        ObjectList(details_panels, heading="Statement details"),
        promote_panels=ArticlePage.promote_panels,
        settings_panels=ArticlePage.settings_panels,
    )
    search_fields = [
        *ArticlePage.search_fields,
        index.SearchField("attribution"),
        index.SearchField("body"),
        index.FilterField("statement_type"),
    ]
    api_fields = [
        *ArticlePage.api_fields,
        APIField("statement_type"),
        APIField("meeting", serializer=serializers.MeetingSerializer()),
        APIField("place"),
        APIField("group", serializer=serializers.TermSerializer()),
        APIField("on_behalf_of_all_members"),
        APIField("attribution"),
        APIField("issuers", serializer=serializers.IssuerSerializer(many=True)),
        APIField("members_welcomed", serializer=serializers.MemberSerializer(many=True)),
        APIField("body"),
        APIField("attachments", serializer=serializers.AttachmentSerializer(many=True)),
        APIField("source", serializer=serializers.SourceSerializer(source="*")),
    ]
    api_prefetch_related = [
        *ArticlePage.api_prefetch_related,
        "issuers__member__flag",
        "members_welcomed__flag",
        "attachments__document",
        "meeting__hosts__member__flag",
        "group",
    ]

    def clean(self):
        super().clean()
        if self.source_url and not self.source_name:
            raise ValidationError({"source_name": "Name the source you link to."})


class StatementIssuer(Orderable):
    class Role(models.TextChoices):
        RELEASING = "releasing", "Releasing government"
        CO_CHAIR = "co_chair", "Co-chair"
        HOST = "host", "Host"
        CO_HOST = "co_host", "Co-host"
        SIGNATORY = "signatory", "Signatory"

    page = ParentalKey(StatementPage, on_delete=models.CASCADE, related_name="issuers")
    member = models.ForeignKey("cms.Member", on_delete=models.PROTECT, related_name="issued")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.SIGNATORY)

    panels = [FieldRowPanel([FieldPanel("member"), FieldPanel("role")])]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["page", "member", "role"], name="unique_issuer_role"),
        ]

    def __str__(self):
        return f"{self.member} ({self.get_role_display()})"


class StatementAttachment(Orderable):
    page = ParentalKey(StatementPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(
        max_length=150,
        blank=True,
        help_text="E.g. “Action plan (PDF)”. Defaults to the file's title.",
    )

    panels = [FieldPanel("document"), FieldPanel("title")]
