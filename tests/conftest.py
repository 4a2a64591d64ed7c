"""Shared fixtures: the languages and home page from the migrations, index pages, users, media."""

import pytest

from django.conf import settings
from django.core.cache import caches

from wagtail.models import APIToken, Locale, Page

from pages.models import HomePage
from tests import factories


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files land in a throwaway directory, never in the project."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return settings.MEDIA_ROOT


# Languages and the page tree -------------------------------------------------------------------


@pytest.fixture
def locale_en(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def locale_ar(db):
    return Locale.objects.get(language_code="ar")


@pytest.fixture
def locale_fr(db):
    return Locale.objects.get(language_code="fr")


@pytest.fixture
def root_page(db):
    return Page.get_first_root_node()


@pytest.fixture
def home_page(db):
    """The English home page that pages/migrations/0002 makes the default site's root."""
    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def news_index(home_page):
    return factories.NewsIndexPageFactory(parent=home_page)


@pytest.fixture
def statement_index(home_page):
    return factories.StatementIndexPageFactory(parent=home_page)


@pytest.fixture
def infocus_index(home_page):
    return factories.InFocusIndexPageFactory(parent=home_page)


# People -----------------------------------------------------------------------------------------


@pytest.fixture
def superuser(db):
    return factories.UserFactory(username="admin", is_superuser=True, is_staff=True)


@pytest.fixture
def editor(db):
    """In Wagtail's "Editors" group: may add and edit pages, not publish them."""
    return factories.UserFactory(username="editor", groups=["Editors"])


@pytest.fixture
def moderator(db):
    """In Wagtail's "Moderators" group: may publish, and approves the default workflow."""
    return factories.UserFactory(username="moderator", groups=["Moderators"])


@pytest.fixture
def partner_key(db):
    """A partner organisation's API key (plaintext, as the admin shows it once)."""
    partner = factories.UserFactory(username="partner")
    return APIToken.create_token(user=partner, name="Partner mirror")[1]


@pytest.fixture
def superuser_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


# Media ------------------------------------------------------------------------------------------


@pytest.fixture
def image(db):
    """A small real image file (Pillow-generated) in the project's image model, cms.CustomImage."""
    return factories.ImageFactory(title="Ministers in Rome", credit="Photo: Italian MFA")


@pytest.fixture
def document(db):
    return factories.DocumentFactory(title="Action plan")


# The delivery API -------------------------------------------------------------------------------


@pytest.fixture
def ar_home(home_page):
    """The Arabic home page, a published translation of the English one."""
    return factories.publish(factories.HomePageFactory())


@pytest.fixture
def empty_caches():
    """Caches outlive a test's rolled-back transaction, and SQLite reuses the ids: a rendition or
    site root path cached by an earlier test would otherwise answer for a different object."""
    for alias in settings.CACHES:
        caches[alias].clear()
