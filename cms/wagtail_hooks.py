"""The editors' admin for site-wide content: one menu group, listings with search and filters."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import (
    Announcement,
    Group,
    LineOfEffort,
    Meeting,
    Member,
    Region,
    SocialAccount,
    SocialPost,
)
from .rich_text import AbsoluteDocumentLinkHandler, FrontendPageLinkHandler


class MemberViewSet(SnippetViewSet):
    model = Member
    icon = "globe"
    list_display = ["name", "kind", "code", "region", "joined_on", "join_order"]
    list_filter = ["kind", "region", "founding", "locale"]
    ordering = ["name"]


class GroupViewSet(SnippetViewSet):
    model = Group
    icon = "group"
    list_display = ["name", "established_on"]
    list_filter = ["locale"]


class MeetingViewSet(SnippetViewSet):
    model = Meeting
    icon = "calendar"
    list_display = ["title", "kind", "starts_on", "city", "format"]
    list_filter = ["kind", "format", "group", "locale"]


class LineOfEffortViewSet(SnippetViewSet):
    model = LineOfEffort
    icon = "tasks"
    list_display = ["name", "slug", "sort_order"]
    list_filter = ["locale"]


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    list_display = ["name", "slug"]
    list_filter = ["locale"]


class CoalitionViewSetGroup(SnippetViewSetGroup):
    menu_label = "Coalition"
    menu_icon = "globe"
    menu_order = 200
    items = (MemberViewSet, GroupViewSet, MeetingViewSet, LineOfEffortViewSet, RegionViewSet)


class SocialPostViewSet(SnippetViewSet):
    model = SocialPost
    icon = "comment"
    list_display = ["__str__", "status", "pinned", "locale", "posted_at"]
    list_filter = ["status", "pinned", "locale", "account"]
    list_export = ["account", "text", "status", "pinned", "posted_at", "permalink"]
    ordering = ["-posted_at"]


class SocialAccountViewSet(SnippetViewSet):
    model = SocialAccount
    icon = "user"
    list_display = ["__str__", "display_name", "locale", "is_own"]
    list_filter = ["platform", "is_own"]


class AnnouncementViewSet(SnippetViewSet):
    model = Announcement
    icon = "warning"
    list_display = ["text", "style", "active_from", "active_until", "locale"]
    list_filter = ["style", "locale"]


class SocialWallViewSetGroup(SnippetViewSetGroup):
    menu_label = "Social wall"
    menu_icon = "comment"
    menu_order = 210
    items = (SocialPostViewSet, SocialAccountViewSet)


register_snippet(CoalitionViewSetGroup)
register_snippet(SocialWallViewSetGroup)
register_snippet(AnnouncementViewSet)


# Registered after Wagtail's own handlers (order), so ours replace them.
@hooks.register("register_rich_text_features", order=100)
def resolve_links_for_the_front_end(features):
    features.register_link_type(FrontendPageLinkHandler)
    features.register_link_type(AbsoluteDocumentLinkHandler)


# Webhooks (cms.webhooks): subscriptions and the delivery log, under Settings.
@hooks.register("register_admin_viewset")
def register_webhooks():
    from .webhooks.admin import WebhookDeliveryViewSet, WebhookSubscriptionViewSet

    return [WebhookSubscriptionViewSet(), WebhookDeliveryViewSet()]
