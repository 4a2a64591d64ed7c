"""Partner API benchmark: lists, full and incremental syncs, SQL per request. Prints figures.

    .venv/bin/python scripts/bench_partners.py                  # 10,000 statements
    .venv/bin/python scripts/bench_partners.py --statements 2000 --rebuild

1. The corpus: N published statements (issuers from three dozen members, lines of effort,
   regions, hashtags, meetings, groups, a few paragraphs of body), bulk-created as
   `bench_data.py` does, then given their partner records by the ledger (`rebuild_all`, as
   `manage.py rebuild_partner_records` runs it). It is kept in /tmp and reused unless `--rebuild`;
   each run works on a copy, so the edits below never reach the kept corpus.
2. gunicorn (2 sync workers, production settings, 127.0.0.1 only) serves the copy, with the rate
   limits far out of the way and no settle time; a partner key is issued as an administrator
   would issue one (`APIToken.create_token`).

The figures, each a median of `--runs` repetitions (the machine is shared: read medians):

- ledger: seconds to build every statement's record from its page, per statement too. A reused
  corpus shows the figures of the run that built it.
- lists: `statements/?limit=100`, unfiltered and with filters, as JSON and CSV, requested by
  `--clients` concurrent clients, `--requests` per run: requests/s, p50 and p99 client latency,
  gunicorn CPU per request (the steadiest figure on a shared machine) and response size. The
  public response cache is off, so these are the costs of answering (`--cached` leaves it on).
- full sync: every statement through the list's cursor (`limit=1000` with the key, following
  `next` until null, parsing each page): seconds, requests, and a check that exactly N distinct
  (id, locale) arrived. Target: under 10 s. Also the same through the change feed from 0, which
  is how a partner learns the feed cursor it continues from.
- incremental sync: 10, 100 and 1,000 edits published through Wagtail (revisions, so the ledger
  reconciles each), then `changes/?since=<cursor before the edits>` replayed to the end: seconds
  and milliseconds per change. Target: cost follows the changes, not the corpus.
- SQL queries per request, counted in-process against the same data (CaptureQueriesContext): the
  list at limit 10, 100 and 1,000 for every variant and format, and the change feed likewise.
  Target: constant in the page size.

Exits 0 whatever the figures (it is a report) unless `--strict`, when a missed target exits 1.
"""

import argparse
import datetime
import http.client
import json
import logging
import os
import random
import secrets
import shutil
import statistics
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

SCRIPTS = Path(__file__).resolve().parent
sys.path.insert(0, str(SCRIPTS))

from bench_data import (  # noqa: E402 — the scripts folder is not a package
    PROJECT_ROOT,
    ArticleWriter,
    PageLoader,
    Vocabulary,
    create_database,
    log,
    setup_django,
)
from bench_delivery import HOST, Server, cpu_spent, percentile  # noqa: E402

LIST = "/api/partners/v1/statements/"
CHANGES = "/api/partners/v1/changes/"
SYNC_PAGE_SIZE = 1000  # the most a key allows
EDIT_BATCHES = [10, 100, 1000]
QUERY_LIMITS = [10, 100, 1000]
TARGET_FULL_SYNC_SECONDS = 10
# The corpus is complete when the statements index carries this summary, written last; raise the
# version when the generated content changes, so kept corpora are rebuilt.
MARKER = "Partner benchmark corpus, version 1, of {count} statements."

# (label, query string after `limit=100`): the unfiltered list and what partners filter by.
LIST_VARIANTS = [
    ("all", ""),
    ("issuer+role", "&issuer=US&issuer_role=signatory"),
    ("line+hashtag", "&line_of_effort=stabilisation&hashtag=DefeatDaesh"),
    ("dates, by update", "&date_from=2019-01-01&date_to=2022-12-31&sort=-updated"),
    ("search", "&q=Mosul"),
    ("facets", "&facets=type,issuer,year,line_of_effort"),
]
FORMATS = [("JSON", ""), ("CSV", "&format=csv")]

# Issuers beside bench_data's six: states by ISO code, organisations by acronym.
MORE_MEMBERS = [
    ("France", "FR"), ("Germany", "DE"), ("Saudi Arabia", "SA"), ("Nigeria", "NG"),
    ("Jordan", "JO"), ("Türkiye", "TR"), ("Canada", "CA"), ("Australia", "AU"),
    ("Netherlands", "NL"), ("Belgium", "BE"), ("Spain", "ES"), ("Denmark", "DK"),
    ("Norway", "NO"), ("Japan", "JP"), ("Kuwait", "KW"), ("Qatar", "QA"),
    ("United Arab Emirates", "AE"), ("Egypt", "EG"), ("Mozambique", "MZ"), ("Cameroon", "CM"),
    ("Chad", "TD"), ("Somalia", "SO"), ("Tunisia", "TN"), ("Bahrain", "BH"), ("Poland", "PL"),
    ("Sweden", "SE"), ("New Zealand", "NZ"),
]  # fmt: skip
ORGANISATIONS = [
    ("European Union", "EU"), ("NATO", "NATO"), ("INTERPOL", "INTERPOL"),
    ("League of Arab States", "LAS"),
]  # fmt: skip
GROUPS = [
    ("africa-focus-group", "Africa Focus Group"),
    ("counter-isis-finance-group", "Counter ISIS Finance Group"),
    ("stabilisation-working-group", "Stabilisation Working Group"),
    ("communications-working-group", "Communications Working Group"),
]


@dataclass(frozen=True)
class Paths:
    """The kept corpus, the copy a run works on, and what sits beside them."""

    kept: Path
    work: Path
    media: Path
    build_figures: Path
    server_log: Path

    @classmethod
    def for_count(cls, count):
        stem = f"/tmp/coalition-partners-bench-{count}"  # noqa: S108 — scratch, ours alone
        return cls(
            kept=Path(f"{stem}.sqlite3"),
            work=Path(f"{stem}-run.sqlite3"),
            media=Path(f"{stem}-media"),
            build_figures=Path(f"{stem}-build.json"),
            server_log=Path(f"{stem}-gunicorn.log"),
        )


def environment(paths, cached):
    """Production settings on the working copy; rate limits that no benchmark reaches."""
    return {
        "DJANGO_SETTINGS_MODULE": "settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": f"{HOST},localhost",
        "DJANGO_DEBUG": "False",
        "SECURE_SSL_REDIRECT": "False",
        "DATABASE_URL": f"sqlite:///{paths.work}",
        "MEDIA_ROOT": str(paths.media),
        "REDIS_URL": "",
        # A one-second window keeps the throttle's history short: its cost stays that of a
        # production allowance, not of a minute's worth of benchmark requests.
        "PARTNER_API_RATE": "100000/s",
        "PARTNER_API_KEY_RATE": "100000/s",
        "PARTNER_FEED_SETTLE_SECONDS": "0",
        # The public response cache (api.cache) would answer every repeat of a list URL from
        # memory: the figures are the uncached cost unless `--cached` asks for the cache's.
        "API_CACHE_TIMEOUT": "3600" if cached else "0",
        "PYTHONPATH": str(PROJECT_ROOT),
    }


# The corpus


def make_members(vocabulary):
    """Three dozen issuers: bench_data's six with flags, and states and organisations without."""
    from cms.models import Member

    made = [
        Member(name=name, iso_code=code, locale=vocabulary.locale) for name, code in MORE_MEMBERS
    ] + [
        Member(name=name, acronym=acronym, kind=Member.Kind.ORGANISATION, locale=vocabulary.locale)
        for name, acronym in ORGANISATIONS
    ]
    for member in made:
        member.save()
    return vocabulary.members + made


def make_groups(vocabulary):
    from cms.models import Group

    return [
        Group.objects.create(slug=slug, name=name, locale=vocabulary.locale)
        for slug, name in GROUPS
    ]


def issuers(rng, page_ids, members):
    """One to four issuers a statement: the releasing government, host or co-chairs first."""
    from pages.models import StatementIssuer

    Role = StatementIssuer.Role
    rows = []
    for page_id in page_ids:
        count = rng.choices([1, 2, 3, 4], weights=[3, 4, 2, 1])[0]
        lead = rng.choice([Role.RELEASING, Role.HOST, Role.CO_CHAIR])
        for order, member in enumerate(rng.sample(members, count)):
            if order == 0:
                role = lead
            elif order == 1 and lead == Role.CO_CHAIR:
                role = Role.CO_CHAIR
            else:
                role = Role.SIGNATORY
            rows.append(
                StatementIssuer(page_id=page_id, member=member, role=role, sort_order=order)
            )
    StatementIssuer.objects.bulk_create(rows)


def load_statements(count):
    """`count` published statements under the English home page, in one transaction."""
    from django.core.management import call_command
    from django.db import transaction

    from pages.models import HomePage, StatementHashtag, StatementIndexPage, StatementPage

    rng = random.Random(count)  # noqa: S311 — reproducible content, not secrets
    with transaction.atomic():
        home = HomePage.objects.get(locale__language_code="en")
        vocabulary = Vocabulary(rng)
        members = make_members(vocabulary)
        groups = make_groups(vocabulary)
        index = home.add_child(instance=StatementIndexPage(title="Statements", slug="statements"))
        writer = ArticleWriter(rng, vocabulary, count)

        def statement_fields():
            return {
                "statement_type": rng.choice(StatementPage.StatementType.values),
                "meeting": rng.choice(vocabulary.meetings) if rng.random() < 0.3 else None,
                "group": rng.choice(groups) if rng.random() < 0.25 else None,
            }

        loader = PageLoader(index, StatementPage, StatementHashtag, writer)
        loader.load(count, statement_fields)
        issuers(rng, loader.ids, members)
        log("  search index")
        call_command("update_index", verbosity=0)
        log("  renditions")
        vocabulary.generate_renditions()
    return index


def build_corpus(paths, count):
    """A fresh corpus in the working copy, kept for later runs; returns the build's figures."""
    from django.core.management import call_command
    from django.db import connection

    from api.partners.ledger import rebuild_all
    from pages.models import StatementIndexPage

    create_database()
    call_command("migrate", verbosity=0, interactive=False)
    log(f"Building a corpus of {count:,} statements")
    started = time.monotonic()
    index = load_statements(count)
    pages_seconds = time.monotonic() - started
    log("  partner records (rebuild_all)")
    started = time.monotonic()
    reconciled = rebuild_all()
    ledger_seconds = time.monotonic() - started
    call_command("analyze_database", verbosity=0)
    StatementIndexPage.objects.filter(pk=index.pk).update(summary=MARKER.format(count=count))
    figures = {
        "built": datetime.datetime.now().isoformat(timespec="minutes"),
        "pages_seconds": pages_seconds,
        "ledger_seconds": ledger_seconds,
        "reconciled": reconciled,
    }
    connection.close()
    shutil.copyfile(paths.work, paths.kept)
    paths.build_figures.write_text(json.dumps(figures))
    return figures


def corpus_ready(count):
    from api.models import StatementRecord
    from pages.models import StatementIndexPage

    index = StatementIndexPage.objects.first()
    return (
        index is not None
        and index.summary == MARKER.format(count=count)
        and StatementRecord.objects.filter(public=True).count() == count
    )


def prepare_corpus(paths, count, rebuild):
    """Django set up on a fresh copy of the kept corpus, built first if needed: build figures."""
    from django.core.management import call_command

    reuse = paths.kept.exists() and paths.build_figures.exists() and not rebuild
    if reuse:
        shutil.copyfile(paths.kept, paths.work)
    else:
        paths.work.unlink(missing_ok=True)
    setup_django()
    if reuse:
        call_command("migrate", verbosity=0, interactive=False)
        if corpus_ready(count):
            return {**json.loads(paths.build_figures.read_text()), "reused": True}
        log("The kept corpus is incomplete or older: rebuilding it.")
    return {**build_corpus(paths, count), "reused": False}


def issue_partner_key():
    from django.contrib.auth import get_user_model

    from wagtail.models import APIToken

    user = get_user_model().objects.create_user(
        username=f"bench-partner-{secrets.token_hex(4)}", password=None
    )
    _, key = APIToken.create_token(user=user, name="Benchmark partner")
    return key


# Requests


def fetch(port, path, key=None):
    """One GET on a fresh connection (gunicorn's sync workers close after each): status, body,
    seconds."""
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    connection = http.client.HTTPConnection(HOST, port, timeout=120)
    started = time.perf_counter()
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    return response.status, body, time.perf_counter() - started


def fetch_ok(port, path, key=None):
    status, body, seconds = fetch(port, path, key)
    if status != 200:
        raise RuntimeError(f"{path} answered {status}: {body[:300]!r}")
    return body, seconds


def local(url):
    """The path and query of an absolute `next` link, to request from the same server."""
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


def load_run(server, path, clients, requests):
    """`clients` threads sharing `requests` requests: requests/s, latencies, CPU s per request."""
    lock = threading.Lock()
    latencies, failures = [], []

    def client():
        while True:
            with lock:
                if len(latencies) + len(failures) >= requests:
                    return
                latencies.append(None)  # claims a request; replaced by its latency
                slot = len(latencies) - 1
            status, body, seconds = fetch(server.port, path)
            with lock:
                latencies[slot] = seconds
                if status != 200:
                    failures.append(f"{status}: {body[:200]!r}")

    cpu_before = server.cpu_snapshot()
    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if failures:
        raise RuntimeError(f"{path} failed {len(failures)} times, e.g. {failures[0]}")
    cpu = cpu_spent(cpu_before, server.cpu_snapshot()) / len(latencies)
    return len(latencies) / elapsed, latencies, cpu


def measure_list(server, path, args):
    """A few warm-up requests, then `runs` load runs: medians of their figures."""
    for _ in range(3):
        body, _ = fetch_ok(server.port, path)
    runs = [load_run(server, path, args.clients, args.requests) for _ in range(args.runs)]
    return {
        "rps": statistics.median(rps for rps, _, _ in runs),
        "p50": statistics.median(percentile(latencies, 0.50) for _, latencies, _ in runs) * 1000,
        "p99": statistics.median(percentile(latencies, 0.99) for _, latencies, _ in runs) * 1000,
        "cpu": statistics.median(cpu for _, _, cpu in runs) * 1000,
        "kilobytes": len(body) / 1024,
    }


def list_sync(port, key):
    """Every statement through the list's cursor, as a partner's first sync does."""
    path = f"{LIST}?limit={SYNC_PAGE_SIZE}"
    received, seen, requests = 0, set(), 0
    started = time.perf_counter()
    while path:
        body, _ = fetch_ok(port, path, key)
        page = json.loads(body)
        requests += 1
        received += len(page["items"])
        seen.update((item["id"], item["locale"]) for item in page["items"])
        path = local(page["next"]) if page["next"] else None
    return {
        "seconds": time.perf_counter() - started,
        "requests": requests,
        "received": received,
        "distinct": len(seen),
    }


def replay(port, key, since):
    """The change feed from `since` to its end: what a mirror applies, and where it stopped."""
    events, requests = [], 0
    started = time.perf_counter()
    while True:
        body, _ = fetch_ok(port, f"{CHANGES}?since={since}&limit={SYNC_PAGE_SIZE}", key)
        page = json.loads(body)
        requests += 1
        events += [
            (change["event"], change["statement_id"], change["locale"])
            for change in page["changes"]
        ]
        since = page["next"]
        if not page["has_more"]:
            break
    return {
        "seconds": time.perf_counter() - started,
        "requests": requests,
        "events": events,
        "next": since,
    }


def median_of(runs, figure):
    return statistics.median(run[figure] for run in runs)


# Edits and query counts, in-process


def publish_edits(page_ids):
    """A correction to each statement's summary, published as an editor would: seconds."""
    from pages.models import StatementPage

    # Wagtail logs a line or two per publish: they would drown the progress messages.
    logging.getLogger("wagtail").setLevel(logging.WARNING)
    started = time.monotonic()
    for page in StatementPage.objects.filter(pk__in=page_ids).order_by("pk"):
        page.summary = f"Corrected: {page.summary}"[:320]
        page.save_revision().publish()
    return time.monotonic() - started


def count_queries(client, path, key):
    """SQL queries of one warm request made in-process, with the partner key."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    headers = {"Authorization": f"Bearer {key}"}
    client.get(path, headers=headers)  # warm: content types, sites, the key's last-used time
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, headers=headers)
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code} in-process")
    return len(captured.captured_queries)


def query_counts(key, since):
    """{row label: [queries at each of QUERY_LIMITS]} for list variants and the change feed."""
    from django.test import Client

    client = Client(HTTP_HOST=HOST)
    counts = {}
    for label, query in LIST_VARIANTS:
        for format_label, format_query in FORMATS:
            counts[f"list {label} ({format_label})"] = [
                count_queries(client, f"{LIST}?limit={limit}{query}{format_query}", key)
                for limit in QUERY_LIMITS
            ]
    counts["change feed"] = [
        count_queries(client, f"{CHANGES}?since={since}&limit={limit}", key)
        for limit in QUERY_LIMITS
    ]
    return counts


# The report


def print_header(args, figures):
    print("Partner API benchmark")
    cpus = len(os.sched_getaffinity(0))
    print(
        f"  machine: {cpus} CPUs (shared: read medians); gunicorn {args.workers} sync workers, "
        f"production settings, SQLite, on {HOST}"
    )
    source = f"kept corpus built {figures['built']}" if figures["reused"] else "built now"
    print(f"  corpus: {args.statements:,} published statements ({source})")
    print(
        f"  corpus pages: {figures['pages_seconds']:.0f} s; ledger (rebuild_all): "
        f"{figures['ledger_seconds']:.1f} s for {figures['reconciled']:,} statements, "
        f"{figures['ledger_seconds'] / figures['reconciled'] * 1000:.1f} ms each"
    )


def print_lists(results, args):
    cache = "response cache on" if args.cached else "uncached"
    print(
        f"\nLists, limit=100, no key, {cache}: {args.clients} concurrent clients, "
        f"{args.requests} requests a run, medians of {args.runs} runs"
    )
    print(
        f"  {'variant':<18} {'format':<6} {'req/s':>6} {'p50 ms':>7} {'p99 ms':>7} "
        f"{'CPU ms':>7} {'KB':>6}"
    )
    for (label, format_label), row in results.items():
        print(
            f"  {label:<18} {format_label:<6} {row['rps']:>6.1f} {row['p50']:>7.0f} "
            f"{row['p99']:>7.0f} {row['cpu']:>7.1f} {row['kilobytes']:>6.0f}"
        )


def print_sync(title, runs, count, distinct):
    seconds = [run["seconds"] for run in runs]
    print(
        f"  {title}: {statistics.median(seconds):.2f} s (runs: "
        f"{', '.join(f'{value:.2f}' for value in seconds)}), {runs[0]['requests']} requests, "
        f"{distinct:,} distinct (id, locale) of {count:,} expected"
    )


def print_incremental(rows):
    print("\nIncremental sync: edits published through Wagtail, then the change feed replayed")
    print(
        f"  {'changes':>7} {'publish s':>9} {'replay s':>9} {'ms/change':>9} {'requests':>8} "
        f"{'events ok':>9}"
    )
    for row in rows:
        print(
            f"  {row['changes']:>7,} {row['publish_seconds']:>9.1f} {row['seconds']:>9.3f} "
            f"{row['seconds'] / row['changes'] * 1000:>9.2f} {row['requests']:>8} "
            f"{'yes' if row['events_ok'] else 'NO':>9}"
        )


def print_queries(counts):
    print("\nSQL queries per request, in-process, with the key")
    print(f"  {'request':<36}" + "".join(f"{f'limit {limit}':>11}" for limit in QUERY_LIMITS))
    for label, row in counts.items():
        print(f"  {label:<36}" + "".join(f"{count:>11}" for count in row))


def targets(full_sync_seconds, distinct_ok, incremental, counts):
    """(description, measured, passed) for each target of the issue."""
    rows = [
        (
            f"full sync through the cursor < {TARGET_FULL_SYNC_SECONDS} s, nothing missed or "
            "repeated",
            f"{full_sync_seconds:.2f} s",
            full_sync_seconds < TARGET_FULL_SYNC_SECONDS and distinct_ok,
        )
    ]
    # Proportional to the changes: a hundred times the changes costs well under a hundred times
    # the time (fixed costs), and the smallest replay is not the corpus's size in disguise.
    first, last = incremental[0], incremental[-1]
    per_change = [row["seconds"] / row["changes"] for row in incremental]
    rows.append(
        (
            "incremental sync follows the changes, not the corpus",
            ", ".join(f"{row['changes']:,}: {row['seconds']:.3f} s" for row in incremental),
            last["seconds"] / first["seconds"] <= last["changes"] / first["changes"]
            and per_change[-1] <= per_change[0]
            and all(row["events_ok"] for row in incremental),
        )
    )
    constant = all(len(set(row)) == 1 for row in counts.values())
    rows.append(
        (
            "SQL queries per request constant in the page size",
            "constant" if constant else "varies",
            constant,
        )
    )
    return rows


# The run


def run(args, paths):
    figures = prepare_corpus(paths, args.statements, args.rebuild)
    print_header(args, figures)
    key = issue_partner_key()

    from django.db import connection

    from pages.models import StatementPage

    rng = random.Random(args.statements)  # noqa: S311 — which statements to edit, reproducibly
    page_ids = list(StatementPage.objects.order_by("pk").values_list("pk", flat=True))
    edited = rng.sample(page_ids, sum(EDIT_BATCHES))
    connection.close()  # gunicorn's workers open their own; ours reopens on the next query

    # os.environ holds the run's settings (main): gunicorn shares them.
    with Server(dict(os.environ), args.workers, paths.server_log) as server:
        log("  lists")
        lists = {}
        for label, query in LIST_VARIANTS:
            for format_label, format_query in FORMATS:
                path = f"{LIST}?limit=100{query}{format_query}"
                lists[label, format_label] = measure_list(server, path, args)
        print_lists(lists, args)

        log("  full sync")
        print(f"\nFull sync, limit={SYNC_PAGE_SIZE} with the key, medians of {args.runs} runs")
        syncs = [list_sync(server.port, key) for _ in range(args.runs)]
        distinct_ok = all(run["distinct"] == run["received"] == args.statements for run in syncs)
        print_sync("list cursor", syncs, args.statements, syncs[0]["distinct"])
        feeds = [replay(server.port, key, 0) for _ in range(args.runs)]
        published = {(sid, locale) for event, sid, locale in feeds[0]["events"]}
        print_sync("change feed from 0", feeds, args.statements, len(published))
        head = feeds[0]["next"]
        first_head = head

        log("  incremental sync")
        incremental, start = [], 0
        for batch in EDIT_BATCHES:
            ids = edited[start : start + batch]
            start += batch
            publish_seconds = publish_edits(ids)
            connection.close()
            replays = [replay(server.port, key, head) for _ in range(args.runs)]
            events = replays[0]["events"]
            events_ok = len(events) == batch and all(event == "updated" for event, _, _ in events)
            incremental.append(
                {
                    "changes": batch,
                    "publish_seconds": publish_seconds,
                    "seconds": median_of(replays, "seconds"),
                    "requests": replays[0]["requests"],
                    "events_ok": events_ok and len({event[1:] for event in events}) == batch,
                }
            )
            head = replays[0]["next"]
        print_incremental(incremental)

    log("  counting queries")
    counts = query_counts(key, first_head)
    print_queries(counts)

    full_sync_seconds = median_of(syncs, "seconds")
    rows = targets(full_sync_seconds, distinct_ok, incremental, counts)
    print("\nTargets")
    for description, measured, passed in rows:
        print(f"  {'PASS' if passed else 'FAIL':<5} {description:<66} {measured}")
    return all(passed for _, _, passed in rows)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=10_000, help="corpus size")
    parser.add_argument(
        "--rebuild", action="store_true", help="build the corpus again even if one is kept"
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients for lists")
    parser.add_argument("--requests", type=int, default=60, help="per list run")
    parser.add_argument("--runs", type=int, default=3, help="repetitions of every figure")
    parser.add_argument(
        "--cached", action="store_true", help="leave the public response cache on for lists"
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    return parser.parse_args()


def main():
    args = parse_args()
    if args.statements < sum(EDIT_BATCHES):
        sys.exit(f"--statements must be at least {sum(EDIT_BATCHES):,}: the edits need them.")
    started = time.monotonic()
    paths = Paths.for_count(args.statements)
    os.environ.update(environment(paths, args.cached))
    met = run(args, paths)
    print(f"\nTook {time.monotonic() - started:.0f} s.")
    sys.exit(1 if args.strict and not met else 0)


if __name__ == "__main__":
    main()
