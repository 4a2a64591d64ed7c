"""Page events → delivery rows, for public pages only, sent once their transaction commits."""

import copy
import threading
import uuid
from urllib.parse import quote

from django.conf import settings
from django.db.models.signals import post_delete, pre_delete
from django.utils import timezone

from wagtail.models import Page, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from cms.frontend import frontend_url, is_public, page_path
from cms.models import WebhookDelivery, WebhookEvent, WebhookSubscription

from .delivery import schedule


def subscribers(event_type, page):
    subscriptions = WebhookSubscription.objects.filter(active=True).prefetch_related("locales")
    return [s for s in subscriptions if s.wants(event_type, page.locale_id)]


def public_if_live(page):
    """Would the public see this page were it live? (An unpublished page was, if so.)"""
    live = copy.copy(page)
    live.live, live.expire_at = True, None
    return is_public(live)


def payload(event_type, page, *, with_urls=True, **extra):
    """The Standard Webhooks envelope:
    {"type": "page.published", "timestamp": "…Z", "data": {"event_id", "page_id", "permanent_id",
     "page_type", "locale", "url", "api_url", "time"}}"""
    now = timezone.now().isoformat().replace("+00:00", "Z")
    path = page_path(page) if with_urls else None
    data = {
        "event_id": f"evt_{uuid.uuid4().hex}",
        "page_id": page.pk,
        "permanent_id": str(page.translation_key),
        "page_type": page.specific_class._meta.label,
        "locale": page.locale.language_code,
        "url": frontend_url(page) if path is not None else None,
        "api_url": (
            f"{settings.WAGTAILADMIN_BASE_URL}/api/v2/pages/by-path/?path={quote(path)}"
            if path is not None
            else None
        ),
        "time": now,
        **extra,
    }
    return {"type": event_type, "timestamp": now, "data": data}


def emit(event_type, page, subscriptions=None, **payload_options):
    """A delivery row per subscriber, written in the current transaction and sent after it."""
    subscriptions = subscribers(event_type, page) if subscriptions is None else subscriptions
    if not subscriptions:
        return
    body = payload(event_type, page, **payload_options)
    for subscription in subscriptions:
        delivery = WebhookDelivery.objects.create(
            subscription=subscription,
            event_id=body["data"]["event_id"],
            event_type=event_type,
            payload=body,
        )
        schedule(delivery)


def on_published(sender, instance, **kwargs):
    if is_public(instance):
        emit(WebhookEvent.PAGE_PUBLISHED, instance)


def on_unpublished(sender, instance, **kwargs):
    # The front-end URL is where the page was: the receiver drops it there.
    if public_if_live(instance):
        emit(WebhookEvent.PAGE_UNPUBLISHED, instance)


# Where a page was public before a move, kept from the move's first signal to its second.
_moving = threading.local()


def before_move(sender, instance, url_path_before, url_path_after, **kwargs):
    _moving.urls = getattr(_moving, "urls", {})
    if url_path_before != url_path_after and is_public(instance):
        _moving.urls[instance.pk] = frontend_url(instance)


def on_moved(sender, instance, url_path_before, url_path_after, **kwargs):
    previous_url = getattr(_moving, "urls", {}).pop(instance.pk, None)
    if url_path_before == url_path_after:
        return  # reordered among its siblings: nothing public changed
    if is_public(instance):
        emit(WebhookEvent.PAGE_MOVED, instance, previous_url=previous_url)
    elif previous_url:
        # Moved out of public view (into a private section): tell where it was, not where it is.
        emit(WebhookEvent.PAGE_MOVED, instance, with_urls=False, previous_url=previous_url)


def before_delete(sender, instance, **kwargs):
    # Multi-table inheritance sends the signals for the specific page and its Page row: act once.
    if not isinstance(instance, Page) or type(instance) is not instance.specific_class:
        return
    subscriptions = subscribers(WebhookEvent.PAGE_DELETED, instance)
    # Decided before the deletion takes the page's own view restrictions with it.
    if subscriptions and is_public(instance):
        instance._webhook_subscribers = subscriptions


def on_deleted(sender, instance, **kwargs):
    subscriptions = getattr(instance, "_webhook_subscribers", None)
    if subscriptions:
        emit(WebhookEvent.PAGE_DELETED, instance, subscriptions, with_urls=False)


def connect_receivers():
    page_published.connect(on_published, dispatch_uid="webhooks")
    page_unpublished.connect(on_unpublished, dispatch_uid="webhooks")
    pre_page_move.connect(before_move, dispatch_uid="webhooks")
    post_page_move.connect(on_moved, dispatch_uid="webhooks")
    # Per page model (not for every model, which would end Django's fast deletes everywhere).
    for model in get_page_models():
        uid = f"webhooks-{model._meta.label}"
        pre_delete.connect(before_delete, sender=model, dispatch_uid=uid)
        post_delete.connect(on_deleted, sender=model, dispatch_uid=uid)
