"""The demo loader: content from the design note, and a second run that changes nothing."""

import io

import pytest

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Revision

from cms.models import Announcement, Member, SocialPost
from pages.models import HomePage, InFocusPage, NewsPage, StatementPage

pytestmark = pytest.mark.django_db


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


@pytest.fixture
def loaded(settings):
    settings.DEMO_ADMIN_PASSWORD = "demo-password-for-tests"
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    return output.getvalue()


def test_a_second_run_changes_nothing(loaded):
    before = row_counts()
    revision_ids = set(Revision.objects.values_list("pk", flat=True))
    output = io.StringIO()

    call_command("load_demo", stdout=output)

    assert row_counts() == before
    assert set(Revision.objects.values_list("pk", flat=True)) == revision_ids
    assert "0 created, 0 updated" in output.getvalue()


def test_it_reports_progress_and_what_it_created(loaded):
    assert "Statements… 8 created" in loaded
    assert "Password: demo-password-for-tests" in loaded


def test_it_loads_the_design_notes_content(loaded):
    english = {"locale__language_code": "en"}
    assert StatementPage.objects.live().filter(**english).count() >= 8
    assert NewsPage.objects.live().filter(**english).count() >= 6
    formats = set(InFocusPage.objects.filter(**english).values_list("format", flat=True))
    assert len(formats) >= 5
    assert SocialPost.objects.count() >= 6
    assert Announcement.objects.filter(text__icontains="Africa Focus Group").exists()

    riyadh = StatementPage.objects.get(title__icontains="Riyadh", **english)
    assert [member.name for member in riyadh.members_welcomed.all()] == ["Togo"]
    assert riyadh.issuers.count() >= 2
    assert Member.objects.get(iso_code="TG", **english).join_order == 86


def test_translations_share_keys_and_serve_under_their_language(loaded):
    home = HomePage.objects.get(locale__language_code="en")
    arabic_home = HomePage.objects.get(locale__language_code="ar")
    assert arabic_home.translation_key == home.translation_key
    assert arabic_home.url == "/ar/"
    assert Page.objects.filter(locale__language_code="fr").live().exists()

    arabic_statement = StatementPage.objects.filter(locale__language_code="ar").first()
    assert arabic_statement.get_translation(home.locale).live


def test_the_old_sites_link_redirects_to_its_statement(loaded):
    redirect = Redirect.objects.get(old_path="/?p=21779")

    response = Client().get("/?p=21779")

    assert response.status_code == 301
    assert response["Location"].endswith(redirect.redirect_page.url)


def test_the_logins_work_and_the_editor_cannot_publish(loaded):
    User = get_user_model()
    editor = User.objects.get(username="editor")
    statement = StatementPage.objects.live().first()

    assert Client().login(username="admin", password="demo-password-for-tests")
    assert not statement.permissions_for_user(editor).can_publish()
    assert statement.permissions_for_user(editor).can_edit()
