"""What a change makes stale: the cache tags (api.cache) each kind of change touches.

Pages: the page itself (every answer showing it as a page, breadcrumb, translation or related
card carries its tag), the listings of its type, the site's navigation when it sits in it, and
Wagtail's stock endpoints. Snippets, images and documents: the pages that show them, found with
Wagtail's reference index, and the site-wide answers that list them. The partner API: whatever
its ledger records.

Tags are replaced at once and again when the transaction commits: the second pass catches an
answer another request cached from the old data in between.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, ReferenceIndex
from wagtail.signals import page_published, page_unpublished, post_page_move

from api.models import StatementChange
from cms import models as cms
from pages.models import InFocusPage, NewsPage, StatementPage

from . import cache

LISTS = {f"list:{model._meta.label}" for model in (NewsPage, StatementPage, InFocusPage)}
# What else each kind of snippet shows up in, besides the pages that reference it.
SNIPPET_TAGS = {
    cms.Member: {"site", "partners:members"},
    cms.Group: {"partners:members"},
    cms.Meeting: {"partners:members"},
    cms.Region: {"partners:members"},
    cms.LineOfEffort: {"site", "partners:members", *LISTS},
    cms.SocialPost: {"social"},
    cms.SocialAccount: {"social"},
    cms.Announcement: {"site"},
    cms.SiteSettings: {"site"},
    cms.SiteText: {"site"},
    cms.SocialLink: {"site"},
    Redirect: {"redirects"},
}


def invalidate(tags):
    tags = set(tags)
    urls = cache.invalidate(tags)

    def after_commit():
        purge = urls | cache.invalidate(tags)
        if purge and settings.WAGTAILFRONTENDCACHE:
            purge_urls_from_cache(sorted(purge))  # Wagtail queues the CDN's API calls as a task

    transaction.on_commit(after_commit)


def page_tags(page):
    """The page, and every answer showing it (api.pages.page_cache_tags) or linking to it."""
    tags = {f"page:{page.pk}", f"translation:{page.translation_key}", f"path:{page.path}"}
    tags |= {"stock", "sitemap"}
    tags |= referencing_pages(page)
    model = page.specific_class
    if model is not None:
        tags.add(f"list:{model._meta.label}")
    if page.depth <= 3 or page.show_in_menus:
        tags.add("site")  # the home pages and the navigation under them
    return tags


def on_page_change(sender, instance, **kwargs):
    invalidate(page_tags(instance))


def on_section_change(sender, instance, **kwargs):
    """A move or a privacy change: every answer under the section, and every listing."""
    page = instance.page if isinstance(instance, PageViewRestriction) else instance
    invalidate(page_tags(page) | LISTS | {"site", "sitemap"})


def referencing_pages(instance):
    page_type = ContentType.objects.get_for_model(Page)
    references = ReferenceIndex.get_references_to(instance).filter(base_content_type=page_type)
    return {f"page:{page_id}" for page_id in references.values_list("object_id", flat=True)}


def on_snippet_change(sender, instance, **kwargs):
    invalidate(SNIPPET_TAGS.get(sender, set()) | referencing_pages(instance))


def on_media_change(sender, instance, **kwargs):
    invalidate({"stock", *LISTS} | referencing_pages(instance))


def on_statement_record_change(sender, instance, created, **kwargs):
    invalidate({"partners:statements"})


def connect_receivers():
    for signal in (page_published, page_unpublished):
        signal.connect(on_page_change, dispatch_uid="api-cache")
    post_delete.connect(on_page_change, sender=Page, dispatch_uid="api-cache")
    post_page_move.connect(on_section_change, dispatch_uid="api-cache")
    for signal in (post_save, post_delete):
        signal.connect(on_section_change, sender=PageViewRestriction, dispatch_uid="api-cache")
        for model in SNIPPET_TAGS:
            signal.connect(on_snippet_change, sender=model, dispatch_uid="api-cache")
        for model in (get_image_model(), get_document_model()):
            signal.connect(on_media_change, sender=model, dispatch_uid="api-cache")
    post_save.connect(on_statement_record_change, sender=StatementChange, dispatch_uid="api-cache")
