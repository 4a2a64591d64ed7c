"""Load with faults: traffic on gunicorn while PostgreSQL, Redis and a worker fail. Prints figures.

    .venv/bin/python scripts/load_test.py                 # about 5 minutes of load, plus setup
    .venv/bin/python scripts/load_test.py --duration 60   # a quick look, faults at the same shares

Everything on 127.0.0.1, and everything started and stopped by this script — never the machine's
shared PostgreSQL or Redis, since this one restarts them:

- a PostgreSQL cluster of its own (initdb from /usr/lib/postgresql/15/bin into a temporary
  folder, trust authentication, a free port) holding `bench_data.py`'s corpus (300 news pages,
  30 statements) and their partner records (`rebuild_partner_records`);
- a redis-server of its own (a free port, `--save "" --appendonly no`) for the response cache,
  the rate limits and the task queue (TASK_BACKEND=redis). It is stopped with SHUTDOWN SAVE, so
  it comes back with its data as a production Redis with persistence does: cached answers from
  before the outage are still there, and must not hide what was published during it;
- gunicorn with settings.production and settings/gunicorn.py (gthread, 4 threads), 3 workers;
  one `manage.py rqworker default --with-scheduler`.

The traffic is locust's (scripts/locustfile.py, headless, `--users` users): front ends reading
pages by path, listings, the site, search and social posts; partners syncing the statements
through the list's cursor, as CSV and through the change feed, half with a partner key. The
partner rate limits are raised out of the way (PARTNER_API_RATE): one address sends it all.
Beside it, an editor in this process publishes a title edit through Wagtail revisions
(`save_revision().publish()`, with Django's connection handling around it as a request has)
every `--publish-interval` seconds, each on another news page that the readers also read.

The faults, at fixed shares of the run: PostgreSQL restarted (`pg_ctl restart -m fast`); Redis
stopped and, 20 s later, started; one gunicorn worker killed (SIGKILL; the fault lasts until the
arbiter has a new one); PostgreSQL stopped for 10 s. A fault ends when the service is back; its
recovery runs until the next fault.

Printed per phase: requests, errors by status (`conn`: no answer, the connection failed),
p50/p99, the editor's publishes and what /health/ said. Targets: no 5xx nor failed connection
outside the outages; every fault recovered from (no error) within 5 s of its end; no lost write
— every publish reported as done is visible afterwards through the API, and the database has it.
The servers' logs are kept in test-artifacts/load/.

Exits 0 whatever the figures (it is a report) unless `--strict`, when a missed target exits 1.
"""

import argparse
import collections
import contextlib
import json
import logging
import os
import pwd
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
sys.path.insert(0, str(SCRIPTS))

from bench_delivery import HOST, free_port, percentile  # noqa: E402 — not a package
from bench_pipeline import (  # noqa: E402
    Process,
    fetch,
    log,
    print_targets,
    setup_django,
    wait_for,
)

PROJECT_ROOT = SCRIPTS.parent
ARTIFACTS = PROJECT_ROOT / "test-artifacts" / "load"
PG_BIN = Path("/usr/lib/postgresql/15/bin")
DATABASE_NAME = "coalition_load"
NEWS_PAGES = 300
WORKERS = 3
RECOVERY_TARGET = 5.0  # seconds after a fault ends
HEADERS = {"Accept": "application/json"}
# Each fault: when (share of the run), its name, and for outages how long (share of the run; 300 s
# → 20 s and 10 s).
SCHEDULE = [
    (0.20, "postgres-restart", None),
    (0.35, "redis-down", 20 / 300),
    (0.55, "worker-killed", None),
    (0.70, "postgres-down", 10 / 300),
]


def run_as_postgres(command):
    """initdb and pg_ctl refuse to run as root: as root, run them as the postgres user."""
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    return subprocess.run(command, check=True, capture_output=True, text=True)  # noqa: S603


class PostgresCluster:
    """A throwaway PostgreSQL cluster on a free port; stopped on exit whatever happens."""

    def __init__(self, tmp):
        self.data, self.sockets, self.log = tmp / "pgdata", tmp / "pgsock", tmp / "postgres.log"
        self.port = free_port()

    def url(self, name):
        return f"postgres://postgres@{HOST}:{self.port}/{name}"

    def pg_ctl(self, *arguments):
        options = f"-p {self.port} -k {self.sockets} -c listen_addresses={HOST} -c fsync=off"
        command = [PG_BIN / "pg_ctl", "-D", self.data, "-l", self.log, "-w", "-t", "60"]
        run_as_postgres([*map(str, command), "-o", options, *arguments])

    def __enter__(self):
        self.data.mkdir()
        self.sockets.mkdir()
        self.log.touch()
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")
            for path in (self.data, self.sockets, self.log):
                os.chown(path, owner.pw_uid, owner.pw_gid)
        run_as_postgres(
            [str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust",
             "-E", "UTF8", "--no-sync"]
        )  # fmt: skip
        self.pg_ctl("start")
        return self

    def __exit__(self, *exc_info):
        with contextlib.suppress(subprocess.CalledProcessError):
            self.pg_ctl("stop", "-m", "immediate")


class RedisServer:
    """A redis-server of our own on a free port, which may be stopped and started again."""

    def __init__(self, tmp):
        self.port, self.folder, self.log = free_port(), tmp / "redis", tmp / "redis.log"
        self.folder.mkdir()
        self.process = None

    @property
    def url(self):
        return f"redis://{HOST}:{self.port}/0"

    def client(self):
        import redis

        return redis.Redis(host=HOST, port=self.port, socket_timeout=2)

    def start(self):
        command = [
            "redis-server", "--port", str(self.port), "--bind", HOST, "--save", "",
            "--appendonly", "no", "--dir", str(self.folder),
        ]  # fmt: skip
        with open(self.log, "ab") as output:
            self.process = subprocess.Popen(  # noqa: S603 — fixed arguments
                command, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
            )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError, Exception):
                if self.client().ping():
                    return
            time.sleep(0.05)
        raise RuntimeError(f"redis-server did not start; see {self.log}")

    def stop(self):
        """SHUTDOWN SAVE: its data is on disk for the next start, as with persistence on."""
        self.client().shutdown(save=True)
        self.process.wait(timeout=10)

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc_info):
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=10)


def environment(tmp, database_url, redis_url):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DJANGO_DEBUG": "False",
        "SECURE_SSL_REDIRECT": "False",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "TASK_BACKEND": "redis",
        "PARTNER_API_RATE": "100000/min",
        "PARTNER_API_KEY_RATE": "100000/min",
        "MEDIA_ROOT": str(tmp / "media"),
        "STATIC_ROOT": str(tmp / "static"),
        "PYTHONPATH": str(PROJECT_ROOT),
        "GUNICORN_CMD_ARGS": f"--config {PROJECT_ROOT / 'settings' / 'gunicorn.py'}",
    }


def gunicorn_workers(arbiter):
    """The pids of the arbiter's worker processes."""
    workers = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError):
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == arbiter:
                workers.add(int(stat.parent.name))
    return workers


# The corpus and the plan of the traffic


def build_corpus(env):
    for command in (
        [sys.executable, SCRIPTS / "bench_data.py", str(NEWS_PAGES)],
        [sys.executable, "manage.py", "rebuild_partner_records"],
    ):
        subprocess.run(command, env=env, cwd=PROJECT_ROOT, check=True)  # noqa: S603


def make_plan(publishes):
    """The readers' paths and words, a partner key, an editor, and the pages to publish."""
    from bench_data import SEARCH_WORDS
    from bench_partners import issue_partner_key

    from django.contrib.auth import get_user_model

    from cms.frontend import page_path
    from pages.models import NewsPage, StatementPage

    news = list(NewsPage.objects.live().order_by("-date", "-pk")[:80])
    statements = list(StatementPage.objects.live().order_by("-date", "-pk")[:20])
    editor = get_user_model().objects.create_superuser("load-editor", "", secrets.token_hex(16))
    targets = [(page.pk, page_path(page)) for page in news[:publishes]]
    return (
        {
            "paths": [page_path(page) for page in news + statements],
            "words": SEARCH_WORDS,
            "key": issue_partner_key(),
        },
        targets,
        editor,
    )


def check_endpoints(port, plan):
    """Every kind of request answers 200 before the load starts (and is cached)."""
    paths = [
        f"/api/v2/pages/by-path/?path={plan['paths'][0]}",
        "/api/v2/news/?locale=en&limit=20",
        "/api/v2/site/?locale=en",
        f"/api/v2/news/?locale=en&q={plan['words'][0]}",
        "/api/v2/social-posts/?locale=en",
        "/api/partners/v1/statements/?limit=100",
        "/api/partners/v1/statements/?limit=100&format=csv",
        "/api/partners/v1/changes/?since=0&limit=100",
    ]
    for path in paths:
        status, body = fetch(port, path)
        if status != 200:
            raise RuntimeError(f"{path} answered {status} before the load: {body[:300]!r}")
    keyed = {**HEADERS, "Authorization": f"Bearer {plan['key']}"}
    status, body = fetch(port, paths[-3], keyed)
    if status != 200 or b'"items"' not in body:
        raise RuntimeError(f"The partner key is refused ({status}): {body[:300]!r}")


# The editor and the health monitor, in threads of this process


class Editor(threading.Thread):
    """Publishes a title edit on the next target page every `interval` seconds, as the admin's
    publish does it (a revision, then its publication), and records what it was told."""

    def __init__(self, targets, user, interval):
        super().__init__(daemon=True)
        self.targets, self.user, self.interval = targets, user, interval
        self.stop = threading.Event()
        self.records, self.tracebacks = [], {}

    def run(self):
        for page_id, path in self.targets:
            if self.stop.wait(self.interval):
                return
            token = f"Load test edit {secrets.token_hex(4)}"
            started = time.time()
            outcome, error = self.publish(page_id, token)
            self.records.append(
                {"time": started, "seconds": time.time() - started, "page_id": page_id,
                 "path": path, "title": token, "outcome": outcome, "error": error}
            )  # fmt: skip

    def publish(self, page_id, title):
        from django.db import close_old_connections

        from pages.models import NewsPage

        close_old_connections()  # what Django does when a request starts and ends
        try:
            page = NewsPage.objects.get(pk=page_id)
            page.title = title
            page.save_revision(user=self.user).publish(user=self.user)
            return "published", ""
        except Exception as error:
            self.tracebacks[page_id] = traceback.format_exc()
            return "failed", f"{type(error).__name__}: {str(error).splitlines()[0][:200]}"
        finally:
            close_old_connections()


class HealthMonitor(threading.Thread):
    """`GET /health/` twice a second: (time, its status or "no answer")."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.port = port
        self.stop = threading.Event()
        self.records = []

    def run(self):
        while not self.stop.wait(0.5):
            started = time.time()
            try:
                status, body = fetch(self.port, "/health/")
                state = json.loads(body).get("status", str(status))
            except (OSError, ValueError):
                state = "no answer"
            self.records.append((started, state))


# The faults


class Faults:
    """Each fault returns when the service is back: (name, started, ended) in Unix time."""

    def __init__(self, postgres, redis_server, gunicorn):
        self.postgres, self.redis, self.gunicorn = postgres, redis_server, gunicorn

    def inject(self, name, outage):
        started = time.time()
        getattr(self, name.replace("-", "_"))(outage)
        return name, started, time.time()

    def postgres_restart(self, outage):
        self.postgres.pg_ctl("restart", "-m", "fast")

    def postgres_down(self, outage):
        self.postgres.pg_ctl("stop", "-m", "fast")
        time.sleep(outage)
        self.postgres.pg_ctl("start")

    def redis_down(self, outage):
        self.redis.stop()
        time.sleep(outage)
        self.redis.start()

    def worker_killed(self, outage):
        arbiter = self.gunicorn.process.pid
        before = gunicorn_workers(arbiter)
        victim = min(before)
        os.kill(victim, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            now = gunicorn_workers(arbiter)
            if len(now - before) >= 1 and victim not in now:
                return
            time.sleep(0.02)
        raise RuntimeError("gunicorn did not replace the killed worker within 30 s")


# Figures


def read_requests(path):
    rows = []
    for line in path.read_text().splitlines():
        started, name, status, milliseconds, error = line.split("\t")
        # Each request counts when its answer (or failure) came: in-flight requests that a fault
        # breaks fall in the fault's phase.
        answered = float(started) + float(milliseconds) / 1000
        rows.append((answered, name, int(status), float(milliseconds), error))
    return rows


def is_failure(status):
    """A 5xx or no answer at all: what an outage may cause and nothing else."""
    return status == 0 or status >= 500


def phases(start, end, faults):
    """[(label, from, to, fault or None)]: baseline, then each fault and its recovery."""
    result, cursor = [], start
    label = "baseline"
    for name, started, ended in faults:
        result.append((label, cursor, started, None))
        result.append((f"fault: {name}", started, ended, name))
        cursor, label = ended, f"recovery: {name}"
    result.append((label, cursor, end, None))
    return result


def error_text(rows):
    counts = collections.Counter("conn" if row[2] == 0 else str(row[2]) for row in rows)
    failed = [(code, n) for code, n in counts.items() if code == "conn" or int(code) >= 400]
    return " ".join(f"{code}×{n}" for code, n in sorted(failed)) or "–"


def recovery_seconds(rows, ended, until):
    """Seconds from a fault's end to its last failed request (answered) before `until`."""
    late = [row[0] for row in rows if ended <= row[0] < until and is_failure(row[2])]
    return max(late) - ended if late else 0.0


def check_publishes(port, records):
    """Each publish: what the API shows now, and what the database holds."""
    from pages.models import NewsPage

    live_titles = dict(NewsPage.objects.values_list("pk", "title"))
    for record in records:
        status, body = fetch(port, f"/api/v2/pages/by-path/?path={record['path']}")
        shown = json.loads(body).get("title") if status == 200 else f"HTTP {status}"
        record["api_title"], record["db_title"] = shown, live_titles.get(record["page_id"])
        visible = shown == record["title"]
        stored = record["db_title"] == record["title"]
        if record["outcome"] == "published":
            record["verdict"] = (
                "ok" if visible and stored else "stale answer" if stored else "lost write"
            )
        else:
            record["verdict"] = "failed, told" if not stored else "failed, yet published"


def server_errors(log_path):
    """Errors in gunicorn's log: {(logger, exception line): (count, first time)}."""
    found = {}
    for line in log_path.read_text(errors="replace").splitlines():
        with contextlib.suppress(ValueError):
            record = json.loads(line)
            if record.get("level") != "ERROR":
                continue
            trace = record.get("exc_info") or ""
            last = trace.strip().splitlines()[-1] if trace else record.get("message", "")
            key = (record.get("logger"), last)
            count, first = found.get(key, (0, record.get("time")))
            found[key] = (count + 1, first)
    return found


def report(args, info, rows, faults, editor, health, run_start, run_end, took):
    print("Load with faults: production settings on PostgreSQL and Redis of its own, 127.0.0.1")
    print(
        f"  machine: {len(os.sched_getaffinity(0))} CPUs, shared; corpus: {NEWS_PAGES} news "
        f"pages + {NEWS_PAGES // 10} statements (set up in {info['setup_seconds']:.0f} s)"
    )
    print(
        f"  gunicorn -c settings/gunicorn.py (gthread, 4 threads), {WORKERS} workers; 1 rqworker; "
        f"locust {info['locust']}, {args.users} users (3 readers : 1 partner) for "
        f"{args.duration} s; a publish every {args.publish_interval:g} s"
    )
    print(
        f"\n  {'phase':<26} {'s':>5} {'requests':>8} {'req/s':>6} {'errors by status':<24} "
        f"{'p50 ms':>7} {'p99 ms':>7} {'publishes':>10}  health"
    )
    spans = phases(run_start, run_end, faults)
    for label, start, end, _ in spans:
        inside = [row for row in rows if start <= row[0] < end]
        times = [row[3] for row in inside if row[2]] or [0.0]
        done = [r for r in editor.records if start <= r["time"] < end]
        published = sum(r["outcome"] == "published" for r in done)
        states = collections.Counter(state for when, state in health if start <= when < end)
        seconds = max(end - start, 1e-9)
        print(
            f"  {label:<26} {end - start:>5.1f} {len(inside):>8} {len(inside) / seconds:>6.1f} "
            f"{error_text(inside):<24} {percentile(times, 0.5):>7.0f} "
            f"{percentile(times, 0.99):>7.0f} {f'{published} ok/{len(done) - published} ✗':>10}  "
            + ", ".join(f"{state} {n}" for state, n in states.most_common())
        )

    print("\n  by request (whole run)")
    for name in sorted({row[1] for row in rows}):
        these = [row for row in rows if row[1] == name]
        times = [row[3] for row in these if row[2]] or [0.0]
        print(
            f"    {name:<26} {len(these):>7} {error_text(these):<24} "
            f"p50 {percentile(times, 0.5):>5.0f} ms  p99 {percentile(times, 0.99):>6.0f} ms"
        )

    # Targets
    windows = [(started, ended + RECOVERY_TARGET) for _, started, ended in faults]
    outside = [
        row for row in rows if is_failure(row[2]) and not any(a <= row[0] < b for a, b in windows)
    ]
    recoveries = []
    for index, (name, _, ended) in enumerate(faults):
        until = faults[index + 1][1] if index + 1 < len(faults) else run_end
        recoveries.append((name, recovery_seconds(rows, ended, until)))
    redis = next((f for f in faults if f[0] == "redis-down"), None)
    during_redis = [r for r in rows if redis and redis[1] <= r[0] < redis[2] and is_failure(r[2])]
    verdicts = collections.Counter(record["verdict"] for record in editor.records)
    lost = verdicts["lost write"] + verdicts["stale answer"]

    print(f"\n  editor: {len(editor.records)} publishes — " + ", ".join(
        f"{verdict_} {n}" for verdict_, n in sorted(verdicts.items())
    ))  # fmt: skip
    for record in editor.records:
        if record["verdict"] != "ok":
            phase = next(label for label, a, b, _ in spans if a <= record["time"] < b)
            print(
                f"    {phase:<24} +{record['time'] - run_start:5.1f} s  {record['verdict']}: "
                f"{record['error'] or 'API shows ' + repr(record['api_title'])}"
            )
    errors = server_errors(info["gunicorn_log"])
    if errors:
        print("  errors logged by gunicorn's workers (count, first at, logger: last line):")
        for (logger, last), (count, first) in sorted(errors.items(), key=lambda i: -i[1][0])[:8]:
            print(f"    {count:>5}  {first}  {logger}: {last[:120]}")
    print(f"  rqworker: {info['rqworker']}")

    targets = [
        (
            "no 5xx nor failed connection outside the outages",
            f"{len(outside)}",
            not outside,
        ),
        *(
            (
                f"recovered within {RECOVERY_TARGET:g} s after: {name}",
                f"{seconds:.1f} s",
                seconds <= RECOVERY_TARGET,
            )
            for name, seconds in recoveries
        ),
        (
            "no 5xx while Redis is down (cache and limits ignore it)",
            f"{len(during_redis)}",
            not during_redis,
        ),
        (
            "no lost write: every publish visible, or reported failed",
            f"{lost} of {len(editor.records)}",
            lost == 0 and editor.records,
        ),
    ]
    print_targets(targets)
    print(f"\nTook {took:.0f} s (logs in {ARTIFACTS.relative_to(PROJECT_ROOT)}/).")
    return all(passed for _, _, passed in targets)


# The run


def run(args, stack, tmp):
    started = time.monotonic()
    tmp.chmod(0o755)  # the postgres user reaches its cluster's folders
    info = {}
    log("PostgreSQL cluster and redis-server of our own")
    postgres = stack.enter_context(PostgresCluster(tmp))
    redis_server = stack.enter_context(RedisServer(tmp))
    (tmp / "static").mkdir()
    env = environment(tmp, postgres.url(DATABASE_NAME), redis_server.url)
    log(f"Corpus of {NEWS_PAGES} news pages, partner records")
    build_corpus(env)

    setup_django(env)
    logging.getLogger("django_redis").setLevel(logging.CRITICAL)  # the outage, once per call
    from django.db import connections

    stack.callback(connections.close_all)
    plan, targets, user = make_plan(int(args.duration // args.publish_interval) + 1)
    plan_file = tmp / "plan.json"
    plan_file.write_text(json.dumps(plan))
    connections.close_all()

    log(f"gunicorn ({WORKERS} workers), rqworker")
    port = free_port()
    gunicorn = stack.enter_context(
        Process(
            "gunicorn",
            [sys.executable, "-m", "gunicorn", "cms.wsgi", "--bind", f"{HOST}:{port}",
             "--workers", str(WORKERS)],
            env,
            tmp / "gunicorn.log",
        )
    )  # fmt: skip
    wait_for(port, "/health/", gunicorn, timeout=60)
    worker = stack.enter_context(
        Process(
            "rqworker",
            [sys.executable, "manage.py", "rqworker", "default", "--with-scheduler",
             "--job-class", "django_tasks_rq.backend.Job"],
            env,
            tmp / "rqworker.log",
        )
    )  # fmt: skip
    check_endpoints(port, plan)
    info["setup_seconds"] = time.monotonic() - started
    info["gunicorn_log"] = tmp / "gunicorn.log"

    requests_log = tmp / "requests.tsv"
    locust_env = {**env, "LOAD_TEST_PLAN": str(plan_file), "LOAD_TEST_LOG": str(requests_log)}
    log(f"Load for {args.duration} s with faults")
    locust = stack.enter_context(
        Process(
            "locust",
            [sys.executable, "-m", "locust", "-f", str(SCRIPTS / "locustfile.py"), "--headless",
             "--users", str(args.users), "--spawn-rate", str(args.users),
             "--run-time", f"{args.duration}s", "--stop-timeout", "5",
             "--host", f"http://{HOST}:{port}", "--only-summary", "--loglevel", "WARNING"],
            locust_env,
            tmp / "locust.log",
        )
    )  # fmt: skip
    run_start = time.time()
    editor = Editor(targets, user, args.publish_interval)
    health = HealthMonitor(port)
    editor.start()
    health.start()
    faults = Faults(postgres, redis_server, gunicorn)
    done = []
    for share, name, outage in SCHEDULE:
        time.sleep(max(0.0, run_start + share * args.duration - time.time()))
        log(f"  +{time.time() - run_start:5.1f} s  {name}")
        done.append(faults.inject(name, max(3.0, (outage or 0) * args.duration)))
    locust.process.wait(timeout=args.duration + 60)
    run_end = time.time()
    editor.stop.set()
    health.stop.set()
    editor.join(timeout=60)
    health.join()
    status = worker.process.poll()
    info["rqworker"] = "running" if status is None else f"exited with {status}"
    info["locust"] = subprocess.run(
        [sys.executable, "-m", "locust", "--version"], capture_output=True, text=True, check=False
    ).stdout.split()[1]

    log("Checking every publish")
    time.sleep(1)
    check_publishes(port, editor.records)
    took = time.monotonic() - started
    rows = read_requests(requests_log)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for name in ("gunicorn.log", "rqworker.log", "postgres.log", "redis.log", "locust.log",
                 "requests.tsv"):  # fmt: skip
        if (tmp / name).exists():
            shutil.copy(tmp / name, ARTIFACTS / name)
    for record in editor.records:
        record["traceback"] = editor.tracebacks.get(record["page_id"], "")
    (ARTIFACTS / "publishes.json").write_text(json.dumps(editor.records, indent=1))
    return report(args, info, rows, done, editor, health.records, run_start, run_end, took)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=300, help="seconds of load")
    parser.add_argument("--users", type=int, default=12, help="locust users")
    parser.add_argument("--publish-interval", type=float, default=6, help="seconds")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    return parser.parse_args()


def main():
    args = parse_args()
    for tool in (PG_BIN / "initdb", Path(shutil.which("redis-server") or "/nonexistent")):
        if not tool.exists():
            sys.exit(f"{tool} is missing: install postgresql-15 and redis-server (apt).")
    with (
        tempfile.TemporaryDirectory(prefix="coalition-load-") as folder,
        contextlib.ExitStack() as stack,
    ):
        met = run(args, stack, Path(folder))
    sys.exit(1 if args.strict and not met else 0)


if __name__ == "__main__":
    main()
