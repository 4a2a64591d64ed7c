"""Where each page type may be created: the tree an editor can build, and nothing else."""

import pytest

from django.core.exceptions import ValidationError

from pages.models import (
    CampaignPage,
    HomePage,
    InFocusIndexPage,
    InFocusPage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
    StatementIndexPage,
    StatementPage,
)
from tests import factories

pytestmark = pytest.mark.django_db

INDEX_PAGES = [NewsIndexPage, StatementIndexPage, InFocusIndexPage]
ARTICLE_PAGES = [NewsPage, StatementPage, InFocusPage]
ALL_PAGE_TYPES = [HomePage, StandardPage, CampaignPage, *INDEX_PAGES, *ARTICLE_PAGES]


def creatable_under(parent):
    """The page types an editor is offered when adding a child page to `parent`."""
    return {model for model in ALL_PAGE_TYPES if model.can_create_at(parent)}


@pytest.fixture
def article_pages(news_index, statement_index, infocus_index, image):
    return [
        factories.NewsPageFactory(parent=news_index),
        factories.StatementPageFactory(parent=statement_index),
        factories.InFocusPageFactory(parent=infocus_index, hero_image=image),
    ]


def test_only_home_pages_go_under_the_root(root_page):
    assert creatable_under(root_page) == {HomePage}


def test_a_home_page_offers_sections_standard_and_campaign_pages(home_page):
    assert creatable_under(home_page) == {StandardPage, CampaignPage, *INDEX_PAGES}


def test_home_pages_do_not_nest(home_page):
    assert not HomePage.can_exist_under(home_page)


@pytest.mark.parametrize("index_model", INDEX_PAGES, ids=lambda m: m.__name__)
def test_index_pages_only_under_a_home_page(index_model, home_page, root_page):
    standard = factories.StandardPageFactory(parent=home_page)

    assert index_model.allowed_parent_page_models() == [HomePage]
    assert index_model.can_create_at(home_page)
    assert not index_model.can_create_at(root_page)
    assert not index_model.can_create_at(standard)


@pytest.mark.parametrize(
    ("index_factory", "index_model"),
    [
        (factories.NewsIndexPageFactory, NewsIndexPage),
        (factories.StatementIndexPageFactory, StatementIndexPage),
        (factories.InFocusIndexPageFactory, InFocusIndexPage),
    ],
    ids=["news", "statements", "in-focus"],
)
def test_one_index_page_of_each_kind_per_home_page(index_factory, index_model, home_page):
    arabic_home = factories.HomePageFactory()
    index_factory(parent=home_page)

    assert not index_model.can_create_at(home_page)
    # The limit is per parent: the Arabic home page still gets its own.
    assert index_model.can_create_at(arabic_home)


@pytest.mark.parametrize(
    ("article_model", "index_fixture"),
    [
        (NewsPage, "news_index"),
        (StatementPage, "statement_index"),
        (InFocusPage, "infocus_index"),
    ],
    ids=["news", "statement", "in-focus"],
)
def test_articles_only_under_their_own_index(article_model, index_fixture, request, home_page):
    own_index = request.getfixturevalue(index_fixture)
    other_indexes = [
        request.getfixturevalue(name)
        for name in ("news_index", "statement_index", "infocus_index")
        if name != index_fixture
    ]

    assert creatable_under(own_index) == {article_model}
    assert not article_model.can_create_at(home_page)
    for other in other_indexes:
        assert not article_model.can_create_at(other)


def test_standard_pages_nest_under_home_and_each_other(home_page, news_index):
    about = factories.StandardPageFactory(parent=home_page, title="About")

    assert StandardPage.can_create_at(home_page)
    assert creatable_under(about) == {StandardPage}
    assert not StandardPage.can_create_at(news_index)


def test_campaigns_only_under_a_home_page(home_page):
    about = factories.StandardPageFactory(parent=home_page)

    assert CampaignPage.allowed_parent_page_models() == [HomePage]
    assert CampaignPage.can_create_at(home_page)
    assert not CampaignPage.can_create_at(about)


def test_nothing_goes_under_an_article(article_pages):
    for article in article_pages:
        assert type(article).allowed_subpage_models() == []
        assert creatable_under(article) == set()


def test_nothing_goes_under_a_campaign(home_page):
    campaign = factories.CampaignPageFactory(parent=home_page)

    assert creatable_under(campaign) == set()


# One home page per language --------------------------------------------------------------------


def test_a_second_english_home_page_is_refused(root_page, locale_en):
    with pytest.raises(ValidationError, match="already a home page in this language"):
        root_page.add_child(
            instance=HomePage(title="Another home", slug="home-2", locale=locale_en)
        )

    assert HomePage.objects.filter(locale=locale_en).count() == 1


def test_a_home_page_without_a_locale_is_english_and_refused(root_page):
    with pytest.raises(ValidationError):
        root_page.add_child(instance=HomePage(title="Another home", slug="home-2"))


def test_an_arabic_home_page_is_welcome(root_page, locale_ar):
    home_ar = root_page.add_child(
        instance=HomePage(title="الصفحة الرئيسية", slug="home-ar", locale=locale_ar)
    )

    assert HomePage.objects.get(locale=locale_ar).pk == home_ar.pk


def test_editing_the_english_home_page_is_not_refused_as_a_second_one(home_page):
    home_page.title = "The Global Coalition"
    home_page.save()

    assert HomePage.objects.get(pk=home_page.pk).title == "The Global Coalition"
