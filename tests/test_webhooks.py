"""Webhooks end to end: page events → signed POSTs to a real local receiver, retries, the guard."""

import json
import select
import shutil
import socket
import ssl
import subprocess
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote

import pytest
import time_machine
from django_tasks_db.models import DBTaskResult
from standardwebhooks import Webhook, WebhookVerificationError

from django.core import mail
from django.db import OperationalError, connections, transaction
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction

from cms.frontend import frontend_url, page_path
from cms.models import WebhookDelivery, WebhookEvent, WebhookSubscription
from cms.webhooks import delivery as delivery_module
from cms.webhooks.delivery import MAX_ATTEMPTS, RETRY_SCHEDULE, attempt, deliver_due_webhooks
from cms.webhooks.network import refusal
from tests import factories

Status = WebhookDelivery.Status


# A real receiver ---------------------------------------------------------------------------------


class Receiver:
    """An HTTP server on 127.0.0.1 that records each request and answers from a script:
    a status code, or "hang" (answer nothing until the test ends)."""

    def __init__(self, tls=None):
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
        if tls:  # an ssl.SSLContext: HTTPS, the handshake on accepting
            self.server.socket = tls.wrap_socket(self.server.socket, server_side=True)
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


class Trickler:
    """A bare TCP receiver on 127.0.0.1, for receivers that misbehave below HTTP: it reads what it
    is sent and answers `answer` one byte every `interval` seconds (nothing, if it is empty),
    noting when the sender closes the connection (`at_once` goes first, in one piece, once the
    request's head is in). With `tls` (a server ssl.SSLContext) the bytes
    go inside TLS. Each connection ends by itself after `lasts` seconds."""

    class Connection:
        def __init__(self):
            self.received = b""
            self.sent = 0
            self.sent_at_once = False
            self.closed = threading.Event()  # by the sender

    def __init__(self, answer=b"", interval=0.5, tls=None, lasts=30, at_once=b""):
        self.answer, self.interval, self.tls, self.lasts = answer, interval, tls, lasts
        self.at_once = at_once
        self.connections = []
        self.stopping = threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.05)
        self.port = self.listener.getsockname()[1]
        self.threads = [threading.Thread(target=self._accept, daemon=True)]
        self.threads[0].start()

    @property
    def posts(self):
        return sum(c.received.startswith(b"POST ") for c in self.connections)

    def _accept(self):
        while not self.stopping.is_set():
            try:
                sock, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections.append(connection := self.Connection())
            thread = threading.Thread(target=self._serve, args=(sock, connection), daemon=True)
            self.threads.append(thread)
            thread.start()

    def _serve(self, sock, connection):
        ends = time.monotonic() + self.lasts
        try:
            if self.tls:
                sock.settimeout(5)
                sock = self.tls.wrap_socket(sock, server_side=True)
            while not self.stopping.is_set() and time.monotonic() < ends:
                readable, _, _ = select.select([sock], [], [], self.interval)
                if readable:
                    chunk = sock.recv(65536)
                    if not chunk:
                        connection.closed.set()
                        return
                    connection.received += chunk
                    if not connection.sent_at_once and b"\r\n\r\n" in connection.received:
                        sock.sendall(self.at_once)
                        connection.sent_at_once = True
                elif connection.sent < len(self.answer):
                    sock.sendall(self.answer[connection.sent : connection.sent + 1])
                    connection.sent += 1
        except OSError:  # reset, or TLS cut short: closed all the same
            connection.closed.set()
        finally:
            sock.close()

    def close(self):
        self.stopping.set()
        self.listener.close()
        for thread in self.threads:
            thread.join(self.interval + 1)


@pytest.fixture
def trickler():
    made = []

    def trickler(*args, **kwargs):
        made.append(Trickler(*args, **kwargs))
        return made[-1]

    yield trickler
    for trickler in made:
        trickler.close()


# A status line and headers that would take 19 s to arrive at a byte every 0.5 s.
TRICKLED_ANSWER = b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
TLS_HOST = "hooks.example.test"


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    """A self-signed certificate and key for TLS_HOST (and one for another name)."""
    openssl = shutil.which("openssl")
    if not openssl:
        pytest.skip("needs the openssl command")
    directory = tmp_path_factory.mktemp("tls")

    def make(name):
        cert, key = directory / f"{name}.pem", directory / f"{name}.key"
        subprocess.run(  # noqa: S603
            [
                *(openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"),
                *("-subj", f"/CN={name}", "-addext", f"subjectAltName=DNS:{name}"),
                *("-keyout", str(key), "-out", str(cert)),
            ],
            check=True,
            capture_output=True,
        )
        return cert, key

    return {"trusted": make(TLS_HOST), "other": make("elsewhere.example.test")}


@pytest.fixture
def tls(certificate, monkeypatch):
    """HTTPS receivers: a server context for TLS_HOST, whose certificate the sender trusts (and
    no other), and TLS_HOST resolving to 127.0.0.1. The server names it was asked for: `.sni`."""
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate["trusted"][0]))
    monkeypatch.setenv("SSL_CERT_DIR", str(certificate["trusted"][0].parent / "none"))
    real_getaddrinfo = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host == TLS_HOST:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]
        return real_getaddrinfo(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)

    def context(which="trusted"):
        server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        server.load_cert_chain(*certificate[which])
        server.sni = []
        server.sni_callback = lambda _socket, name, _context: server.sni.append(name)
        return server

    return context


def due_delivery(subscription):
    """A delivery waiting for its first attempt, as a publish leaves it, without sending it."""
    return WebhookDelivery.objects.create(
        subscription=subscription,
        event_id="evt_timing",
        event_type=WebhookEvent.PAGE_PUBLISHED,
        payload={"type": "page.published", "data": {}},
    )


def timed(function, *args):
    started = time.monotonic()
    function(*args)
    return time.monotonic() - started


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


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_a_receiver_that_trickles_its_headers_is_cut_off_at_the_timeout(
    scheme, trickler, subscribe, settings, request
):
    """Issue 12: a byte of the status line every 0.5 s reset a per-operation timeout at each
    byte and held the attempt for as long as the receiver liked. Over TLS, after the handshake,
    too."""
    settings.WEBHOOK_TIMEOUT_SECONDS = 1
    https = scheme == "https"
    context = request.getfixturevalue("tls")() if https else None
    receiver = trickler(TRICKLED_ANSWER, interval=0.5, tls=context)
    host = TLS_HOST if https else "127.0.0.1"
    delivery = due_delivery(subscribe(url=f"{scheme}://{host}:{receiver.port}/hooks"))

    elapsed = timed(attempt, delivery.pk)

    assert elapsed < 2.5
    assert outcome(delivery) == (Status.RETRYING, 1, None)
    assert delivery.error == "timed out after 1 s"
    (connection,) = receiver.connections
    assert connection.received.startswith(b"POST /hooks ")
    assert 0 < connection.sent < len(TRICKLED_ANSWER)  # cut off in the middle of its answer
    assert connection.closed.wait(1)


def test_a_body_that_trickles_is_not_waited_for(trickler, subscribe, settings):
    """The status line and headers are the answer: a slow body after them is never read."""
    settings.WEBHOOK_TIMEOUT_SECONDS = 1
    head = b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n"
    receiver = trickler(b"x" * 100, interval=0.5, at_once=head)
    delivery = due_delivery(subscribe(url=f"http://127.0.0.1:{receiver.port}/hooks"))

    elapsed = timed(attempt, delivery.pk)

    assert elapsed < 1
    assert outcome(delivery) == (Status.SUCCEEDED, 1, 200)
    assert receiver.connections[0].closed.wait(1)


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_a_receiver_that_accepts_and_never_answers_is_cut_off_at_the_timeout(
    scheme, trickler, subscribe, settings
):
    """It takes the connection and reads the request (or the TLS ClientHello), and never sends
    a byte back."""
    settings.WEBHOOK_TIMEOUT_SECONDS = 1
    receiver = trickler(b"")
    delivery = due_delivery(subscribe(url=f"{scheme}://127.0.0.1:{receiver.port}/hooks"))

    elapsed = timed(attempt, delivery.pk)

    assert elapsed < 2.5
    assert outcome(delivery) == (Status.RETRYING, 1, None)
    assert delivery.error == "timed out after 1 s"
    (connection,) = receiver.connections
    assert connection.received.startswith(b"POST /hooks " if scheme == "http" else b"\x16")
    assert connection.closed.wait(1)


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


def test_a_receiver_that_only_ever_times_out_is_turned_off_after_a_day(
    trickler, subscribe, publish, statement, superuser, settings
):
    """Every attempt cut off by the timeout is a failure like a 500: the clock runs, and after
    24 hours the subscription is off and the admins are told."""
    settings.WEBHOOK_TIMEOUT_SECONDS = 0.3
    receiver = trickler(TRICKLED_ANSWER, interval=0.1)  # 3.8 s for its headers
    subscription = subscribe(url=f"http://127.0.0.1:{receiver.port}/hooks")

    publish(statement)
    delivery = WebhookDelivery.objects.get()
    while delivery.status == Status.RETRYING:
        run_due_at(delivery.next_attempt_at)
        delivery.refresh_from_db()

    assert outcome(delivery) == (Status.FAILED, 15, None)
    assert delivery.error == "timed out after 0.3 s"
    assert receiver.posts == 15
    subscription.refresh_from_db()
    assert not subscription.active
    assert subscription.disabled_reason.endswith("the last: timed out after 0.3 s")
    (message,) = mail.outbox
    assert message.to == [superuser.email]
    assert "Front end" in message.subject


def wait_while_locked(execute, sql, params, many, context):
    """What SQLite's busy timeout does for a database file (wait for the other writer), for the
    tests' in-memory database, whose shared cache calls a table another connection is writing
    "locked" at once instead."""
    for _ in range(1000):
        try:
            return execute(sql, params, many, context)
        except OperationalError as error:
            if "locked" not in str(error):
                raise
            time.sleep(0.005)
    return execute(sql, params, many, context)


@pytest.mark.django_db(transaction=True)
def test_two_workers_never_send_one_delivery_at_once(trickler, subscribe, settings, monkeypatch):
    """Two workers, each running attempt() on the same delivery over and over from the same
    moment: exactly one POST. The claim lets only one of them in, and its lease outlasts the
    attempt, because the attempt is cut off at the timeout; a lease margin of 0.5 s instead of
    60 would show a lease lapsing under a receiver that trickles its answer within the test."""
    settings.WEBHOOK_TIMEOUT_SECONDS = 1
    monkeypatch.setattr(delivery_module, "LEASE_MARGIN", timedelta(seconds=0.5))
    receiver = trickler(TRICKLED_ANSWER, interval=0.5)
    delivery = due_delivery(subscribe(url=f"http://127.0.0.1:{receiver.port}/hooks"))
    start, errors = threading.Barrier(2), []

    def worker():
        try:
            start.wait(5)
            ends = time.monotonic() + 3
            with connections["default"].execute_wrapper(wait_while_locked):
                while time.monotonic() < ends:
                    attempt(delivery.pk)
                    time.sleep(0.02)
        except Exception as error:  # reported by the test's thread, below
            errors.append(error)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=worker) for _ in range(2)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join(60)

    assert errors == []
    assert receiver.posts == 1
    assert outcome(delivery) == (Status.RETRYING, 1, None)
    assert delivery.error == "timed out after 1 s"


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


def test_https_goes_to_the_checked_address_under_the_urls_name(receiver, tls, subscribe):
    """TLS to the address that was checked: SNI and the certificate check use the URL's name,
    and a certificate for another name is refused."""
    contexts = {"trusted": tls(), "other": tls("other")}
    results = {}
    for which, context in contexts.items():
        https = Receiver(tls=context)
        try:
            subscription = subscribe(url=f"https://{TLS_HOST}:{https.port}/hooks?token=s3cr3t")
            delivery = due_delivery(subscription)
            attempt(delivery.pk)
            results[which] = (delivery, https.requests, https.port)
        finally:
            https.close()

    delivery, requests, port = results["trusted"]
    assert outcome(delivery) == (Status.SUCCEEDED, 1, 200)
    assert requests[0][0]["Host"] == f"{TLS_HOST}:{port}"
    assert contexts["trusted"].sni == [TLS_HOST]
    delivery, requests, _port = results["other"]
    assert outcome(delivery) == (Status.RETRYING, 1, None)
    assert delivery.error.startswith("TLS error: ")
    assert "s3cr3t" not in delivery.error
    assert requests == []
    assert contexts["other"].sni == [TLS_HOST]


def test_a_refused_connection_is_not_called_a_timeout(subscribe):
    closed = socket.create_server(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    delivery = due_delivery(subscribe(url=f"http://127.0.0.1:{port}/hooks?token=s3cr3t"))

    attempt(delivery.pk)

    assert outcome(delivery) == (Status.RETRYING, 1, None)
    assert delivery.error == "could not connect: Connection refused"


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
