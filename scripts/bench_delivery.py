"""Delivery API benchmark: our endpoints against stock Wagtail v2 on the same data. Prints figures.

For each corpus size (news pages; a tenth as many statements beside them):

1. build the corpus in its own database (`bench_data.py`; reused when already built);
2. count each endpoint's SQL queries in-process with Django's test client (`bench_probe.py`);
3. serve the corpus with gunicorn (2 sync workers, production settings, 127.0.0.1 only) and
   request each endpoint: a warm-up, then sequential runs for latency and server CPU time, then
   concurrent runs for requests per second.

Server CPU per request — the user and system time of the gunicorn processes (on PostgreSQL, and
of the database backends serving them) over a run, divided by its requests — is the figure to
compare on a shared machine: wall-clock latency and req/s move with whatever else runs there.
Every figure is a median of runs, and ratios are quoted from them. Nothing is cached in front of
the server and the API's own answer cache (api.cache) is off: these are the uncached costs.

    .venv/bin/python scripts/bench_delivery.py                      # 1,000 and 10,000 pages
    .venv/bin/python scripts/bench_delivery.py --sizes 1000,10000,100000
    .venv/bin/python scripts/bench_delivery.py --database-url postgres://postgres@127.0.0.1/bench_{size}

Exits 0 whatever the figures (it is a report) unless `--strict`, when a missed target exits 1.
"""

import argparse
import contextlib
import dataclasses
import http.client
import json
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

SCRIPTS = Path(__file__).resolve().parent
PROJECT_ROOT = SCRIPTS.parent
HOST = "127.0.0.1"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclasses.dataclass(frozen=True)
class Endpoint:
    """One row of the report: our URL (first alternative that answers) and stock v2's."""

    key: str
    label: str
    ours: tuple[str, ...]
    stock: tuple[str, ...] = ()


# `{id}`, `{path}` (“/en/news/<slug>/”) and `{route}` (“/news/<slug>/”) stand for sample news
# pages, `{word}` for search words.
ENDPOINTS = [
    Endpoint(
        "list",
        "list of 20 (stock: fields=*)",
        ("/api/v2/news/?locale=en&limit=20",),
        ("/api/v2/pages/?type=pages.NewsPage&fields=*&limit=20",),
    ),
    Endpoint(
        "list-100",
        "list of 100",
        ("/api/v2/news/?locale=en&limit=100",),
        # Stock v2 caps `limit` at WAGTAILAPI_LIMIT_MAX (20): shown for its answer.
        ("/api/v2/pages/?type=pages.NewsPage&fields=*&limit=100",),
    ),
    Endpoint(
        "detail",
        "detail (stock: by id)",
        # Ours is the page by path unless a detail-by-id endpoint answers first.
        ("/api/v2/news/{id}/", "/api/v2/pages/by-path/?path={path}"),
        ("/api/v2/pages/{id}/",),
    ),
    Endpoint(
        "by-path",
        "by path (stock: find+detail)",
        ("/api/v2/pages/by-path/?path={path}",),
        # Stock `find` resolves paths below the site root, without the language prefix, and
        # redirects to the detail URL: one lookup costs both requests.
        ("/api/v2/pages/find/?html_path={route}",),
    ),
    Endpoint("site", "site", ("/api/v2/site/?locale=en",)),
    Endpoint(
        "search",
        "search, 20 results",
        ("/api/v2/news/?locale=en&q={word}", "/api/v2/search/?q={word}"),
        ("/api/v2/pages/?type=pages.NewsPage&search={word}&fields=*&limit=20",),
    ),
]

TARGET_CHEAPER = 10  # the list and search: at least this many times cheaper than stock v2
TARGET_LIST_QUERIES = 10
TARGET_GROWTH = 1.5  # list and by-path at the largest size, against 1,000 pages
TARGET_SIZE = 10_000  # the size the issue quotes its other targets at


@dataclasses.dataclass
class Plan:
    """How much to request: the command line's options."""

    sizes: list[int]
    database_url: str
    workers: int
    concurrency: int
    runs: int
    requests: int
    seconds: float
    rps_seconds: float


# Measuring


def get(port, url, follow=True):
    """One request on a fresh connection (gunicorn's sync workers close after each).

    A redirect is followed once, to the same server: stock v2's `find` answers with one.
    """
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    try:
        connection.request("GET", url, headers={"Accept": "application/json"})
        response = connection.getresponse()
        response.read()
        location = response.getheader("Location")
    finally:
        connection.close()
    if follow and response.status in (301, 302) and location:
        target = urlsplit(location)
        return get(port, f"{target.path}?{target.query}", follow=False)
    return response.status


def cpu_seconds(pids):
    """{pid: user + system CPU seconds so far} for the processes `pids` picks out of /proc."""
    times = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        pid = int(stat.parent.name)
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if pids(pid, int(fields[1])):
                times[pid] = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime, stime
        except OSError:
            continue  # a process that ended while we looked
    return times


def cpu_spent(before, after):
    """CPU seconds between two snapshots: new processes count whole, ended ones are lost."""
    return sum(seconds - before.get(pid, 0) for pid, seconds in after.items())


def sequential_run(server, urls, plan):
    """Up to `requests` requests (or `seconds`), one at a time: latencies and CPU per request."""
    latencies = []
    cpu_before = server.cpu_snapshot()
    started = time.perf_counter()
    while len(latencies) < plan.requests and time.perf_counter() - started < plan.seconds:
        url = urls[len(latencies) % len(urls)]
        sent = time.perf_counter()
        status = get(server.port, url)
        latencies.append(time.perf_counter() - sent)
        if status != 200:
            raise RuntimeError(f"{url} answered {status} during the run")
    return latencies, cpu_spent(cpu_before, server.cpu_snapshot()) / len(latencies)


def concurrent_run(port, urls, plan):
    """`concurrency` clients for up to `requests` requests (or `rps_seconds`): requests/s."""
    lock = threading.Lock()
    sent = []
    started = time.perf_counter()

    def client():
        while True:
            with lock:
                if len(sent) >= plan.requests or time.perf_counter() - started > plan.rps_seconds:
                    return
                sent.append(urls[len(sent) % len(urls)])
                url = sent[-1]
            get(port, url)

    threads = [threading.Thread(target=client) for _ in range(plan.concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(sent) / (time.perf_counter() - started)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(server, urls, plan):
    """Warm-up, sequential runs, concurrent runs: the medians of one endpoint."""
    warm = dataclasses.replace(plan, requests=20, seconds=plan.rps_seconds)
    sequential_run(server, urls, warm)
    latencies, cpu = [], []
    for _ in range(plan.runs):
        run_latencies, run_cpu = sequential_run(server, urls, plan)
        latencies += run_latencies
        cpu.append(run_cpu)
    rates = [concurrent_run(server.port, urls, plan) for _ in range(plan.runs)]
    return {
        "rps": statistics.median(rates),
        "p50": percentile(latencies, 0.50) * 1000,
        "p99": percentile(latencies, 0.99) * 1000,
        "cpu": statistics.median(cpu) * 1000,
        "requests": len(latencies),
    }


# The corpus, the probe and the server


def environment(plan, size):
    """Production settings, this size's database and media, plain HTTP on 127.0.0.1."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        # Stock v2 redirects to its detail URLs on the default site's hostname.
        "DJANGO_ALLOWED_HOSTS": f"{HOST},localhost",
        "DJANGO_DEBUG": "False",
        "SECURE_SSL_REDIRECT": "False",
        "DATABASE_URL": plan.database_url.format(size=size),
        "MEDIA_ROOT": scratch_path(plan.database_url.format(size=size), "media"),
        "REDIS_URL": "",
        # Repeated requests would otherwise be answered whole from the cache (api.cache).
        "API_CACHE_TIMEOUT": "0",
        "PYTHONPATH": str(PROJECT_ROOT),
    }


def scratch_path(database_url, suffix):
    """Beside an SQLite database file, or in /tmp under a server database's name."""
    url = urlsplit(database_url)
    name = "/" + url.path.lstrip("/")
    if url.scheme == "sqlite":
        return f"{Path(name).with_suffix('')}-{suffix}"
    return f"/tmp/coalition-bench-{Path(name).name}-{suffix}"  # noqa: S108 — scratch, ours alone


def load_corpus(size, env):
    started = time.monotonic()
    subprocess.run(  # noqa: S603 — our own script, fixed arguments
        [sys.executable, SCRIPTS / "bench_data.py", str(size)], env=env, check=True
    )
    return time.monotonic() - started


def probe_queries(env):
    """{template: probe result} for every URL template of every endpoint."""
    templates = {
        f"{endpoint.key}:{api}": list(alternatives)
        for endpoint in ENDPOINTS
        for api, alternatives in (("ours", endpoint.ours), ("stock", endpoint.stock))
        if alternatives
    }
    result = subprocess.run(  # noqa: S603 — our own script, fixed arguments
        [sys.executable, SCRIPTS / "bench_probe.py"],
        env=env,
        input=json.dumps(templates),
        capture_output=True,  # its log names every URL that answered 404: shown only on failure
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.exit(f"Counting queries failed:\n{result.stderr}")
    return json.loads(result.stdout)


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn on 127.0.0.1, in its own process group, stopped on exit whatever happens."""

    def __init__(self, env, workers, log_path):
        self.env = env
        self.workers = workers
        self.log_path = log_path
        self.port = free_port()
        self.process = None
        # On PostgreSQL the queries run in its backends, named after the database they serve.
        url = urlsplit(env["DATABASE_URL"])
        self.backend_title = (
            f" {url.path.lstrip('/')} " if url.scheme.startswith("postgres") else None
        )

    def cpu_snapshot(self):
        """CPU so far of the gunicorn master and workers, and of PostgreSQL's backends."""
        master = self.process.pid

        def serves(pid, parent):
            return master in (pid, parent) or self.is_backend(pid)

        return cpu_seconds(serves)

    def is_backend(self, pid):
        if self.backend_title is None:
            return False
        try:
            title = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
        except OSError:
            return False
        return title.startswith("postgres:") and self.backend_title in title

    def __enter__(self):
        command = [
            sys.executable, "-m", "gunicorn", "cms.wsgi",
            "--bind", f"{HOST}:{self.port}", "--workers", str(self.workers),
            "--log-level", "warning", "--error-logfile", str(self.log_path),
        ]  # fmt: skip
        self.process = subprocess.Popen(  # noqa: S603 — fixed arguments
            command, env=self.env, cwd=PROJECT_ROOT, start_new_session=True
        )
        try:
            self.wait_until_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc_info):
        self.stop()

    def wait_until_ready(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited; see {self.log_path}")
            try:
                if get(self.port, "/api/v2/pages/?limit=1") == 200:
                    return
            except OSError:
                pass
            time.sleep(0.25)
        raise RuntimeError(f"gunicorn did not answer within {timeout} s; see {self.log_path}")

    def stop(self):
        if self.process is not None:
            stop_process_group(self.process)


def stop_process_group(process):
    """Stop a process started with start_new_session, and its children: politely, then not."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def bench_size(plan, size):
    """Every endpoint's figures at one corpus size: {"ours"|"stock": {key: figures}}."""
    env = environment(plan, size)
    print(f"\n— {size:,} news pages: corpus", file=sys.stderr, flush=True)
    load_seconds = load_corpus(size, env)
    print("  counting queries", file=sys.stderr, flush=True)
    probes = probe_queries(env)
    log_path = scratch_path(env["DATABASE_URL"], "gunicorn.log")
    results = {"ours": {}, "stock": {}, "load_seconds": load_seconds}
    measured = {}  # the same URL template serves more than one row (stock detail)
    with Server(env, plan.workers, log_path) as server:
        for key, found in probes.items():
            endpoint_key, api = key.split(":")
            figures = {**found}
            if found["status"] == 200:
                if found["template"] not in measured:
                    print(
                        f"  {api} {endpoint_key}: {found['template']}", file=sys.stderr, flush=True
                    )
                    measured[found["template"]] = measure(server, found["urls"], plan)
                figures.update(measured[found["template"]])
            results[api][endpoint_key] = figures
    return results


# The report


def fmt(value, spec=".1f", missing="n/a"):
    return missing if value is None else format(value, spec)


def queries_text(figures):
    if "queries" not in figures:
        return f"n/a ({figures['status']})" if figures.get("status") else "n/a"
    low, high = figures["queries_min"], figures["queries_max"]
    return f"{low}" if low == high else f"{low}–{high}"


# (heading, width) of the figures table; every column but the first two is right-aligned.
COLUMNS = [
    ("endpoint", 28), ("API", 5), ("req/s", 7), ("p50 ms", 7), ("p99 ms", 7),
    ("CPU ms", 7), ("SQL", 10), ("KB", 6),
]  # fmt: skip


def table_row(cells):
    return "  " + " ".join(
        f"{cell:<{width}}" if number < 2 else f"{cell:>{width}}"
        for number, (cell, (_, width)) in enumerate(zip(cells, COLUMNS, strict=True))
    )


def figures_row(name, api, figures):
    if "cpu" not in figures:
        return table_row([name, api, "n/a", "", "", "", queries_text(figures), ""])
    return table_row(
        [
            name,
            api,
            f"{figures['rps']:.0f}",
            f"{figures['p50']:.1f}",
            f"{figures['p99']:.1f}",
            f"{figures['cpu']:.2f}",
            queries_text(figures),
            f"{figures['kilobytes']:.1f}",
        ]
    )


def ratio(numerator, denominator):
    if numerator is None or denominator in (None, 0):
        return None
    return numerator / denominator


def stock_over_ours(results, key, field):
    return ratio(results["stock"].get(key, {}).get(field), results["ours"].get(key, {}).get(field))


def print_size(size, results):
    print(
        f"\n{size:,} news pages (+{size // 10:,} statements); "
        f"corpus ready in {results['load_seconds']:.0f} s"
    )
    print(table_row([heading for heading, _ in COLUMNS]))
    for endpoint in ENDPOINTS:
        for api in ("ours", "stock"):
            if figures := results[api].get(endpoint.key):
                print(figures_row(endpoint.label if api == "ours" else "", api, figures))
    print("  stock ÷ ours (how many times cheaper ours is):")
    for endpoint in ENDPOINTS:
        cpu = stock_over_ours(results, endpoint.key, "cpu")
        queries = stock_over_ours(results, endpoint.key, "queries")
        if cpu is not None or queries is not None:
            print(f"    {endpoint.label:<28} CPU ×{fmt(cpu)}   SQL queries ×{fmt(queries)}")


def growth(all_results, key):
    """CPU per request at the largest size ÷ at the smallest, for one of our endpoints."""
    sizes = sorted(all_results)
    if len(sizes) < 2:
        return None
    first = all_results[sizes[0]]["ours"].get(key, {}).get("cpu")
    last = all_results[sizes[-1]]["ours"].get(key, {}).get("cpu")
    return ratio(last, first)


def verdict(value, passed):
    if value is None:
        return "NOT MEASURED"
    return "PASS" if passed else "FAIL"


def target_size(all_results):
    return TARGET_SIZE if TARGET_SIZE in all_results else max(all_results)


def targets(all_results):
    """(description, measured, verdict) for each target of the issue."""
    size = target_size(all_results)
    at_size = all_results[size]
    rows = []
    for key, name in (("list", "list of 20"), ("search", "search")):
        cheaper = stock_over_ours(at_size, key, "cpu")
        rows.append(
            (
                f"{name}: ≥{TARGET_CHEAPER}× cheaper than stock v2 (CPU/request, {size:,} pages)",
                f"×{fmt(cheaper)}",
                verdict(cheaper, cheaper is not None and cheaper >= TARGET_CHEAPER),
            )
        )
    list_20 = at_size["ours"].get("list", {}).get("queries_max")
    list_100 = at_size["ours"].get("list-100", {}).get("queries_max")
    constant = None if list_20 is None or list_100 is None else list_20 == list_100
    rows.append(
        (
            f"list: SQL queries constant in page size and ≤{TARGET_LIST_QUERIES}",
            f"{fmt(list_20, 'd')} (20 items), {fmt(list_100, 'd')} (100 items)",
            verdict(constant, constant and list_20 <= TARGET_LIST_QUERIES),
        )
    )
    sizes = sorted(all_results)
    for key in ("list", "by-path"):
        grown = growth(all_results, key)
        span = f"{sizes[-1]:,} ÷ {sizes[0]:,}" if len(sizes) > 1 else "one size only"
        rows.append(
            (
                f"{key}: CPU/request at the largest size ≤{TARGET_GROWTH}× the smallest's",
                f"×{fmt(grown, '.2f')} ({span})",
                verdict(grown, grown is not None and grown <= TARGET_GROWTH),
            )
        )
    return rows


def print_report(all_results):
    print("\nTargets (the issue asks for growth from 1,000 to 100,000 pages):")
    rows = targets(all_results)
    for description, measured, result in rows:
        print(f"  {result:<13} {description:<72} {measured}")
    return all(result == "PASS" for _, _, result in rows)


def print_header(plan):
    print("Delivery API benchmark: our endpoints against stock Wagtail v2 on the same data")
    cpus = len(os.sched_getaffinity(0))
    print(
        f"  machine: {cpus} CPUs (shared: read medians and ratios); gunicorn "
        f"{plan.workers} sync workers, production settings, uncached, on {HOST}"
    )
    print(f"  database: {plan.database_url}; sizes: {', '.join(f'{s:,}' for s in plan.sizes)}")
    print(
        f"  per endpoint: 20 warm-up requests, {plan.runs} sequential runs and {plan.runs} "
        f"runs of {plan.concurrency} concurrent clients, each ≤{plan.requests} requests "
        f"or ≤{plan.seconds:g} s (concurrent: ≤{plan.rps_seconds:g} s)"
    )
    print(
        "  ours: the delivery API; stock: Wagtail's v2 pages endpoint as mounted at /api/v2/pages/"
    )
    print(
        "  req/s: median of the concurrent runs; p50/p99: client latency, sequential runs;"
        "\n  CPU ms: user+system time per request of gunicorn (and PostgreSQL's backends for the"
        "\n    database), median of the sequential runs;"
        "\n  SQL: queries per warm request, in-process (range over sample pages); KB: response size"
    )


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="1000,10000", help="news pages per corpus, e.g. 1000,10000,100000"
    )
    parser.add_argument(
        "--database-url",
        default="sqlite:////tmp/coalition-bench-{size}.sqlite3",
        help="one database per size; {size} is replaced (default: %(default)s)",
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=2, help="clients in the req/s runs")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--requests", type=int, default=100, help="at most, per run")
    parser.add_argument("--seconds", type=float, default=2, help="at most, per sequential run")
    parser.add_argument(
        "--rps-seconds", type=float, default=1.5, help="at most, per concurrent run"
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    args = parser.parse_args()
    plan = Plan(
        sizes=sorted(int(size) for size in args.sizes.split(",")),
        database_url=args.database_url,
        workers=args.workers,
        concurrency=args.concurrency,
        runs=args.runs,
        requests=args.requests,
        seconds=args.seconds,
        rps_seconds=args.rps_seconds,
    )
    return plan, args


def main():
    plan, args = parse_args()
    started = time.monotonic()
    print_header(plan)
    all_results = {}
    for size in plan.sizes:
        all_results[size] = bench_size(plan, size)
        print_size(size, all_results[size])
    met = print_report(all_results)
    print(f"\nTook {time.monotonic() - started:.0f} s.")
    if args.json:
        args.json.write_text(json.dumps({"plan": dataclasses.asdict(plan), "sizes": all_results}))
    sys.exit(1 if args.strict and not met else 0)


if __name__ == "__main__":
    main()
