"""Page models: one module per family."""

from .campaigns import CampaignPage
from .hashtags import CampaignHashtag, InFocusHashtag, NewsHashtag, StatementHashtag
from .home import HomePage
from .infocus import InFocusIndexPage, InFocusPage
from .news import NewsIndexPage, NewsPage
from .standard import StandardPage
from .statements import StatementAttachment, StatementIndexPage, StatementIssuer, StatementPage

__all__ = [
    "CampaignHashtag",
    "CampaignPage",
    "HomePage",
    "InFocusHashtag",
    "InFocusIndexPage",
    "InFocusPage",
    "NewsHashtag",
    "NewsIndexPage",
    "NewsPage",
    "StandardPage",
    "StatementAttachment",
    "StatementHashtag",
    "StatementIndexPage",
    "StatementIssuer",
    "StatementPage",
]
