"""The partner API's promises to a mirror: the change feed replays to exactly the live set, and a
listing pages through a fixed moment while editors publish, without skipping or repeating.

Everything is done as editors do it (revisions published, translations copied, pages unpublished,
moved and deleted) and read back through the HTTP API, as a partner's system does.
"""

import datetime
import json

import pytest

from django.utils import timezone

from wagtail.models import PageViewRestriction

from api.models import StatementChange, StatementRecord
from api.partners.ledger import rebuild_all
from tests import factories
from tests.factories import publish

pytestmark = pytest.mark.django_db

STATEMENTS = "/api/partners/v1/statements/"
CHANGES = "/api/partners/v1/changes/"


def statement(statement_index, title, date=datetime.date(2024, 1, 1), issuers=(), **fields):
    page = factories.StatementPageFactory(
        parent=statement_index, title=title, date=date, live=False, **fields
    )
    for member in issuers:
        page.issuers.create(member=member, role="signatory")
    return publish(page)


def edit(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    return publish(page)


def edit_snippet(instance, **fields):
    for name, value in fields.items():
        setattr(instance, name, value)
    instance.save()


def live_set(client):
    """Every public record, read through the listing, page after page."""
    records, url, params = {}, STATEMENTS, {"limit": 2}
    while url:
        body = client.get(url, params).json()
        for record in body["items"]:
            key = (record["id"], record["locale"])
            assert key not in records, f"{key} listed twice"
            records[key] = record
        url, params = body["next"], None
    return records


def assert_mirrors_the_truth(client, mirror):
    """The mirror equals the live set, and the live set equals records rebuilt from the pages
    now: a change the ledger missed would leave both stale but equal."""
    served = live_set(client)
    assert mirror == served
    rebuild_all()
    assert live_set(client) == served


def replay(client, mirror, since="0"):
    """Apply the change feed to `mirror` from `since`; return the cursor to continue from."""
    while True:
        body = client.get(CHANGES, {"since": since, "limit": 3}).json()
        for change in body["changes"]:
            key = (change["statement_id"], change["locale"])
            if change["event"] in {"unpublished", "deleted"}:
                mirror.pop(key, None)
            elif change["statement"] is not None:
                mirror[key] = change["statement"]
        since = body["next"]
        if not body["has_more"]:
            return since


class TestMirror:
    def test_replaying_the_change_feed_keeps_a_mirror_equal_to_the_live_set(
        self, client, statement_index, locale_ar
    ):
        member = factories.MemberFactory(name="Republic of Somewhere", iso_code="SW")
        first = statement(statement_index, "Joint statement on Iraq")
        second = statement(statement_index, "Communiqué of the Small Group", issuers=[member])
        third = statement(statement_index, "Readout of the Africa Focus Group")
        mirror = {}
        cursor = replay(client, mirror)
        assert mirror == live_set(client)
        assert len(mirror) == 3

        steps = [
            lambda: edit(first, title="Joint statement on Iraq (corrected)"),
            lambda: publish(second.copy_for_translation(locale_ar, copy_parents=True)),
            lambda: third.unpublish(),
            lambda: edit(second, slug="small-group-communique"),  # a new address: moved
            lambda: first.delete(),
            lambda: publish(third),  # re-published
            lambda: edit_snippet(member, name="Somewhere"),  # shown by `second`
        ]
        for step in steps:
            step()
            cursor = replay(client, mirror, cursor)
            assert_mirrors_the_truth(client, mirror)

        keys = {(str(page.translation_key), page.locale.language_code) for page in [second, third]}
        assert keys | {(str(second.translation_key), "ar")} == set(mirror)

    def test_a_mirror_built_from_the_start_equals_one_kept_up_to_date(
        self, client, statement_index
    ):
        pages = [statement(statement_index, f"Statement {n}") for n in range(4)]
        kept = {}
        cursor = replay(client, kept)
        edit(pages[0], summary="Corrected summary.")
        pages[1].unpublish()
        replay(client, kept, cursor)

        rebuilt = {}
        replay(client, rebuilt)
        assert rebuilt == kept == live_set(client)

    def test_an_expiry_the_scheduler_has_not_applied_yet_reaches_the_mirror(
        self, client, statement_index
    ):
        page = statement(statement_index, "Statement with an end date")
        mirror = {}
        cursor = replay(client, mirror)
        type(page).objects.filter(pk=page.pk).update(expire_at=timezone.now())

        replay(client, mirror, cursor)

        assert mirror == live_set(client) == {}
        assert StatementChange.objects.last().kind == "unpublished"

    def test_making_a_section_private_withdraws_its_statements(self, client, statement_index):
        statement(statement_index, "Statement")
        mirror = {}
        cursor = replay(client, mirror)

        PageViewRestriction.objects.create(
            page=statement_index, restriction_type="password", password="secret"
        )
        replay(client, mirror, cursor)

        assert mirror == live_set(client) == {}


class TestDeletion:
    def test_a_deleted_statement_leaves_a_tombstone_and_nothing_else(self, client, statement_index):
        page = statement(statement_index, "Withdrawn communiqué")
        key = str(page.translation_key)
        page.delete()

        changes = client.get(CHANGES).json()["changes"]

        assert [change["event"] for change in changes] == ["published", "deleted"]
        tombstone = changes[-1]
        assert (tombstone["statement_id"], tombstone["locale"]) == (key, "en")
        assert tombstone["time"] and tombstone["statement"] is None
        assert changes[0]["statement"] is None  # no longer public: its content is gone
        assert client.get(f"{STATEMENTS}{key}/").status_code == 404
        assert StatementRecord.objects.get(translation_key=key).record is None


class TestRevisions:
    def test_a_published_correction_raises_the_revision_and_joins_the_history(
        self, client, statement_index
    ):
        page = statement(statement_index, "Joint statement")
        before = client.get(f"{STATEMENTS}{page.translation_key}/").json()

        edit(page, title="Joint statement (corrected)")
        after = client.get(f"{STATEMENTS}{page.translation_key}/").json()

        assert (before["revision"], after["revision"]) == (1, 2)
        assert after["content_hash"] != before["content_hash"]
        assert [entry["revision"] for entry in after["history"]] == [1, 2]
        assert after["history"][0]["content_hash"] == before["content_hash"]
        assert after["history"][1]["content_hash"] == after["content_hash"]
        assert after["last_published"] == after["history"][1]["published_at"]
        assert after["first_published"] == before["first_published"]

    def test_publishing_the_same_content_again_is_not_a_revision(self, client, statement_index):
        page = statement(statement_index, "Joint statement")

        publish(page)

        record = client.get(f"{STATEMENTS}{page.translation_key}/").json()
        assert record["revision"] == 1
        events = [change["event"] for change in client.get(CHANGES).json()["changes"]]
        assert events == ["published"]

    def test_a_member_renamed_updates_every_statement_that_names_it(self, client, statement_index):
        member = factories.MemberFactory(name="Republic of Somewhere", iso_code="SW")
        page = statement(statement_index, "Joint statement", issuers=[member])

        edit_snippet(member, name="Somewhere")

        record = client.get(f"{STATEMENTS}{page.translation_key}/").json()
        assert [issuer["name"] for issuer in record["issuers"]] == ["Somewhere"]
        assert record["revision"] == 2

    def test_a_translation_is_listed_by_the_statement_it_translates(
        self, client, statement_index, locale_ar
    ):
        page = statement(statement_index, "Joint statement")
        arabic = publish(page.copy_for_translation(locale_ar, copy_parents=True))
        arabic.title = "بيان مشترك"
        publish(arabic)

        english = client.get(f"{STATEMENTS}{page.translation_key}/", {"locale": "en"}).json()
        translated = client.get(f"{STATEMENTS}{page.translation_key}/", {"locale": "ar"}).json()

        assert english["id"] == translated["id"] == str(page.translation_key)
        assert [t["locale"] for t in english["translations"]] == ["ar"]
        assert english["translations"][0]["url"] == translated["url"]
        assert (translated["title"], translated["dir"]) == ("بيان مشترك", "rtl")


class TestStableCursor:
    @pytest.mark.parametrize("sort", ["-date", "date", "-updated", "updated"])
    def test_editors_publishing_between_pages_cannot_shift_the_listing(
        self, client, statement_index, sort
    ):
        pages = [
            statement(statement_index, f"Statement {n}", date=datetime.date(2024, 1, 1 + n))
            for n in range(9)
        ]
        body = client.get(STATEMENTS, {"sort": sort, "limit": 4}).json()
        seen = [record["id"] for record in body["items"]]

        # Between pages: every statement corrected (a new date for some, so both sort keys
        # move), two published, one unpublished.
        for n, page in enumerate(pages[:8]):
            edit(page, title=f"Statement {n} (corrected)", date=datetime.date(2025, 6, 1 + n))
        statement(statement_index, "New statement", date=datetime.date(2023, 1, 1))
        statement(statement_index, "Newer statement", date=datetime.date(2026, 1, 1))
        pages[8].unpublish()

        url = body["next"]
        while url:
            body = client.get(url).json()
            seen += [record["id"] for record in body["items"]]
            url = body["next"]

        unseen_withdrawn = str(pages[8].translation_key)
        expected = {str(page.translation_key) for page in pages}
        assert len(seen) == len(set(seen)), "an item was repeated"
        assert set(seen) | {unseen_withdrawn} == expected, "an item was skipped or added"

    def test_the_listing_shows_current_content_in_the_snapshot_order(self, client, statement_index):
        pages = [statement(statement_index, f"Statement {n}") for n in range(3)]
        body = client.get(STATEMENTS, {"limit": 1}).json()
        unseen = [page for page in pages if str(page.translation_key) != body["items"][0]["id"]]

        for page in unseen:
            edit(page, title=f"{page.title} (corrected)")
        rest, url = [], body["next"]
        while url:
            following = client.get(url).json()
            rest += following["items"]
            url = following["next"]

        assert sorted(record["title"] for record in rest) == sorted(
            f"Statement {pages.index(page)} (corrected)" for page in unseen
        )

    def test_a_cursor_is_bound_to_its_sort_order(self, client, statement_index):
        for n in range(3):
            statement(statement_index, f"Statement {n}")
        cursor = client.get(STATEMENTS, {"limit": 1, "sort": "date"}).json()["next"]
        token = cursor.split("cursor=")[1]

        response = client.get(STATEMENTS, {"cursor": token, "sort": "-updated"})

        assert response.status_code == 400
        assert json.loads(response.content)["parameter"] == "cursor"
