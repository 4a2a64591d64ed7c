"""Factories for every page type, the site-wide snippets and media; defaults are valid content."""

import datetime
import json

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group as AuthGroup
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Site
from wagtail.rich_text import RichText

from cms import blocks as cms_blocks
from cms.models import (
    Announcement,
    Group,
    GroupRole,
    LineOfEffort,
    Meeting,
    Member,
    Region,
    SiteSettings,
    SiteText,
    SocialAccount,
    SocialPost,
)
from pages.models import (
    CampaignPage,
    HomePage,
    InFocusIndexPage,
    InFocusPage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
    StatementIndexPage,
    StatementPage,
)

PASSWORD = "correct-horse-battery-staple"


def default_locale():
    return Locale.get_default()


def english_home():
    return HomePage.objects.get(locale__language_code="en")


def two_letters(n):
    """AA, AB, … ZZ: distinct, valid-looking ISO codes for generated member states."""
    return f"{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}"


class UserFactory(DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@coalition.test")
    password = factory.django.Password(PASSWORD)

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        """UserFactory(groups=["Editors"]): join Wagtail's groups by name."""
        if create and extracted:
            self.groups.add(*AuthGroup.objects.filter(name__in=extracted))


# Media ------------------------------------------------------------------------------------------


class ImageFactory(wagtail_factories.ImageFactory):
    # wagtail-factories would create a new root collection per image; use Wagtail's own root.
    collection = factory.LazyFunction(Collection.get_first_root_node)
    title = factory.Sequence(lambda n: f"Photo {n}")
    file = factory.django.ImageField(width=64, height=48, color="teal")
    credit = "Photo: Global Coalition"

    class Meta:
        model = get_image_model()


class DocumentFactory(wagtail_factories.DocumentFactory):
    collection = factory.LazyFunction(Collection.get_first_root_node)
    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.django.FileField(filename="plan.pdf", data=b"%PDF-1.4 test")

    class Meta:
        model = get_document_model()


# Blocks -----------------------------------------------------------------------------------------


class ParagraphBlockFactory(wagtail_factories.blocks.BlockFactory):
    value = factory.LazyFunction(
        lambda: RichText("<p>The Coalition remains united in its determination.</p>")
    )

    class Meta:
        model = cms_blocks.ParagraphBlock


class HeadingBlockFactory(wagtail_factories.StructBlockFactory):
    text = "Background"
    level = "h2"

    class Meta:
        model = cms_blocks.HeadingBlock


class StatementBodyBlockFactory(wagtail_factories.StreamBlockFactory):
    heading = factory.SubFactory(HeadingBlockFactory)
    paragraph = factory.SubFactory(ParagraphBlockFactory)

    class Meta:
        model = cms_blocks.StatementBodyBlock


class NewsBodyBlockFactory(StatementBodyBlockFactory):
    class Meta:
        model = cms_blocks.NewsBodyBlock


class InFocusBodyBlockFactory(StatementBodyBlockFactory):
    class Meta:
        model = cms_blocks.InFocusBodyBlock


class StandardBodyBlockFactory(StatementBodyBlockFactory):
    class Meta:
        model = cms_blocks.StandardBodyBlock


# Snippets ---------------------------------------------------------------------------------------


class RegionFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Region {n}")
    slug = factory.Sequence(lambda n: f"region-{n}")
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = Region


class LineOfEffortFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Line of effort {n}")
    slug = factory.Sequence(lambda n: f"line-of-effort-{n}")
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = LineOfEffort


class MemberFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"State {n}")
    kind = Member.Kind.STATE
    iso_code = factory.Sequence(two_letters)
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = Member

    class Params:
        organisation = factory.Trait(
            kind=Member.Kind.ORGANISATION,
            iso_code="",
            acronym=factory.Sequence(lambda n: f"ORG{n}"),
        )


class GroupFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Focus group {n}")
    slug = factory.Sequence(lambda n: f"focus-group-{n}")
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = Group


class GroupRoleFactory(DjangoModelFactory):
    group = factory.SubFactory(GroupFactory)
    member = factory.SubFactory(MemberFactory)
    role = GroupRole.Role.CO_CHAIR

    class Meta:
        model = GroupRole


class MeetingFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Ministerial meeting {n}")
    kind = Meeting.Kind.MINISTERIAL
    format = Meeting.Format.IN_PERSON
    city = "Rome"
    starts_on = datetime.date(2023, 1, 16)
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = Meeting


class AnnouncementFactory(DjangoModelFactory):
    text = factory.Sequence(lambda n: f"Announcement {n}")
    active_from = factory.LazyFunction(timezone.now)
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = Announcement


class SocialAccountFactory(DjangoModelFactory):
    platform = "x"
    handle = factory.Sequence(lambda n: f"coalition{n}")
    display_name = factory.Sequence(lambda n: f"Global Coalition {n}")
    profile_url = factory.LazyAttribute(lambda o: f"https://x.com/{o.handle.lstrip('@')}")

    class Meta:
        model = SocialAccount


class SocialPostFactory(DjangoModelFactory):
    account = factory.SubFactory(SocialAccountFactory)
    text = factory.Sequence(lambda n: f"Post number {n} from the Coalition.")
    permalink = factory.Sequence(lambda n: f"https://x.com/coalition/status/{1000 + n}")
    posted_at = factory.LazyFunction(timezone.now)
    status = SocialPost.Status.APPROVED
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = SocialPost


# Pages ------------------------------------------------------------------------------------------
# Pages are created live, so Wagtail runs the model's full validation (clean) when saving them.


class BasePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    live = True

    class Meta:
        abstract = True


class HomePageFactory(BasePageFactory):
    """The Arabic home page, a translation of the English one that the migrations create."""

    title = "التحالف الدولي ضد داعش"
    slug = "home-ar"
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="ar"))
    translation_key = factory.LazyFunction(lambda: english_home().translation_key)
    parent = factory.LazyFunction(lambda: english_home().get_parent())

    class Meta:
        model = HomePage


class StandardPageFactory(BasePageFactory):
    parent = factory.LazyFunction(english_home)
    body = wagtail_factories.StreamFieldFactory(StandardBodyBlockFactory)

    class Meta:
        model = StandardPage


class CampaignPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Campaign {n}")
    parent = factory.LazyFunction(english_home)

    class Meta:
        model = CampaignPage


class IndexPageFactory(BasePageFactory):
    """Index pages are one per home page: reuse the one under the parent if it exists."""

    parent = factory.LazyFunction(english_home)

    class Meta:
        abstract = True
        django_get_or_create = ("slug", "parent")


class NewsIndexPageFactory(IndexPageFactory):
    title = "News"

    class Meta:
        model = NewsIndexPage


class StatementIndexPageFactory(IndexPageFactory):
    title = "Statements"

    class Meta:
        model = StatementIndexPage


class InFocusIndexPageFactory(IndexPageFactory):
    title = "In Focus"

    class Meta:
        model = InFocusIndexPage


class NewsPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"News story {n}")
    parent = factory.SubFactory(NewsIndexPageFactory)
    body = wagtail_factories.StreamFieldFactory(NewsBodyBlockFactory)
    body__0 = "paragraph"

    class Meta:
        model = NewsPage


class StatementPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Joint statement {n}")
    parent = factory.SubFactory(StatementIndexPageFactory)
    body = wagtail_factories.StreamFieldFactory(StatementBodyBlockFactory)
    body__0 = "paragraph"

    class Meta:
        model = StatementPage


class InFocusPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Feature {n}")
    parent = factory.SubFactory(InFocusIndexPageFactory)
    hero_image = factory.SubFactory(ImageFactory)
    body = wagtail_factories.StreamFieldFactory(InFocusBodyBlockFactory)
    body__0 = "paragraph"

    class Meta:
        model = InFocusPage


# Publishing and site-wide settings --------------------------------------------------------------


def publish(page):
    """Publish through a revision, as an editor does: sets first/last_published_at."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


class SiteTextFactory(DjangoModelFactory):
    """Cookie notice and footer for one language, on the default site's settings."""

    settings = factory.LazyFunction(
        lambda: SiteSettings.for_site(Site.objects.get(is_default_site=True))
    )
    locale = factory.LazyFunction(default_locale)
    cookie_notice = factory.Sequence(lambda n: f"We use cookies ({n}).")

    class Meta:
        model = SiteText


def raw_stream(*blocks):
    """StreamField content as the editor's form saves it: raw JSON of (type, value) pairs, with
    choosers as ids; Wagtail adds the block ids."""
    return json.dumps([{"type": type_, "value": value} for type_, value in blocks])
