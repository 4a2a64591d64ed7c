"""Publishing pipeline benchmark: publish → fresh answer, → webhook; cached req/s. Prints figures.

    bash scripts/install-bench-tools.sh                   # nginx-light and wrk, once (apt)
    .venv/bin/python scripts/bench_pipeline.py            # 100 publishes
    .venv/bin/python scripts/bench_pipeline.py --publishes 20

The production stack of this machine, everything on 127.0.0.1 and everything started and stopped
by this script:

- a database of its own on the PostgreSQL server (`coalition_bench_pipeline`, made afresh and
  dropped at the end) holding `bench_data.py`'s corpus (1,000 news pages, 100 statements);
- a Redis database of its own (number 13; flushed at the start and the end) for the response
  cache and the task queue (TASK_BACKEND=redis);
- production settings (settings.production) with a generated secret key, through a two-line
  settings module in a temporary folder that also admits the webhook receiver's address
  (WEBHOOK_ALLOWED_NETWORKS = 127.0.0.1/32);
- gunicorn as settings/gunicorn.py configures it (gthread), with 2 workers; one task worker,
  `manage.py rqworker default --with-scheduler --job-class django_tasks_rq.backend.Job`;
- an observer process: a webhook receiver verifying each request's signature with the
  `standardwebhooks` library and the subscription's secret, and two pollers that request the news
  list and one news page by path (a fresh connection each, so both workers answer them).

1. publish → fresh: `--publishes` times, an edit of the page's title is published through Wagtail
   (`save_revision().publish()`, in this process, against the same database), timed from the
   start of `save_revision` to the first answer, from each URL, that shows the new title. A
   stale answer to a request sent after a fresh one was seen is counted: there must be none.
2. publish → webhook: from the same start to the receipt of the verified `page.published` POST
   carrying that publish's event id.
3. the news list's requests/s from gunicorn with the response cache (whose hits cms.wsgi's
   CachedAnswers sends before Django runs), from a second gunicorn with API_CACHE_TIMEOUT=0, and
   from nginx serving the same JSON bytes as a static file (the practical limit), with the same
   load generator (wrk; http.client keep-alive threads without it), interleaved runs, medians;
   beside them the servers' CPU per request, steadier than requests/s on a shared machine.
   "stalled" counts requests wrk gave up on (2 s) or lost on the socket: a recycled gunicorn
   worker (settings/gunicorn.py's max_requests) holds clients up so; `--max-requests 0` shows
   the same stack without recycling.

Exits 0 whatever the figures (it is a report) unless `--strict`, when a missed target exits 1.
"""

import argparse
import contextlib
import http.client
import logging
import math
import multiprocessing
import os
import queue
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
sys.path.insert(0, str(SCRIPTS))

from bench_delivery import (  # noqa: E402 — not a package
    HOST,
    Server,
    cpu_seconds,
    cpu_spent,
    free_port,
    percentile,
    stop_process_group,
)

PROJECT_ROOT = SCRIPTS.parent
POSTGRES_SERVER = "postgres://postgres@127.0.0.1:5432"
DATABASE_NAME = "coalition_bench_pipeline"
REDIS_URL = "redis://127.0.0.1:6379/13"  # a database number of the benchmark's own
SETTINGS_MODULE = "bench_pipeline_settings"
NEWS_LIST = "/api/v2/news/?locale=en&limit=20"
BY_PATH = "/api/v2/pages/by-path/?path={path}"
HEADERS = {"Accept": "application/json"}

TARGET_FRESH_P95 = 1.0  # seconds
TARGET_WEBHOOK_P95 = 2.0
TARGET_CACHED_RATIO = 20
ROUND_TIMEOUT = 15  # seconds a publish's answers and webhook may take before it counts as lost


def log(message):
    print(message, file=sys.stderr, flush=True)


# The observer: webhook receiver and pollers, in a process of their own so that neither shares
# an interpreter lock with the publishing (times are CLOCK_MONOTONIC, the same in every process).


def observe(commands, events):
    """Serve the receiver and run the pollers until told to stop; report what they see."""
    state = {"secret": None, "round": None, "token": None}
    lock = threading.Lock()
    stop = threading.Event()

    class Receiver(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            received = time.monotonic()
            from standardwebhooks import Webhook, WebhookVerificationError

            try:
                event = Webhook(state["secret"]).verify(body, dict(self.headers.items()))
            except (WebhookVerificationError, TypeError, ValueError) as error:
                events.put(("rejected", str(error)))
                self.send_response(400)
                self.end_headers()
                return
            events.put(("webhook", self.headers["webhook-id"], event["type"], received))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    receiver = ThreadingHTTPServer((HOST, 0), Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    events.put(("ready", receiver.server_address[1]))

    def poll(key, port, path, interval):
        seen = {}  # round → when its token was first seen
        while not stop.is_set():
            with lock:
                number, token = state["round"], state["token"]
            sent = time.monotonic()
            try:
                status, body = fetch(port, path)
            except OSError as error:
                events.put(("error", key, repr(error)))
                stop.wait(interval)
                continue
            answered = time.monotonic()
            if status != 200:
                events.put(("error", key, f"HTTP {status}"))
            elif token is not None and token.encode() in body:
                if number not in seen:
                    seen[number] = answered
                    events.put(("fresh", number, key, answered))
            elif number in seen and sent > seen[number]:
                events.put(("stale", number, key))
            stop.wait(interval)

    pollers = []
    while True:
        command, *arguments = commands.get()
        if command == "secret":
            state["secret"] = arguments[0]
        elif command == "poll":
            port, targets, interval = arguments
            for key, path in targets.items():
                poller = threading.Thread(target=poll, args=(key, port, path, interval))
                poller.start()
                pollers.append(poller)
        elif command == "expect":
            with lock:
                state["round"], state["token"] = arguments
            events.put(("expecting", arguments[0]))
        elif command == "stop":
            break
    stop.set()
    for poller in pollers:
        poller.join()
    receiver.shutdown()


def fetch(port, path, headers=HEADERS):
    """One GET on a fresh connection: status and body."""
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


class Observer:
    """The observer process, stopped on exit whatever happens."""

    def __enter__(self):
        context = multiprocessing.get_context("spawn")
        self.commands, self.events = context.Queue(), context.Queue()
        self.process = context.Process(target=observe, args=(self.commands, self.events))
        self.process.start()
        kind, self.port = self.events.get(timeout=60)
        if kind != "ready":
            raise RuntimeError(f"The observer said {kind!r} before it was ready")
        return self

    def __exit__(self, *exc_info):
        if self.process.is_alive():
            self.commands.put(("stop",))
            self.process.join(timeout=10)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(timeout=5)

    def send(self, *command):
        self.commands.put(command)


# Processes: every one in a session of its own, stopped by its id


class Process:
    """A command in its own process group, its output in a log file; stopped on exit."""

    def __init__(self, name, command, env, log_path):
        self.name, self.command, self.env, self.log_path = name, command, env, log_path
        self.process = None

    def __enter__(self):
        with open(self.log_path, "ab") as output:
            self.process = subprocess.Popen(  # noqa: S603 — fixed arguments
                self.command,
                env=self.env,
                cwd=PROJECT_ROOT,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        return self

    def __exit__(self, *exc_info):
        stop_process_group(self.process)

    def check(self):
        if self.process.poll() is not None:
            raise RuntimeError(
                f"{self.name} exited ({self.process.returncode}); see {self.log_path}"
            )


NGINX_CONF = """\
worker_processes 2;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
events {{ worker_connections 512; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/nginx-body;
    proxy_temp_path {tmp}/nginx-proxy;
    server {{
        listen {host}:{port};
        root {tmp}/www;
        location = /api/v2/news/ {{
            default_type application/json;
            try_files /news.json =404;
        }}
    }}
}}
"""


def nginx(tmp, body):
    """nginx serving `body` as the news list's URL: (process, port)."""
    www = tmp / "www"
    www.mkdir()
    (www / "news.json").write_bytes(body)
    for folder in (tmp, www):
        folder.chmod(0o755)  # nginx's workers run as an unprivileged user
    port = free_port()
    conf = tmp / "nginx.conf"
    conf.write_text(NGINX_CONF.format(tmp=tmp, host=HOST, port=port))
    command = ["nginx", "-p", str(tmp), "-e", str(tmp / "nginx-error.log"), "-c", str(conf)]
    return Process("nginx", command, None, tmp / "nginx.log"), port


def wait_for(port, path, process, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        process.check()
        with contextlib.suppress(OSError):
            if fetch(port, path)[0] == 200:
                return
        time.sleep(0.1)
    raise RuntimeError(f"{process.name} did not answer within {timeout} s")


# The database, Redis and the environment


def postgres(sql):
    import psycopg

    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as connection:
        connection.execute(sql)


def flush_redis():
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def environment(tmp, cache_timeout, max_requests=None):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": SETTINGS_MODULE,
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DJANGO_DEBUG": "False",
        "SECURE_SSL_REDIRECT": "False",
        "DATABASE_URL": f"{POSTGRES_SERVER}/{DATABASE_NAME}",
        "REDIS_URL": REDIS_URL,
        "TASK_BACKEND": "redis",
        "API_CACHE_TIMEOUT": str(cache_timeout),
        "MEDIA_ROOT": str(tmp / "media"),
        "STATIC_ROOT": str(tmp / "static"),
        "PYTHONPATH": os.pathsep.join([str(tmp), str(PROJECT_ROOT)]),
        # The production gunicorn configuration; the command line's --workers 2 overrides its count.
        "GUNICORN_CMD_ARGS": f"--config {PROJECT_ROOT / 'settings' / 'gunicorn.py'}"
        + ("" if max_requests is None else f" --max-requests {max_requests}"),
    }


SETTINGS_TEXT = '''\
"""Production settings for the pipeline benchmark, whose webhook receiver is on 127.0.0.1."""

from settings.production import *  # noqa: F403

WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.1/32"]
'''


def setup_django(env):
    os.environ.update(env)
    sys.path[:0] = env["PYTHONPATH"].split(os.pathsep)
    import django

    django.setup()
    # Wagtail logs a line or two per publish, and the workers' output goes to files.
    logging.getLogger("wagtail").setLevel(logging.WARNING)


def the_page():
    """The newest news page (first in the list) and its by-path URL."""
    from cms.frontend import page_path
    from pages.models import NewsPage

    page = NewsPage.objects.live().order_by("-date", "-pk").first()
    return page, BY_PATH.format(path=page_path(page))


def subscribe(port):
    from cms.models import WebhookEvent, WebhookSubscription

    return WebhookSubscription.objects.create(
        name="Pipeline benchmark receiver",
        url=f"http://{HOST}:{port}/webhook",
        event_types=[WebhookEvent.PAGE_PUBLISHED],
    )


# 1 and 2: publishes


class Tally:
    """What the observer reported: first fresh answers, webhooks received, anything wrong."""

    def __init__(self, events):
        self.events = events
        self.fresh, self.webhooks, self.acknowledged = {}, {}, set()
        self.stale, self.errors, self.rejected = 0, [], []

    def until(self, condition, timeout):
        """Take in reports until `condition()` holds or `timeout` seconds have passed."""
        deadline = time.monotonic() + timeout
        while not condition():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            try:
                kind, *data = self.events.get(timeout=remaining)
            except queue.Empty:
                return
            if kind == "fresh":
                self.fresh[data[0], data[1]] = data[2]
            elif kind == "webhook":
                self.webhooks[data[0]] = data[2]
            elif kind == "expecting":
                self.acknowledged.add(data[0])
            elif kind == "stale":
                self.stale += 1
            elif kind == "error":
                self.errors.append(data)
            elif kind == "rejected":
                self.rejected.append(data[0])


def publish_rounds(observer, page_id, title, count):
    """Publish `count` edits of the page's title, one at a time: a timing row each."""
    from cms.models import WebhookDelivery
    from pages.models import NewsPage

    tally = Tally(observer.events)
    rows = []
    for number in range(count):
        token = f"{title} · edit {number + 1:03d} {secrets.token_hex(3)}"
        observer.send("expect", number, token)
        tally.until(lambda number=number: number in tally.acknowledged, 10)
        page = NewsPage.objects.get(pk=page_id)  # as the editor's form loads it
        page.title = token

        started = time.monotonic()
        page.save_revision().publish()
        published = time.monotonic()
        event_id = (
            WebhookDelivery.objects.filter(payload__data__page_id=page_id)
            .order_by("-pk")
            .values_list("event_id", flat=True)
            .first()
        )
        tally.until(
            lambda number=number, event_id=event_id: (
                (number, "list") in tally.fresh
                and (number, "page") in tally.fresh
                and event_id in tally.webhooks
            ),
            ROUND_TIMEOUT,
        )
        lost = math.inf  # never arrived within ROUND_TIMEOUT
        rows.append(
            {
                "publish": published - started,
                "list": tally.fresh.get((number, "list"), lost) - started,
                "page": tally.fresh.get((number, "page"), lost) - started,
                "webhook": tally.webhooks.get(event_id, lost) - started,
            }
        )
        if (number + 1) % 10 == 0:
            log(f"  {number + 1} of {count} publishes")
        # Let the pollers see the new answers a while: a stale one after them is counted.
        tally.until(lambda: False, 0.2)
    tally.until(lambda: False, 1)
    return rows, tally


def deliveries_summary():
    from django.db.models import Count

    from cms.models import WebhookDelivery

    return dict(
        WebhookDelivery.objects.values_list("status").annotate(n=Count("pk")).order_by("status")
    )


# 3: requests per second


def is_benchmark_redis(pid):
    """The Redis server this benchmark uses (the machine's, on 6379)."""
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    return command.startswith(b"redis-server") and b":6379" in command


def serving_cpu(server):
    """CPU so far of everything that answers one server's requests: for gunicorn its workers,
    their PostgreSQL backends and Redis; for nginx its processes."""
    if isinstance(server, Server):
        return lambda: server.cpu_snapshot() | cpu_seconds(lambda pid, _: is_benchmark_redis(pid))
    root = server.process.pid
    return lambda: cpu_seconds(lambda pid, parent: root in (pid, parent))


def wrk_run(port, seconds, connections):
    command = [
        "wrk", "-t1", f"-c{connections}", f"-d{seconds:g}s",
        "-H", "Accept: application/json", f"http://{HOST}:{port}{NEWS_LIST}",
    ]  # fmt: skip
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    if re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        raise RuntimeError(f"wrk saw error answers on port {port}:\n{output}")
    # Requests unanswered after wrk's 2 s are reported, not fatal: a gunicorn worker recycled
    # (max_requests) holds its clients up so, and that is a figure of the stack too.
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    stalled = sum(int(count) for count in errors.groups()) if errors else 0
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)), stalled, requests


def threads_run(port, seconds, connections):
    """The fallback load generator: keep-alive http.client connections, one thread each."""
    counts = [0] * connections
    deadline = time.monotonic() + seconds

    def client(slot):
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
        while time.monotonic() < deadline:
            connection.request("GET", NEWS_LIST, headers=HEADERS)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                raise RuntimeError(f"port {port} answered {response.status}")
            if response.will_close:
                connection.close()
            counts[slot] += 1
        connection.close()

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(slot,)) for slot in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / (time.monotonic() - started), 0, sum(counts)


def throughput(servers, args):
    """{name: [req/s of each run]}, {name: [server CPU ms per request of each run]} and {name:
    requests stalled or failed on the socket}, for `servers` {name: (port, serving_cpu)}; the
    servers' runs are interleaved so that drift on the machine touches all of them alike."""
    run = wrk_run if shutil.which("wrk") else threads_run
    for port, _ in servers.values():
        run(port, 1, args.connections)  # warm-up
    rates = {name: [] for name in servers}
    cpu = {name: [] for name in servers}
    stalled = dict.fromkeys(servers, 0)
    for number in range(args.runs):
        for name, (port, snapshot) in servers.items():
            before = snapshot()
            rate, errors, requests = run(port, args.seconds, args.connections)
            cpu[name].append(cpu_spent(before, snapshot()) * 1000 / max(requests, 1))
            rates[name].append(rate)
            stalled[name] += errors
        log(f"  load run {number + 1} of {args.runs}")
    return rates, cpu, stalled


# The report


def ms(value):
    return "lost" if value == math.inf else f"{value * 1000:.0f}"


def figures(rows, key):
    """p50, p95, max and how many never arrived (a lost one ranks slower than any other)."""
    values = [row[key] for row in rows]
    return {
        "p50": percentile(values, 0.50),
        "p95": percentile(values, 0.95),
        "max": max(values),
        "lost": values.count(math.inf),
    }


def verdict(passed):
    return "PASS" if passed else "MISS"


def print_targets(targets):
    """(description, measured, passed) for each target, as one table."""
    print("\nTargets")
    for description, measured, passed in targets:
        print(f"  {verdict(passed)}  {description:<58} {measured}")


def report(args, info, rows, tally, deliveries, load, started):
    rates, cpu, stalled = load
    stale, errors, rejected = tally.stale, tally.errors, tally.rejected
    print("Publishing pipeline benchmark: production settings on PostgreSQL and Redis, 127.0.0.1")
    print(
        f"  machine: {len(os.sched_getaffinity(0))} CPUs, shared (read medians); corpus: "
        f"{args.pages:,} news pages + {args.pages // 10:,} statements "
        f"(built in {info['corpus_seconds']:.0f} s)"
    )
    print(
        "  gunicorn -c settings/gunicorn.py (gthread, 4 threads) with 2 workers"
        + ("" if args.max_requests is None else f", --max-requests {args.max_requests}")
        + "; 1 rqworker (--with-scheduler); Redis cache and queue; nginx "
        + info["nginx_version"]
    )
    print(
        f"  polled: {NEWS_LIST} and {info['by_path']}\n"
        f"  (a fresh connection each, every {args.poll_interval * 1000:.0f} ms: times are within "
        "that plus one request)"
    )

    print(
        f"\n1–2. {len(rows)} publishes of a title edit through Wagtail revisions "
        "(save_revision().publish()), timed from its start"
    )
    print(f"  {'':<40} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7} {'lost':>5}")
    both = [{**row, "both": max(row["list"], row["page"])} for row in rows]
    lines = [
        ("publish returns (commit, on_commit hooks)", "publish"),
        ("fresh answer: news list", "list"),
        ("fresh answer: page by path", "page"),
        ("fresh answer: both", "both"),
        ("webhook received and verified", "webhook"),
    ]
    stats = {}
    for label, key in lines:
        stats[key] = figures(both, key)
        f = stats[key]
        print(f"  {label:<40} {ms(f['p50']):>7} {ms(f['p95']):>7} {ms(f['max']):>7} {f['lost']:>5}")
    print(
        f"  stale answers after a fresh one: {stale}; poll errors: {len(errors)}; "
        f"webhooks rejected by the receiver: {len(rejected)}; deliveries: "
        + ", ".join(f"{status} {count}" for status, count in deliveries.items())
    )
    if errors:
        print(f"  first poll error: {errors[0]}")

    medians = {name: statistics.median(values) for name, values in rates.items()}
    tool = "wrk -t1" if shutil.which("wrk") else "http.client keep-alive threads"
    print(
        f"\n3. {NEWS_LIST} ({info['kilobytes']:.1f} KB, the same bytes from all three): "
        f"{tool}, {args.connections} connections, {args.runs} runs of {args.seconds:g} s each"
    )
    print(f"  {'server':<36} {'req/s':>7} {'CPU ms/req':>11} {'stalled':>8}   runs (req/s)")
    names = {
        "cached": "gunicorn, response cache (Redis)",
        "uncached": "gunicorn, API_CACHE_TIMEOUT=0",
        "nginx": "nginx, static file",
    }
    cpu_medians = {name: statistics.median(values) for name, values in cpu.items()}
    for name, label in names.items():
        runs = ", ".join(f"{value:.0f}" for value in rates[name])
        print(
            f"  {label:<36} {medians[name]:>7.0f} {cpu_medians[name]:>11.3f} "
            f"{stalled[name]:>8}   {runs}"
        )
    cached_ratio = medians["cached"] / medians["uncached"]
    print(f"  cached ÷ uncached: ×{cached_ratio:.1f} in req/s", end="")
    print(f", ×{cpu_medians['uncached'] / cpu_medians['cached']:.1f} in server CPU per request")
    print(f"  cached ÷ nginx:   ×{medians['cached'] / medians['nginx']:.3f} (the practical limit)")
    print(
        "  (CPU ms/req: user + system time of the server's processes — for gunicorn its workers,"
        " their\n  PostgreSQL backends and Redis — per request answered: the steadier figure on"
        " a shared machine)"
    )

    targets = [
        (
            f"publish → fresh answer (list and by path), p95 < {TARGET_FRESH_P95 * 1000:.0f} ms",
            f"{ms(stats['both']['p95'])} ms",
            stats["both"]["p95"] < TARGET_FRESH_P95 and stale == 0,
        ),
        (
            f"publish → webhook received, p95 < {TARGET_WEBHOOK_P95 * 1000:.0f} ms",
            f"{ms(stats['webhook']['p95'])} ms",
            stats["webhook"]["p95"] < TARGET_WEBHOOK_P95 and not rejected,
        ),
        (
            f"cached list ≥ {TARGET_CACHED_RATIO}× uncached (req/s, medians)",
            f"×{cached_ratio:.1f}",
            cached_ratio >= TARGET_CACHED_RATIO,
        ),
    ]
    print_targets(targets)
    print(f"\nTook {time.monotonic() - started:.0f} s.")
    return all(passed for _, _, passed in targets)


# The run


def run(args, stack, tmp):
    started = time.monotonic()
    info = {}
    (tmp / SETTINGS_MODULE).with_suffix(".py").write_text(SETTINGS_TEXT)
    (tmp / "static").mkdir()  # WhiteNoise's folder: nothing is collected, the API needs none
    env = environment(tmp, 3600, args.max_requests)

    log(f"Database {DATABASE_NAME} and Redis {REDIS_URL}")
    postgres(f'DROP DATABASE IF EXISTS "{DATABASE_NAME}" WITH (FORCE)')
    postgres(f'CREATE DATABASE "{DATABASE_NAME}"')
    stack.callback(postgres, f'DROP DATABASE IF EXISTS "{DATABASE_NAME}" WITH (FORCE)')
    flush_redis()
    stack.callback(flush_redis)
    log(f"Corpus of {args.pages:,} news pages")
    subprocess.run(  # noqa: S603 — our own script, fixed arguments
        [sys.executable, SCRIPTS / "bench_data.py", str(args.pages)], env=env, check=True
    )
    info["corpus_seconds"] = time.monotonic() - started

    setup_django(env)
    from django.db import connections

    stack.callback(
        connections.close_all
    )  # before the database is dropped (callbacks run last first)
    page, by_path = the_page()
    info["by_path"] = by_path
    observer = stack.enter_context(Observer())
    subscription = subscribe(observer.port)
    observer.send("secret", subscription.secret)
    connections.close_all()

    log("Servers: gunicorn, rqworker")
    worker = stack.enter_context(
        Process(
            "rqworker",
            [
                sys.executable, "manage.py", "rqworker", "default", "--with-scheduler",
                "--job-class", "django_tasks_rq.backend.Job",
            ],
            env,
            tmp / "rqworker.log",
        )
    )  # fmt: skip
    server = stack.enter_context(Server(env, 2, tmp / "gunicorn.log"))
    time.sleep(2)
    worker.check()

    status, body = fetch(server.port, NEWS_LIST)
    if status != 200 or page.title.encode() not in body:
        raise RuntimeError(f"The news list ({status}) does not show the page to edit: {page.title}")
    observer.send("poll", server.port, {"list": NEWS_LIST, "page": by_path}, args.poll_interval)

    log(f"{args.publishes} publishes")
    rows, tally = publish_rounds(observer, page.pk, page.title, args.publishes)
    deliveries = deliveries_summary()
    connections.close_all()
    observer.__exit__(None, None, None)  # the pollers would load the servers measured next

    log("Requests per second: cached, uncached, nginx")
    status, body = fetch(server.port, NEWS_LIST)
    info["kilobytes"] = len(body) / 1024
    uncached = stack.enter_context(
        Server(environment(tmp, 0, args.max_requests), 2, tmp / "gunicorn-uncached.log")
    )
    static, nginx_port = nginx(tmp, body)
    stack.enter_context(static)
    wait_for(nginx_port, NEWS_LIST, static)
    info["nginx_version"] = (
        subprocess.run(["nginx", "-v"], capture_output=True, text=True, check=True)  # noqa: S607
        .stderr.strip()
        .removeprefix("nginx version: ")
    )
    servers = {
        "cached": (server.port, serving_cpu(server)),
        "uncached": (uncached.port, serving_cpu(uncached)),
        "nginx": (nginx_port, serving_cpu(static)),
    }
    for name, (port, _) in servers.items():
        if fetch(port, NEWS_LIST) != (200, body):
            raise RuntimeError(f"The {name} server does not answer the same bytes")
    load = throughput(servers, args)
    return report(args, info, rows, tally, deliveries, load, started)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--publishes", type=int, default=100)
    parser.add_argument("--pages", type=int, default=1000, help="news pages in the corpus")
    parser.add_argument("--poll-interval", type=float, default=0.02, help="seconds")
    parser.add_argument("--runs", type=int, default=5, help="load runs per server")
    parser.add_argument("--seconds", type=float, default=5, help="per load run")
    parser.add_argument("--connections", type=int, default=8, help="of the load generator")
    parser.add_argument(
        "--max-requests",
        type=int,
        help="override settings/gunicorn.py's max_requests (0: never recycle a worker)",
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    return parser.parse_args()


def main():
    args = parse_args()
    if not shutil.which("nginx"):
        sys.exit("nginx is missing: run `bash scripts/install-bench-tools.sh` first.")
    with (
        tempfile.TemporaryDirectory(prefix="coalition-bench-pipeline-") as folder,
        contextlib.ExitStack() as stack,
    ):
        met = run(args, stack, Path(folder))
    sys.exit(1 if args.strict and not met else 0)


if __name__ == "__main__":
    main()
