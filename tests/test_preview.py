"""Headless preview: the admin's Preview opens the front end, which reads the draft with a token."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import streamfield

from pages.models import StatementPage
from tests import factories
from tests.test_admin import (
    BODY,
    edit_url,
    form_data_from,
    publish_through_edit_view,
    statement_form,
)

pytestmark = pytest.mark.django_db

PREVIEW_API = "/api/v2/preview/"


@pytest.fixture
def front_end():
    """The front end's server fetching from the API: no admin session, no cookies."""
    return Client()


@pytest.fixture
def draft(statement_index):
    """A statement that has never been published."""
    return factories.StatementPageFactory(
        parent=statement_index, title="Rome communiqué", slug="rome-communique", live=False
    )


def preview_link(client, preview_url, data):
    """Press Preview as the admin's editor does: post the form's state, then load the preview."""
    posted = client.post(preview_url, data)
    assert posted.json() == {"is_valid": True, "is_available": True}
    response = client.get(preview_url)  # what the preview panel's iframe and the new tab load
    assert response.status_code == 302
    return response["Location"]


def preview_edit(client, page, **changes):
    """The front-end link the admin opens for `page` with unsaved `changes` in its edit form."""
    data = form_data_from(client.get(edit_url(page)), body=BODY, related=streamfield([]))
    data.update(changes)
    return preview_link(
        client, reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,)), data
    )


def token_of(link):
    return parse_qs(urlsplit(link).query)["token"][0]


def fetch_preview(front_end, token):
    return front_end.get(PREVIEW_API, {"token": token})


# The admin's side -------------------------------------------------------------------------------


def test_preview_opens_the_front_ends_preview_route_with_a_token(editor_client, draft):
    link = preview_edit(editor_client, draft, title="Rome communiqué (draft 2)")

    url = urlsplit(link)
    query = parse_qs(url.query)
    assert f"{url.scheme}://{url.netloc}{url.path}" == "http://frontend.test/preview/"
    assert query["content_type"] == ["pages.statementpage"]
    assert query["token"][0]


def test_preview_leaves_the_page_and_its_revisions_untouched(editor_client, draft):
    revisions = draft.revisions.count()

    preview_edit(editor_client, draft, title="Rome communiqué (draft 2)")

    draft.refresh_from_db()
    assert draft.title == "Rome communiqué"
    assert draft.revisions.count() == revisions


# Reading the draft ------------------------------------------------------------------------------


def test_the_token_reads_the_unsaved_edit_never_cached(editor_client, front_end, draft):
    token = token_of(preview_edit(editor_client, draft, title="Rome communiqué (draft 2)"))

    response = fetch_preview(front_end, token)

    assert response.status_code == 200, response.json()
    document = response.json()
    assert document["preview"] is True
    assert document["id"] == draft.pk
    assert document["type"] == "pages.StatementPage"
    assert document["title"] == "Rome communiqué (draft 2)"
    assert document["path"] == "/en/statements/rome-communique/"
    assert document["body"][0]["type"] == "heading"
    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control
    assert "private" in cache_control
    assert "public" not in cache_control
    assert not response.has_header("ETag")
    assert not response.has_header("Last-Modified")


def without_block_ids(document):
    """Each save of the edit form gives StreamField blocks new ids."""
    return {**document, "body": [{**block, "id": None} for block in document["body"]]}


def test_the_draft_is_shaped_exactly_like_the_published_page(superuser_client, front_end, draft):
    # On a whole second: the stored draft keeps timestamps to the millisecond.
    with time_machine.travel(datetime.datetime(2024, 5, 11, 9, tzinfo=datetime.UTC), tick=False):
        page = publish_through_edit_view(superuser_client, draft)
    published = front_end.get(
        "/api/v2/pages/by-path/", {"path": "/en/statements/rome-communique/"}
    ).json()

    previewed = fetch_preview(front_end, token_of(preview_edit(superuser_client, page))).json()

    assert without_block_ids(previewed) == without_block_ids({**published, "preview": True})


def test_the_front_end_may_pass_the_whole_preview_query_on(editor_client, front_end, draft):
    link = preview_edit(editor_client, draft, title="Rome communiqué (draft 2)")

    response = front_end.get(f"{PREVIEW_API}?{urlsplit(link).query}")

    assert response.status_code == 200
    assert response.json()["title"] == "Rome communiqué (draft 2)"


def test_a_new_page_is_previewed_before_its_first_save(editor_client, front_end, statement_index):
    issuers = [
        (factories.MemberFactory(name="Niger", iso_code="NE"), "releasing"),
        (factories.MemberFactory(name="Italy", iso_code="IT"), "co_chair"),
    ]
    preview_url = reverse(
        "wagtailadmin_pages:preview_on_add",
        args=("pages", "statementpage", statement_index.pk),
    )
    link = preview_link(editor_client, preview_url, statement_form(issuers))

    document = fetch_preview(front_end, token_of(link)).json()

    assert document["preview"] is True
    assert document["id"] is None
    assert document["title"] == "Joint statement of the Africa Focus Group"
    assert [issuer["member"]["name"] for issuer in document["issuers"]] == ["Niger", "Italy"]
    assert not StatementPage.objects.exists()


def test_moderators_view_draft_opens_the_front_end_too(superuser_client, draft):
    response = superuser_client.get(reverse("wagtailadmin_pages:view_draft", args=(draft.pk,)))

    assert response.status_code == 302
    assert response["Location"].startswith("http://frontend.test/preview/?")


# Nothing else shows a draft ---------------------------------------------------------------------


def test_a_never_published_draft_is_not_found_by_path(editor_client, front_end, draft):
    preview_edit(editor_client, draft)

    # follow: Django's LocaleMiddleware answers a 404 outside the language prefixes with a
    # redirect to the same URL under /en/, which 404s in turn.
    response = front_end.get(
        "/api/v2/pages/by-path/", {"path": "/en/statements/rome-communique/"}, follow=True
    )

    assert response.status_code == 404
    assert "Rome communiqué" not in response.content.decode()


def test_unsaved_edits_to_a_live_page_stay_out_of_the_public_api(
    editor_client, front_end, statement_index
):
    page = factories.StatementPageFactory(parent=statement_index, title="Rome", slug="rome")

    preview_edit(editor_client, page, title="Rome (not yet approved)")

    document = front_end.get("/api/v2/pages/by-path/", {"path": "/en/statements/rome/"}).json()
    assert document["title"] == "Rome"


# The token's lifecycle --------------------------------------------------------------------------


def test_a_token_works_until_its_max_age_then_expires(editor_client, front_end, draft, settings):
    pressed = timezone.now()
    with time_machine.travel(pressed, tick=False):
        token = token_of(preview_edit(editor_client, draft, title="Rome communiqué (draft 2)"))
    max_age = datetime.timedelta(seconds=settings.PREVIEW_TOKEN_MAX_AGE)

    with time_machine.travel(pressed + max_age - datetime.timedelta(seconds=1), tick=False):
        assert fetch_preview(front_end, token).status_code == 200
    with time_machine.travel(pressed + max_age + datetime.timedelta(seconds=1), tick=False):
        response = fetch_preview(front_end, token)

    assert response.status_code == 403
    problem = response.json()
    assert problem["parameter"] == "token"
    assert "expired" in problem["detail"]
    assert response["Content-Type"] == "application/problem+json"


def test_a_tampered_token_is_refused(editor_client, front_end, draft):
    token = token_of(preview_edit(editor_client, draft))
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")

    response = fetch_preview(front_end, tampered)

    assert response.status_code == 403
    assert response.json()["parameter"] == "token"
    assert "expired" not in response.json()["detail"]


def test_a_token_for_one_page_cannot_be_turned_to_another(
    editor_client, front_end, draft, statement_index
):
    other = factories.StatementPageFactory(parent=statement_index, title="Secret draft", live=False)
    preview_edit(editor_client, other)
    token = token_of(preview_edit(editor_client, draft))
    assert token.startswith(f"id={draft.pk}:")

    response = fetch_preview(front_end, token.replace(f"id={draft.pk}:", f"id={other.pk}:", 1))

    assert response.status_code == 403
    assert "Secret draft" not in response.content.decode()


def test_a_made_up_token_is_refused(front_end, draft):
    response = fetch_preview(front_end, f"id={draft.pk}:1uAbCd:not-a-signature")

    assert response.status_code == 403


def test_without_a_token_the_request_names_the_parameter(front_end):
    response = front_end.get(PREVIEW_API)

    assert response.status_code == 400
    assert response.json()["parameter"] == "token"
