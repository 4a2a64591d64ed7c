"""Webhooks end to end: page events → signed POSTs to a real local receiver, retries, the guard."""

import json
import socket
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote

import pytest
import time_machine
from django_tasks_db.models import DBTaskResult
from standardwebhooks import Webhook, WebhookVerificationError

from django.core import mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction

from cms.frontend import frontend_url, page_path
from cms.models import WebhookDelivery, WebhookEvent, WebhookSubscription
from cms.webhooks.delivery import MAX_ATTEMPTS, RETRY_SCHEDULE, attempt, deliver_due_webhooks
from cms.webhooks.network import refusal
from tests import factories

Status = WebhookDelivery.Status


# A real receiver ---------------------------------------------------------------------------------


class Receiver:
    """An HTTP server on 127.0.0.1 that records each request and answers from a script:
    a status code, or "hang" (answer nothing until the test ends)."""

    def __init__(self):
        self.requests = []
        self.script = []
        self.default = 200
        self.released = threading.Event()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append((dict(self.headers), body.decode()))
                answer = receiver.script.pop(0) if receiver.script else receiver.default
                if answer == "hang":
                    receiver.released.wait(10)
                    answer = 200
                try:
                    self.send_response(answer)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                except OSError:
                    pass  # the sender gave up waiting

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/hooks/cms?source=coalition"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def close(self):
        self.released.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)

    def payloads(self, secret):
        """Every request's body, verified as the receiver's library does."""
        return [Webhook(secret).verify(body, headers) for headers, body in self.requests]


@pytest.fixture
def receiver():
    receiver = Receiver()
    yield receiver
    receiver.close()


@pytest.fixture
def subscribe(db, receiver):
    def subscribe(url=None, events=tuple(WebhookEvent.values), locales=(), **fields):
        subscription = WebhookSubscription.objects.create(
            name="Front end", url=url or receiver.url, event_types=list(events), **fields
        )
        subscription.locales.set(locales)
        return subscription

    return subscribe


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish as an editor does, and run what is sent once the transaction commits."""

    def publish(page):
        with django_capture_on_commit_callbacks(execute=True):
            return factories.publish(page)

    return publish


@pytest.fixture
def statement(statement_index):
    """A statement saved but never published: publishing it is each test's event."""
    return factories.StatementPageFactory(parent=statement_index, live=False, title="On Raqqa")


def outcome(delivery):
    delivery.refresh_from_db()
    return delivery.status, delivery.attempts, delivery.response_code


def run_due_at(moment):
    """The scheduler's sweep at a later moment, with the clock there (and running)."""
    with time_machine.travel(moment + timedelta(seconds=1)):
        deliver_due_webhooks.call()


# Delivery ---------------------------------------------------------------------------------------


def test_publish_sends_one_signed_delivery(receiver, subscribe, publish, statement, client):
    subscription = subscribe()
    assert subscription.secret.startswith("whsec_")

    statement = publish(statement)

    headers, payload = receiver.requests[0][0], receiver.payloads(subscription.secret)[0]
    assert len(receiver.requests) == 1
    path = page_path(statement)
    assert payload["type"] == "page.published"
    assert payload["data"] == {
        "event_id": headers["webhook-id"],
        "page_id": statement.pk,
        "permanent_id": str(statement.translation_key),
        "page_type": "pages.StatementPage",
        "locale": "en",
        "url": frontend_url(statement),
        "api_url": f"http://testserver/api/v2/pages/by-path/?path={quote(path)}",
        "time": payload["timestamp"],
    }
    assert headers["Content-Type"] == "application/json"
    assert headers["Host"] == f"127.0.0.1:{receiver.port}"
    # The API URL answers the page the event is about.
    api = client.get(payload["data"]["api_url"].removeprefix("http://testserver"))
    assert api.status_code == 200
    assert api.json()["id"] == statement.pk

    delivery = WebhookDelivery.objects.get()
    assert outcome(delivery) == (Status.SUCCEEDED, 1, 200)
    assert delivery.event_id == headers["webhook-id"]
    assert delivery.duration_ms is not None
    assert delivery.next_attempt_at is None
    subscription.refresh_from_db()
    assert subscription.last_success_at is not None
    assert subscription.failing_since is None


def test_receivers_reject_a_replayed_or_altered_message(receiver, subscribe, publish, statement):
    subscription = subscribe()
    publish(statement)
    headers, body = receiver.requests[0]
    verifier = Webhook(subscription.secret)

    later = time_machine.travel(timezone.now() + timedelta(minutes=10))
    with pytest.raises(WebhookVerificationError, match="too old"), later:
        verifier.verify(body, headers)
    with pytest.raises(WebhookVerificationError, match="No matching signature"):
        verifier.verify(body.replace("page.published", "page.deleted"), headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(WebhookSubscription(name="other").secret).verify(body, headers)


def test_a_rolled_back_publish_sends_nothing(
    receiver, subscribe, statement, django_capture_on_commit_callbacks
):
    subscribe()
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        factories.publish(statement)
        raise RuntimeError("the editor's request failed after publishing")

    assert callbacks == []
    assert not WebhookDelivery.objects.exists()
    assert receiver.requests == []


def test_a_500_is_retried_on_schedule_until_it_succeeds(receiver, subscribe, publish, statement):
    subscription = subscribe()
    receiver.script = [500]

    publish(statement)

    delivery = WebhookDelivery.objects.get()
    assert outcome(delivery) == (Status.RETRYING, 1, 500)
    assert delivery.error == "HTTP 500"
    wait = delivery.next_attempt_at - delivery.created_at
    assert timedelta(seconds=29) < wait < timedelta(seconds=31)
    subscription.refresh_from_db()
    assert subscription.failing_since is not None

    deliver_due_webhooks.call()  # not due yet
    assert len(receiver.requests) == 1

    run_due_at(delivery.next_attempt_at)

    delivery.refresh_from_db()
    assert outcome(delivery) == (Status.SUCCEEDED, 2, 200)
    assert delivery.error == ""
    first, second = receiver.requests
    assert first[0]["webhook-id"] == second[0]["webhook-id"]
    assert int(second[0]["webhook-timestamp"]) >= int(first[0]["webhook-timestamp"]) + 30
    subscription.refresh_from_db()
    assert subscription.failing_since is None


def test_a_receiver_that_hangs_is_timed_out_and_retried(
    receiver, subscribe, publish, statement, settings
):
    settings.WEBHOOK_TIMEOUT_SECONDS = 0.5
    subscribe()
    receiver.script = ["hang"]

    publish(statement)

    delivery = WebhookDelivery.objects.get()
    assert outcome(delivery) == (Status.RETRYING, 1, None)
    assert delivery.error == "timed out after 0.5 s"
    assert 450 <= delivery.duration_ms < 5000

    run_due_at(delivery.next_attempt_at)

    delivery.refresh_from_db()
    assert outcome(delivery) == (Status.SUCCEEDED, 2, 200)
    assert len(receiver.requests) == 2


def test_retries_span_a_day_and_then_the_subscription_is_turned_off(
    receiver, subscribe, publish, statement, superuser
):
    assert MAX_ATTEMPTS == 15
    assert sum(RETRY_SCHEDULE, timedelta()) >= timedelta(hours=24)
    subscription = subscribe(url=receiver.url.replace("source=coalition", "token=s3cr3t-token"))
    receiver.default = 503

    publish(statement)
    delivery = WebhookDelivery.objects.get()
    while delivery.status == Status.RETRYING:
        run_due_at(delivery.next_attempt_at)
        delivery.refresh_from_db()

    assert outcome(delivery) == (Status.FAILED, 15, 503)
    assert len(receiver.requests) == 15
    assert delivery.updated_at - delivery.created_at >= timedelta(hours=24)
    subscription.refresh_from_db()
    assert not subscription.active
    assert subscription.disabled_at is not None
    assert "HTTP 503" in subscription.disabled_reason
    (message,) = mail.outbox
    assert message.to == [superuser.email]
    assert "Front end" in message.subject
    assert subscription.secret not in message.body
    assert "s3cr3t-token" not in message.body
    assert reverse("webhooks:edit", args=[subscription.pk]) in message.body

    # Turned off, it is sent nothing more; turned back on, its failure clock starts afresh.
    with time_machine.travel(delivery.updated_at + timedelta(minutes=1)):
        publish(factories.StatementPageFactory(parent=statement.get_parent(), live=False))
    assert WebhookDelivery.objects.count() == 1
    subscription.active = True
    subscription.save()
    assert (subscription.disabled_at, subscription.failing_since) == (None, None)


def test_a_deferring_task_backend_gets_the_retry_with_run_after(
    receiver, subscribe, statement, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    subscribe()
    receiver.script = [500]
    with django_capture_on_commit_callbacks(execute=True):
        factories.publish(statement)

    delivery = WebhookDelivery.objects.get()
    queue = DBTaskResult.objects.filter(task_path="cms.webhooks.delivery.deliver_webhook")
    (queued,) = queue
    assert (queued.args_kwargs["args"], queued.status) == ([delivery.pk], "READY")
    assert receiver.requests == []  # sent by the worker, not by the editor's request

    attempt(delivery.pk)  # what the db_worker runs

    delivery.refresh_from_db()
    assert delivery.status == Status.RETRYING
    retry = queue.exclude(pk=queued.pk).get()
    assert retry.run_after == delivery.next_attempt_at
    attempt(delivery.pk)  # run early (a second worker, a stale task): not due, nothing sent
    assert len(receiver.requests) == 1


# What is sent, and to whom -----------------------------------------------------------------------


def test_locale_and_event_type_filters(
    receiver, subscribe, publish, statement, locale_en, locale_ar
):
    english = subscribe(locales=[locale_en])
    subscribe(locales=[locale_ar])
    subscribe(events=[WebhookEvent.PAGE_UNPUBLISHED])
    everything = subscribe()

    publish(statement)

    assert {d.subscription for d in WebhookDelivery.objects.all()} == {english, everything}
    assert len(receiver.requests) == 2


def test_an_inactive_subscription_gets_nothing(receiver, subscribe, publish, statement):
    subscribe(active=False)
    publish(statement)
    assert not WebhookDelivery.objects.exists()
    assert receiver.requests == []


def test_unpublish_move_and_delete(
    receiver, subscribe, publish, statement, news_index, django_capture_on_commit_callbacks
):
    subscription = subscribe()
    statement = publish(statement)
    old_url = frontend_url(statement)

    with django_capture_on_commit_callbacks(execute=True):
        statement.move(news_index, pos="last-child")
    statement = Page.objects.get(pk=statement.pk).specific
    with django_capture_on_commit_callbacks(execute=True):
        statement.unpublish()
    with django_capture_on_commit_callbacks(execute=True):
        factories.publish(statement)
        Page.objects.get(pk=statement.pk).delete()

    sent = receiver.payloads(subscription.secret)
    assert [p["type"] for p in sent] == [
        "page.published",
        "page.moved",
        "page.unpublished",
        "page.published",
        # Wagtail unpublishes a live page before deleting it, and says so.
        "page.unpublished",
        "page.deleted",
    ]
    moved, unpublished, deleted = sent[1]["data"], sent[2]["data"], sent[5]["data"]
    assert moved["previous_url"] == old_url
    assert moved["url"] == frontend_url(statement) != old_url
    assert unpublished["url"] == frontend_url(statement)
    assert deleted["page_id"] == statement.pk
    assert deleted["permanent_id"] == str(statement.translation_key)
    assert (deleted["url"], deleted["api_url"]) == (None, None)
    assert len({p["data"]["event_id"] for p in sent}) == 6


def test_pages_the_public_cannot_see_are_never_sent(
    receiver, subscribe, publish, statement, news_index, django_capture_on_commit_callbacks
):
    subscribe()
    PageViewRestriction.objects.create(page=news_index, restriction_type="login")
    hidden = factories.NewsPageFactory(parent=news_index, live=False)

    # A draft: saved, not published.
    with django_capture_on_commit_callbacks(execute=True):
        statement.save_revision()
    # Published, unpublished and deleted inside a private section.
    publish(hidden)
    with django_capture_on_commit_callbacks(execute=True):
        hidden.unpublish()
        factories.publish(hidden)
        hidden.delete()
    # A public page moved into the private section: where it was, never where it went.
    statement = publish(statement)
    old_url = frontend_url(statement)
    news_index.refresh_from_db()  # its child came and went
    with django_capture_on_commit_callbacks(execute=True):
        statement.move(news_index, pos="last-child")

    assert [d.event_type for d in WebhookDelivery.objects.order_by("pk")] == [
        "page.published",
        "page.moved",
    ]
    moved = WebhookDelivery.objects.get(event_type="page.moved").payload["data"]
    assert (moved["url"], moved["api_url"], moved["previous_url"]) == (None, None, old_url)


# The SSRF guard ---------------------------------------------------------------------------------

INTERNAL = [
    "127.0.0.1",
    "10.0.0.1",
    "172.16.0.1",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",  # noqa: S104
    "224.0.0.1",
    "[::1]",
    "[fe80::1]",
    "[fc00::1]",
    "[fd00:ec2::254]",
    "[::ffff:127.0.0.1]",
    "[::ffff:10.0.0.1]",
    "localhost",
]


@pytest.fixture
def no_connections(monkeypatch):
    """Every outgoing connection attempt in this process, recorded and failed."""
    attempts = []

    def connect(sock, address):
        attempts.append(address)
        raise AssertionError(f"connected to {address}")

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect)
    return attempts


@pytest.mark.parametrize("host", INTERNAL)
def test_internal_targets_are_refused_without_connecting(
    host,
    receiver,
    subscribe,
    statement,
    settings,
    no_connections,
    django_capture_on_commit_callbacks,
):
    settings.WEBHOOK_ALLOWED_NETWORKS = []
    subscribe(url=f"http://{host}:{receiver.port}/hooks")

    with django_capture_on_commit_callbacks(execute=True):
        factories.publish(statement)

    delivery = WebhookDelivery.objects.get()
    assert delivery.status == Status.FAILED
    assert delivery.error.startswith("refused: the host resolves to")
    assert (delivery.attempts, delivery.next_attempt_at, delivery.response_code) == (1, None, None)
    assert no_connections == []
    assert receiver.requests == []


@pytest.mark.parametrize(
    "address",
    ["2002:7f00:1::", "64:ff9b::a00:1", "ff02::1", "::7f00:1", "255.255.255.255", "198.18.0.1"],
)
def test_internal_addresses_in_other_guises_are_refused(address):
    assert refusal(address)


def test_public_addresses_pass_and_allowed_networks_never_include_metadata(settings):
    assert refusal("93.184.215.14") is None
    assert refusal("2606:4700::1111") is None
    settings.WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.0/8", "169.254.0.0/16"]
    assert refusal("127.0.0.1") is None
    assert refusal("::ffff:127.0.0.1") is None  # the same address, mapped
    assert refusal("169.254.169.254")


def test_the_connection_goes_to_the_address_that_was_checked(
    receiver, subscribe, publish, statement, monkeypatch
):
    """DNS rebinding: the name answers 127.0.0.1 (allowed) to the check, then 10.0.0.1. The
    request must reach the checked address, under its own name, resolving the name once."""
    real_getaddrinfo, lookups = socket.getaddrinfo, []

    def getaddrinfo(host, port, *args, **kwargs):
        if host != "hooks.example.test":
            return real_getaddrinfo(host, port, *args, **kwargs)
        lookups.append(host)
        address = "127.0.0.1" if len(lookups) == 1 else "10.0.0.1"
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    subscribe(url=f"http://hooks.example.test:{receiver.port}/hooks")

    publish(statement)

    assert WebhookDelivery.objects.get().status == Status.SUCCEEDED
    assert receiver.requests[0][0]["Host"] == f"hooks.example.test:{receiver.port}"
    assert lookups == ["hooks.example.test"]


def test_redirects_are_not_followed(receiver, subscribe, publish, statement):
    subscribe()
    receiver.script = [302]
    publish(statement)
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.response_code) == (Status.RETRYING, 302)
    assert "redirects are not followed" in delivery.error
    assert len(receiver.requests) == 1


# The admin --------------------------------------------------------------------------------------


def test_admins_manage_subscriptions_and_see_the_secret(superuser_client, receiver, locale_ar):
    menu = superuser_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("webhooks:index") in menu
    assert reverse("webhook_deliveries:index") in menu
    assert superuser_client.get(reverse("webhooks:index")).status_code == 200
    form = superuser_client.get(reverse("webhooks:add"))
    assert form.status_code == 200
    assert b"whsec_" in form.content

    response = superuser_client.post(
        reverse("webhooks:add"),
        {
            "name": "Partner mirror",
            "url": receiver.url,
            "event_types": ["page.published", "page.deleted"],
            "locales": [locale_ar.pk],
            "active": "on",
        },
    )
    assert response.status_code == 302
    subscription = WebhookSubscription.objects.get()
    assert subscription.event_types == ["page.published", "page.deleted"]
    assert list(subscription.locales.all()) == [locale_ar]
    edit = superuser_client.get(reverse("webhooks:edit", args=[subscription.pk]))
    assert subscription.secret in edit.content.decode()


def test_the_delivery_log_lists_filters_and_re_delivers(
    superuser_client, receiver, subscribe, publish, statement, django_capture_on_commit_callbacks
):
    subscription = subscribe()
    receiver.script = [500]
    publish(statement)
    failed = WebhookDelivery.objects.get()

    listing = superuser_client.get(
        reverse("webhook_deliveries:index"), {"status": "retrying", "subscription": subscription.pk}
    )
    assert listing.status_code == 200
    assert f"/inspect/{failed.pk}/" in listing.content.decode()
    assert "Re-deliver" in listing.content.decode()
    empty = superuser_client.get(reverse("webhook_deliveries:index"), {"status": "succeeded"})
    assert f"/inspect/{failed.pk}/" not in empty.content.decode()
    inspect = superuser_client.get(reverse("webhook_deliveries:inspect", args=[failed.pk]))
    assert inspect.status_code == 200
    assert subscription.secret not in inspect.content.decode()
    # The log is written by deliveries only: even a superuser is turned away from add and edit.
    for view, args in (("add", []), ("edit", [failed.pk])):
        url = reverse(f"webhook_deliveries:{view}", args=args)
        assert superuser_client.get(url).url == reverse("wagtailadmin_home")

    with django_capture_on_commit_callbacks(execute=True):
        response = superuser_client.post(reverse("webhook_deliveries:redeliver", args=[failed.pk]))

    assert response.status_code == 302
    again = WebhookDelivery.objects.exclude(pk=failed.pk).get()
    assert (again.event_id, again.status, again.attempts) == (failed.event_id, Status.SUCCEEDED, 1)
    assert [headers["webhook-id"] for headers, _ in receiver.requests] == [failed.event_id] * 2
    assert json.loads(receiver.requests[1][1]) == failed.payload


def test_editors_cannot_see_or_re_deliver(editor_client, receiver, subscribe, publish, statement):
    subscribe()
    publish(statement)
    delivery = WebhookDelivery.objects.get()
    assert editor_client.get(reverse("webhooks:index")).url == reverse("wagtailadmin_home")
    response = editor_client.post(reverse("webhook_deliveries:redeliver", args=[delivery.pk]))
    assert response.url == reverse("wagtailadmin_home")
    assert WebhookDelivery.objects.count() == 1
