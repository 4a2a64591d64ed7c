"""Sending a delivery: sign, POST through the SSRF guard, record, retry with backoff, give up."""

import json
import logging
import time
from datetime import timedelta
from urllib.parse import urlsplit

from django_tasks import task
from standardwebhooks import Webhook

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from wagtail.admin.mail import send_mail

from cms.models import WebhookDelivery, WebhookSubscription

from .network import DeliveryError, RefusedTarget, post

logger = logging.getLogger(__name__)

# The wait after each failed attempt: 30 s doubling to a 4-hour cap, 14 waits, so the 15th and
# last attempt comes 24 h 15 min after the first. One constant: the admin and README cite it.
RETRY_SCHEDULE = tuple(timedelta(seconds=min(30 * 2**n, 4 * 3600)) for n in range(14))
MAX_ATTEMPTS = len(RETRY_SCHEDULE) + 1
# A subscription every attempt to which has failed for this long is turned off.
DISABLE_AFTER = timedelta(hours=24)
# How long a claimed attempt holds its delivery beyond WEBHOOK_TIMEOUT_SECONDS before another
# worker may take it over: time to resolve the receiver's name (glibc's resolver gives up after
# 5 s x 2 tries per name server, 30 s with three) and for the attempt's few queries.
LEASE_MARGIN = timedelta(seconds=60)

OPEN = (WebhookDelivery.Status.PENDING, WebhookDelivery.Status.RETRYING)


def signed_request(delivery, secret, now):
    """The body and the Standard Webhooks headers for one attempt (a fresh timestamp each)."""
    body = json.dumps(delivery.payload, separators=(",", ":"), ensure_ascii=False)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "CoalitionCMS-Webhooks/1",
        "webhook-id": delivery.event_id,
        "webhook-timestamp": str(int(now.timestamp())),
        "webhook-signature": Webhook(secret).sign(delivery.event_id, now, body),
    }
    return body.encode(), headers


def enqueue(delivery_id):
    deliver_webhook.enqueue(delivery_id)


def schedule(delivery):
    """Run the delivery's attempt once its transaction commits (nothing for a rolled-back one)."""
    transaction.on_commit(lambda: enqueue(delivery.pk), robust=True)


@task
def deliver_webhook(delivery_id):
    attempt(delivery_id)


@task
def deliver_due_webhooks():
    """Every delivery whose attempt is due: retries where the task backend cannot defer a task,
    and anything whose enqueueing was lost (a worker that died, a queue that was down)."""
    due = WebhookDelivery.objects.filter(status__in=OPEN, next_attempt_at__lte=timezone.now())
    for delivery_id in due.order_by("next_attempt_at").values_list("pk", flat=True):
        attempt(delivery_id)


def attempt(delivery_id):
    """One attempt at one delivery, if it is due and no other worker has claimed it."""
    now = timezone.now()
    timeout = settings.WEBHOOK_TIMEOUT_SECONDS
    # The lease outlasts the attempt by construction: once the name is resolved, post() spends
    # at most `timeout` seconds on the network in all, whatever the receiver does (its Deadline
    # cuts the connection off), and LEASE_MARGIN covers the rest, so the attempt is recorded
    # before the lease lapses and no second worker can send the delivery while this one still
    # is. The claim is one conditional UPDATE, atomic in the database: one worker gets the row.
    lease = now + timedelta(seconds=timeout) + LEASE_MARGIN
    claimed = WebhookDelivery.objects.filter(
        pk=delivery_id, status__in=OPEN, next_attempt_at__lte=now
    ).update(next_attempt_at=lease)
    if not claimed:
        return
    delivery = WebhookDelivery.objects.select_related("subscription").get(pk=delivery_id)
    subscription = delivery.subscription
    if not subscription.active:
        finish(delivery, WebhookDelivery.Status.FAILED, error="the subscription is inactive")
        return

    body, headers = signed_request(delivery, subscription.secret, now)
    started = time.monotonic()
    status_code, error, retry = None, "", True
    try:
        status_code = post(subscription.url, body, headers, timeout)
    except RefusedTarget as refused:
        error, retry = str(refused), False
    except DeliveryError as failed:
        error = str(failed)
    duration_ms = round((time.monotonic() - started) * 1000)
    delivery.attempts += 1
    delivery.response_code = status_code
    delivery.duration_ms = duration_ms

    if status_code is not None and 200 <= status_code < 300:
        finish(delivery, WebhookDelivery.Status.SUCCEEDED, delivered_at=timezone.now())
        WebhookSubscription.objects.filter(pk=subscription.pk).update(
            failing_since=None, last_success_at=timezone.now()
        )
        return

    if status_code is not None:
        error = f"HTTP {status_code}"
        if status_code < 400:
            error += " (redirects are not followed)"
    if retry and delivery.attempts < MAX_ATTEMPTS:
        next_at = timezone.now() + RETRY_SCHEDULE[delivery.attempts - 1]
        finish(delivery, WebhookDelivery.Status.RETRYING, error=error, next_attempt_at=next_at)
        backend = deliver_webhook.get_backend()
        if backend.supports_defer:
            deliver_webhook.using(run_after=next_at).enqueue(delivery.pk)
        # Otherwise deliver_due_webhooks, run by the scheduler, picks it up when due.
    else:
        finish(delivery, WebhookDelivery.Status.FAILED, error=error)
    record_failure(subscription, error)


def finish(delivery, status, *, error="", next_attempt_at=None, delivered_at=None):
    delivery.status = status
    delivery.error = error[:255]
    delivery.next_attempt_at = next_attempt_at
    delivery.delivered_at = delivered_at
    delivery.save(
        update_fields=[
            "status",
            "attempts",
            "response_code",
            "duration_ms",
            "error",
            "next_attempt_at",
            "delivered_at",
            "updated_at",
        ]
    )


def record_failure(subscription, error):
    """Start the subscription's failure clock, and turn it off once it has run DISABLE_AFTER."""
    now = timezone.now()
    WebhookSubscription.objects.filter(pk=subscription.pk, failing_since__isnull=True).update(
        failing_since=now
    )
    reason = f"every attempt failed for 24 hours; the last: {error}"[:255]
    disabled = WebhookSubscription.objects.filter(
        pk=subscription.pk, active=True, failing_since__lte=now - DISABLE_AFTER
    ).update(active=False, disabled_at=now, disabled_reason=reason)
    if disabled:
        subscription.refresh_from_db()
        logger.warning("Webhook subscription %s disabled: %s", subscription.pk, error)
        tell_admins(subscription)


def tell_admins(subscription):
    """E-mail the site's ADMINS and every active superuser that a subscription was turned off."""
    recipients = {email for _name, email in settings.ADMINS}
    recipients |= set(
        get_user_model()
        .objects.filter(is_superuser=True, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if not recipients:
        return
    edit_url = settings.WAGTAILADMIN_BASE_URL + reverse("webhooks:edit", args=[subscription.pk])
    # The host only: a URL's path or query may carry the receiver's own token.
    host = urlsplit(subscription.url).hostname
    send_mail(
        f"Webhook “{subscription.name}” was turned off",
        f"Deliveries to the webhook “{subscription.name}” ({host}) have all failed since "
        f"{subscription.failing_since:%Y-%m-%d %H:%M} UTC, so it no longer receives events.\n\n"
        f"{subscription.disabled_reason}\n\n"
        f"Once the receiver works again, tick “Active” on {edit_url} and re-deliver what it "
        "missed from the delivery log.",
        sorted(recipients),
    )


def redeliver(delivery):
    """A fresh attempt at a delivery's event: a new log entry, the same webhook-id."""
    copy = WebhookDelivery.objects.create(
        subscription=delivery.subscription,
        event_id=delivery.event_id,
        event_type=delivery.event_type,
        payload=delivery.payload,
    )
    schedule(copy)
    return copy
