"""The fuzz run's world: the demo content loaded once into the test database, a partner key,
the app called in-process over WSGI, and a summary of what was sent."""

import io

import pytest

from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from wagtail.models import APIToken

from tests import factories
from tests.fuzz.plan import CASE_BUDGET, KNOWN_FAILURES, MAX_EXAMPLES, SEED, outcomes, sent


@pytest.fixture(scope="session")
def fuzz_media_root(tmp_path_factory):
    return str(tmp_path_factory.mktemp("fuzz-media"))


@pytest.fixture(autouse=True)
def media_root(settings, fuzz_media_root):
    """The demo's images stay where they were loaded, for every test of the run."""
    settings.MEDIA_ROOT = fuzz_media_root
    return fuzz_media_root


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, fuzz_media_root):
    """The demo content, so lookups by id, path, slug and cursor reach real pages."""
    from django.test import override_settings

    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=fuzz_media_root):
        call_command("load_demo", no_admin=True, stdout=io.StringIO())
        partner = factories.UserFactory(username="fuzz-partner")
        APIToken.create_token(user=partner, name="Fuzz partner")


@pytest.fixture(scope="session")
def partner_key(django_db_setup, django_db_blocker):
    """A fresh key for the partner the demo setup made (only digests are stored)."""
    with django_db_blocker.unblock():
        partner = APIToken.objects.get(name="Fuzz partner").user
        return APIToken.create_token(user=partner, name="Fuzz partner, keyed run")[1]


@pytest.fixture(autouse=True)
def in_process_requests():
    """Requests run inside the test's transaction: like Django's test client, keep the
    request signals from closing the connection the transaction is on."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def pytest_collection_modifyitems(items):
    for item in items:
        if reason := KNOWN_FAILURES.get(item.name):
            item.add_marker(pytest.mark.xfail(strict=True, reason=reason))


def pytest_runtest_logreport(report):
    if report.when != "call":
        return
    name = report.head_line  # schemathesis reports every operation under the test's node id
    if hasattr(report, "wasxfail"):
        outcomes[name] = "xfail" if report.skipped else "XPASS"
    elif report.failed:
        outcomes[name] = "failed"


def pytest_terminal_summary(terminalreporter):
    if not sent:
        return
    write = terminalreporter.write_line
    terminalreporter.section("fuzz summary")
    for label, count in sorted(sent.items()):
        write(f"  {count:6} cases  {label}")
    operations = {label.split(" ", 1)[1] for label in sent}
    total = sum(sent.values())
    failures = [name for name, outcome in outcomes.items() if outcome != "xfail"]
    expected = [name for name, outcome in outcomes.items() if outcome == "xfail"]
    write(
        f"seed {SEED}; up to {MAX_EXAMPLES} fuzzing examples per operation and run; "
        f"budget {CASE_BUDGET} cases"
    )
    write(f"operations covered: {len(operations)}; operation runs: {len(sent)}; cases: {total}")
    write(f"failures: {len(failures)}; known failures (strict xfail): {len(expected)}")
    for name in sorted(failures):
        write(f"  {outcomes[name]} {name}", red=True)
    for name in sorted(expected):
        write(f"  xfail  {name}")
    if total < CASE_BUDGET:
        write(f"FEWER CASES THAN THE BUDGET: {total} < {CASE_BUDGET}", red=True)


def pytest_sessionfinish(session, exitstatus):
    """A whole run that sent fewer cases than promised fails."""
    whole_run = not session.config.option.keyword and len(sent) > 1
    if whole_run and sum(sent.values()) < CASE_BUDGET and session.exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
