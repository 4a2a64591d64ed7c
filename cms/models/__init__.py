"""Site-wide content: images, taxonomy, members and groups, social wall, announcements, settings."""

from .announcements import Announcement
from .hashtags import Hashtag
from .images import CustomImage, CustomRendition
from .members import Group, GroupRole, Meeting, MeetingHost, Member
from .settings import SiteSettings, SiteText, SocialLink
from .social import SocialAccount, SocialPost, SocialPostHashtag
from .taxonomy import LineOfEffort, Region

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
]
