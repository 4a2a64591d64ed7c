"""Site-wide content: images, taxonomy, members, social wall, announcements, settings, webhooks."""

from .announcements import Announcement
from .hashtags import Hashtag
from .images import CustomImage, CustomRendition
from .members import Group, GroupRole, Meeting, MeetingHost, Member
from .settings import SiteSettings, SiteText, SocialLink
from .social import SocialAccount, SocialPost, SocialPostHashtag
from .taxonomy import LineOfEffort, Region
from .webhooks import WebhookDelivery, WebhookEvent, WebhookSubscription

__all__ = [
    "Announcement",
    "CustomImage",
    "CustomRendition",
    "Group",
    "GroupRole",
    "Hashtag",
    "LineOfEffort",
    "Meeting",
    "MeetingHost",
    "Member",
    "Region",
    "SiteSettings",
    "SiteText",
    "SocialAccount",
    "SocialLink",
    "SocialPost",
    "SocialPostHashtag",
    "WebhookDelivery",
    "WebhookEvent",
    "WebhookSubscription",
]
