"""Members of the Coalition, the groups they form and the meetings they hold."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


class MemberQuerySet(models.QuerySet):
    def count_members(self):
        """How many states and organisations belong to the Coalition, in any language."""
        return self.values("translation_key").distinct().count()


class Member(TranslatableMixin, index.Indexed, models.Model):
    class Kind(models.TextChoices):
        STATE = "state", "State"
        ORGANISATION = "organisation", "Organisation"

    name = models.CharField(max_length=100, help_text="Common name, e.g. “Türkiye” or “NATO”.")
    official_name = models.CharField(
        max_length=200, blank=True, help_text="E.g. “Republic of Iraq”. Leave blank if the same."
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.STATE)
    iso_code = models.CharField(
        "ISO code",
        max_length=2,
        blank=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", "Two capital letters, e.g. “IQ”.")],
        help_text="ISO 3166-1 alpha-2 code, for states: “IQ”, “US”. Same in every language.",
    )
    acronym = models.CharField(
        max_length=20, blank=True, help_text="For organisations: “EU”, “NATO”, “INTERPOL”."
    )
    flag = models.ForeignKey(
        "cms.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    region = models.ForeignKey(
        "cms.Region", null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    joined_on = models.DateField(null=True, blank=True, help_text="When it joined the Coalition.")
    joined_on_precision = models.CharField(
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="How exactly the joining date is known.",
    )
    join_order = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Its place in order of joining: Togo was the 86th."
    )
    founding = models.BooleanField(default=False, help_text="A founding member (September 2014).")

    objects = MemberQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("official_name"), FieldPanel("kind")],
            heading="Identity",
        ),
        FieldRowPanel([FieldPanel("iso_code"), FieldPanel("acronym")], heading="Codes"),
        FieldPanel("flag"),
        FieldPanel("region"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("joined_on"), FieldPanel("joined_on_precision")]),
                FieldRowPanel([FieldPanel("join_order"), FieldPanel("founding")]),
            ],
            heading="Membership",
        ),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("official_name"),
        index.SearchField("acronym"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def code(self):
        """What partners filter by: a state's ISO code, an organisation's acronym."""
        return self.iso_code or self.acronym

    def clean(self):
        super().clean()
        if self.kind == self.Kind.STATE and not self.iso_code:
            raise ValidationError({"iso_code": "A state needs its ISO 3166-1 alpha-2 code."})
        if self.kind == self.Kind.ORGANISATION and not self.acronym:
            raise ValidationError({"acronym": "An organisation needs an acronym."})
        if self.founding and self.joined_on and self.joined_on.year > 2014:
            raise ValidationError({"founding": "Founding members joined in 2014."})


class Group(TranslatableMixin, index.Indexed, ClusterableModel):
    """A standing format of the Coalition, such as the Small Group or the Africa Focus Group."""

    name = models.CharField(max_length=120, help_text="E.g. “Africa Focus Group”.")
    slug = models.SlugField(
        max_length=80, help_text="Stable code for API filters: “africa-focus-group”."
    )
    description = models.TextField(blank=True, max_length=600, help_text="600 characters.")
    established_on = models.DateField(null=True, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("established_on"),
        InlinePanel(
            "roles",
            heading="Roles",
            label="Role",
            help_text="Who chairs, leads or hosts, and when. Co-chairs change over time: "
            "end a role rather than deleting it.",
        ),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_group_slug")]

    def __str__(self):
        return self.name

    def roles_on(self, day=None):
        """The roles held on a given day (today by default)."""
        day = day or timezone.localdate()
        return self.roles.filter(
            models.Q(started_on__isnull=True) | models.Q(started_on__lte=day),
            models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=day),
        )


class GroupRole(Orderable):
    class Role(models.TextChoices):
        CO_CHAIR = "co_chair", "Co-chair"
        CO_LEAD = "co_lead", "Co-lead"
        HOST = "host", "Host"
        MEMBER = "member", "Member"

    group = ParentalKey(Group, on_delete=models.CASCADE, related_name="roles")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="group_roles")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.CO_CHAIR)
    started_on = models.DateField(null=True, blank=True, help_text="Blank if since the start.")
    ended_on = models.DateField(null=True, blank=True, help_text="Blank while the role is held.")

    panels = [
        FieldRowPanel([FieldPanel("member"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("started_on"), FieldPanel("ended_on")]),
    ]

    def clean(self):
        super().clean()
        if self.started_on and self.ended_on and self.ended_on < self.started_on:
            raise ValidationError({"ended_on": "A role cannot end before it starts."})

    def __str__(self):
        return f"{self.member} – {self.get_role_display()}"


class Meeting(TranslatableMixin, index.Indexed, ClusterableModel):
    class Kind(models.TextChoices):
        MINISTERIAL = "ministerial", "Ministerial meeting"
        SMALL_GROUP = "small_group", "Small Group meeting"
        POLITICAL_DIRECTORS = "political_directors", "Political directors' meeting"
        FOCUS_GROUP = "focus_group", "Focus group meeting"
        WORKING_GROUP = "working_group", "Working group meeting"
        OTHER = "other", "Other"

    class Format(models.TextChoices):
        IN_PERSON = "in_person", "In person"
        VIRTUAL = "virtual", "Virtual"
        HYBRID = "hybrid", "Hybrid"

    title = models.CharField(
        max_length=200, help_text="E.g. “Africa Focus Group meeting, Cotonou”."
    )
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.MINISTERIAL)
    group = models.ForeignKey(
        Group, null=True, blank=True, on_delete=models.SET_NULL, related_name="meetings"
    )
    starts_on = models.DateField(help_text="First day of the meeting.")
    ends_on = models.DateField(null=True, blank=True, help_text="Last day, if it ran over several.")
    city = models.CharField(max_length=100, blank=True, help_text="Blank for virtual meetings.")
    format = models.CharField(max_length=20, choices=Format.choices, default=Format.IN_PERSON)
    participant_count = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Members and observers taking part, e.g. 38."
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("format")]),
        FieldPanel("group"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldRowPanel([FieldPanel("city"), FieldPanel("participant_count")]),
        InlinePanel("hosts", heading="Hosts", label="Host"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("city"),
        index.AutocompleteField("title"),
        index.FilterField("kind"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["-starts_on"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": "A meeting cannot end before it starts."})
        if self.format == self.Format.IN_PERSON and not self.city:
            raise ValidationError({"city": "An in-person meeting needs a city."})


class MeetingHost(Orderable):
    class Role(models.TextChoices):
        HOST = "host", "Host"
        CO_HOST = "co_host", "Co-host"

    meeting = ParentalKey(Meeting, on_delete=models.CASCADE, related_name="hosts")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="meetings_hosted")
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.HOST)

    panels = [FieldRowPanel([FieldPanel("member"), FieldPanel("role")])]
