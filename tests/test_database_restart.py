"""PostgreSQL restarted or down, for real.

A restart costs no failed request once the database is back: with production's CONN_MAX_AGE and
CONN_HEALTH_CHECKS, each gunicorn thread keeps a connection, the restart ends them all, and each
thread's next requests still answer 200, on a new connection. While the database is down, cached
answers are still sent, and the rest are a 503 to retry, not a 500.

Everything is the test's own, on 127.0.0.1: a PostgreSQL cluster in a temporary folder (never the
machine's shared server, since this one is restarted), Redis for the cache in the second test,
and gunicorn, 1 worker with 2 threads.
"""

import contextlib
import http.client
import json
import os
import pwd
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg
import pytest

from api import cache as api_cache

ROOT = Path(__file__).resolve().parent.parent
PG_BIN = Path("/usr/lib/postgresql/15/bin")
HOST = "127.0.0.1"
DATABASE = "coalition_restart"
THREADS = 2
# Without REDIS_URL the API's answers are not cached: each answer of this one queries the database.
ENDPOINT = "/api/v2/site/?locale=en"


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


# PostgreSQL ---------------------------------------------------------------------------------


def as_postgres_user(command):
    """initdb and pg_ctl refuse to run as root: as root, they run as the postgres user."""
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, check=True, capture_output=True, text=True)  # noqa: S603


class PostgresCluster:
    """A throwaway cluster in `folder`, trust authentication, on a free port of 127.0.0.1."""

    def __init__(self, folder):
        self.data, self.sockets, self.log = folder / "data", folder / "sockets", folder / "log"
        self.port = free_port()
        self.url = f"postgres://postgres@{HOST}:{self.port}"

    def start(self):
        self.data.mkdir()
        self.sockets.mkdir()
        self.log.touch()
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")
            for path in (self.data, self.sockets, self.log):
                os.chown(path, owner.pw_uid, owner.pw_gid)
        initdb = [PG_BIN / "initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "--no-sync"]
        as_postgres_user([str(part) for part in initdb])
        self.pg_ctl("start")

    def restart(self):
        """Ends every connection; returns once the server accepts new ones (pg_ctl -w)."""
        self.pg_ctl("restart", "-m", "fast")

    def stop(self):
        with contextlib.suppress(subprocess.CalledProcessError):
            self.pg_ctl("stop", "-m", "immediate")

    def start_again(self):
        self.pg_ctl("start")

    def pg_ctl(self, *arguments):
        options = f"-p {self.port} -k {self.sockets} -c listen_addresses={HOST} -c fsync=off"
        command = [PG_BIN / "pg_ctl", "-D", self.data, "-l", self.log, "-w", "-t", "60"]
        as_postgres_user([*map(str, command), "-o", options, *arguments])

    def create_database(self, name):
        with psycopg.connect(f"{self.url}/postgres", autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')

    def connections_to(self, database):
        """The server processes (pids) serving the clients connected to `database`."""
        with psycopg.connect(f"{self.url}/postgres") as connection:
            rows = connection.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = %s", [database]
            )
            return {pid for (pid,) in rows}


@pytest.fixture
def postgres():
    if not (PG_BIN / "initdb").exists():
        pytest.skip(f"PostgreSQL 15's initdb and pg_ctl are not installed in {PG_BIN}")
    # Not in tmp_path: pytest's folders are their owner's alone, and the postgres user must
    # reach this one when the tests run as root.
    with tempfile.TemporaryDirectory(prefix="coalition-restart-") as folder:
        Path(folder).chmod(0o755)
        cluster = PostgresCluster(Path(folder))
        try:
            cluster.start()
            yield cluster
        finally:
            cluster.stop()


# The application ----------------------------------------------------------------------------


def production_environment(tmp_path, database_url):
    """settings.production as deployed, without Redis: the cache is each process's memory."""
    (tmp_path / "static").mkdir()  # no collectstatic: the API serves no static file
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "False",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(tmp_path / "media"),
        "STATIC_ROOT": str(tmp_path / "static"),
    }
    environment.pop("REDIS_URL", None)
    return environment


def migrate(environment):
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input"],
        cwd=ROOT,
        env=environment,
        check=True,
        capture_output=True,
        timeout=120,
    )


@contextlib.contextmanager
def gunicorn(environment, log_path):
    """gunicorn as settings/gunicorn.py configures it, in a process group of its own that is
    stopped on exit whatever happens; yields its port."""
    port = free_port()
    command = [
        sys.executable, "-m", "gunicorn", "cms.wsgi",
        "--config", str(ROOT / "settings" / "gunicorn.py"),
        "--bind", f"{HOST}:{port}", "--workers", "1", "--threads", str(THREADS),
        "--no-control-socket",  # not the one shared in $HOME: other gunicorns may run beside
    ]  # fmt: skip
    with open(log_path, "ab") as log:
        process = subprocess.Popen(  # noqa: S603 (a fixed command line)
            command, cwd=ROOT, env=environment, stdout=log, stderr=log, start_new_session=True
        )
    try:
        wait_until_listening(process, port, log_path)
        yield port
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def wait_until_listening(process, port, log_path, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, f"gunicorn exited:\n{log_path.read_text()[-3000:]}"
        with contextlib.suppress(OSError):
            socket.create_connection((HOST, port), timeout=1).close()
            return
        time.sleep(0.1)
    raise AssertionError(f"gunicorn did not listen within {timeout} s")


def status_of_one_request(port):
    """A GET of the endpoint on an HTTP connection of its own: the database connections belong
    to gunicorn's threads, not to the HTTP connections they answer."""
    return get(port, ENDPOINT)[0]


def get(port, path):
    """(status, headers, body) of a GET on an HTTP connection of its own."""
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request("GET", path, headers={"Accept": "application/json"})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def statuses_of_requests_in_pairs(port, pairs=10):
    """Requests THREADS at a time, so that every thread of gunicorn's worker answers some."""
    with ThreadPoolExecutor(THREADS) as clients:
        return list(clients.map(lambda _: status_of_one_request(port), range(pairs * THREADS)))


# The promise --------------------------------------------------------------------------------


def test_a_database_restart_fails_no_request_once_the_database_is_back(postgres, tmp_path):
    postgres.create_database(DATABASE)
    environment = production_environment(tmp_path, f"{postgres.url}/{DATABASE}")
    migrate(environment)

    with gunicorn(environment, tmp_path / "gunicorn.log") as port:
        assert set(statuses_of_requests_in_pairs(port)) == {200}
        held = postgres.connections_to(DATABASE)
        assert set(statuses_of_requests_in_pairs(port)) == {200}
        kept = postgres.connections_to(DATABASE)

        postgres.restart()
        left = postgres.connections_to(DATABASE)
        statuses = statuses_of_requests_in_pairs(port)
        reconnected = postgres.connections_to(DATABASE)

    assert len(held) == THREADS and kept == held  # persistent: one per thread, kept
    assert left == set()  # every thread's connection is now a dead one
    assert statuses == [200] * len(statuses)
    assert len(reconnected) == THREADS and not reconnected & held  # each thread reconnected


def test_while_the_database_is_down_cached_answers_are_sent_and_the_rest_are_503s(
    postgres, redis_server, tmp_path
):
    postgres.create_database(DATABASE)
    environment = production_environment(tmp_path, f"{postgres.url}/{DATABASE}")
    environment["REDIS_URL"] = redis_server[1]  # the answer cache, shared by the threads
    migrate(environment)
    cached, uncached = "/api/v2/site/?locale=en", "/api/v2/news/?locale=en"

    with gunicorn(environment, tmp_path / "gunicorn.log") as port:
        before = [get(port, cached) for _ in range(3)]
        postgres.stop()
        time.sleep(api_cache.EPOCH_READ_EVERY + 0.5)  # the epoch is due to be read again
        during = [get(port, cached) for _ in range(3)]
        refused = get(port, uncached)
        postgres.start_again()
        after = get(port, uncached)

    assert {status for status, _, _ in before + during} == {200}
    assert {body for _, _, body in during} == {before[0][2]}
    status, headers, body = refused
    assert status == 503
    assert headers["Content-Type"] == "application/problem+json"
    assert headers["Retry-After"] == "5"
    assert json.loads(body)["title"] == "Service unavailable"
    assert after[0] == 200
