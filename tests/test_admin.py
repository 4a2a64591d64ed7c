"""The editors' admin for real: logged-in requests to Wagtail's own views, as a browser sends."""

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse

from wagtail.models import GroupPagePermission, Site, WorkflowState
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from cms.blocks import INLINE_RICH_TEXT_FEATURES
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

BODY = streamfield(
    [
        ("heading", {"text": "Stabilisation", "level": "h2"}),
        ("paragraph", rich_text("<p>The Coalition met in Rome to review progress.</p>")),
    ]
)
FIRST_TITLE = "Joint statement of the Africa Focus Group"


def add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.pk)
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def form_errors(response):
    """Every form and formset error on a re-rendered page form, for assertion messages."""
    if response.context is None or "form" not in response.context:
        return f"status {response.status_code}"
    form = response.context["form"]
    return {
        "form": form.errors,
        **{name: formset.errors for name, formset in form.formsets.items() if formset.errors},
    }


def assert_saved(response):
    """The admin accepts a page form by redirecting; a 200 is the form again, with errors."""
    assert response.status_code == 302, form_errors(response)


def form_data_from(response, **streamfields):
    """What the browser posts back from a rendered page form.

    StreamFields are built by the admin's JavaScript, so their values are supplied here, in the
    same format the browser would send.
    """
    html = response.content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    # querydict_from_html picks the first option of a select with nothing chosen; a browser
    # sends nothing for an empty <select multiple>.
    soup = BeautifulSoup(html, "html.parser")
    for select in soup.select("#page-edit-form select[multiple]"):
        if not select.find("option", selected=True):
            data.pop(select["name"], None)
    data.update(nested_form_data(streamfields))
    return data


@pytest.fixture
def issuers():
    """Four governments named in the statement, in the order it names them."""
    return [
        (factories.MemberFactory(name="Niger", iso_code="NE"), "releasing"),
        (factories.MemberFactory(name="Italy", iso_code="IT"), "co_chair"),
        (factories.MemberFactory(name="Morocco", iso_code="MA"), "co_chair"),
        (factories.MemberFactory(name="United States", iso_code="US"), "host"),
    ]


def statement_form(named_issuers, **overrides):
    """The create form for a statement, as the admin's page editor posts it."""
    return nested_form_data(
        {
            "title": FIRST_TITLE,
            "slug": "africa-focus-group-joint-statement",
            "attribution": "The following statement was released by the co-chairs.",
            "summary": "Co-chairs of the Africa Focus Group met in Rome.",
            "body": BODY,
            "attachments": inline_formset([]),
            "hero_image": "",
            "hero_caption": "",
            "hero_credit": "",
            "statement_type": "co_chairs_statement",
            "date": "2024-05-11",
            "meeting": "",
            "place": "Rome",
            "group": "",
            "issuers": inline_formset(
                [{"member": member.pk, "role": role} for member, role in named_issuers]
            ),
            "source_name": "",
            "source_url": "",
            "hashtags": "DefeatDaesh",
            "related": streamfield([]),
            "seo_title": "",
            "search_description": "",
            "social_image": "",
            "go_live_at": "",
            "expire_at": "",
            "legacy_url": "/?p=21779",
            **overrides,
        }
    )


@pytest.fixture
def drafted_statement(editor_client, statement_index, issuers):
    """A statement an editor has drafted through the admin's create view."""
    response = editor_client.post(add_url(StatementPage, statement_index), statement_form(issuers))
    assert_saved(response)
    return StatementPage.objects.get(slug="africa-focus-group-joint-statement")


def publish_through_edit_view(client, page, **changes):
    response = client.get(edit_url(page))
    data = form_data_from(response, body=BODY, related=streamfield([]))
    data.update(changes)
    data["action-publish"] = "action-publish"
    response = client.post(edit_url(page), data)
    assert_saved(response)
    page.refresh_from_db()
    return page


# Logging in -------------------------------------------------------------------------------------


def test_an_editor_logs_in_with_a_password_and_reaches_the_dashboard(client, editor):
    assert client.get(reverse("wagtailadmin_login")).status_code == 200

    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": "editor", "password": factories.PASSWORD},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_a_wrong_password_keeps_the_editor_out(client, editor):
    response = client.post(
        reverse("wagtailadmin_login"), {"username": "editor", "password": "wrong"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


# The life of a statement -------------------------------------------------------------------------


def test_an_editor_drafts_a_statement_with_four_issuers(
    editor_client, editor, statement_index, issuers
):
    response = editor_client.post(add_url(StatementPage, statement_index), statement_form(issuers))

    assert_saved(response)
    page = StatementPage.objects.get(slug="africa-focus-group-joint-statement")
    assert response["Location"] == edit_url(page)
    assert page.get_parent().pk == statement_index.pk
    assert not page.live
    assert page.owner == editor
    assert [(issuer.member.name, issuer.role) for issuer in page.issuers.all()] == [
        ("Niger", "releasing"),
        ("Italy", "co_chair"),
        ("Morocco", "co_chair"),
        ("United States", "host"),
    ]
    assert [block.block_type for block in page.body] == ["heading", "paragraph"]
    assert page.statement_type == StatementPage.StatementType.CO_CHAIRS_STATEMENT
    assert page.revisions.count() == 1


def test_the_same_issuer_twice_in_the_same_role_is_a_form_error(
    editor_client, statement_index, issuers
):
    niger, _ = issuers[0]
    data = statement_form(
        issuers,
        issuers=inline_formset([{"member": niger.pk, "role": "signatory"}] * 2),
    )

    response = editor_client.post(add_url(StatementPage, statement_index), data)

    assert response.status_code == 200
    assert "must be unique" in str(response.context["form"].formsets["issuers"].non_form_errors())
    assert not StatementPage.objects.exists()


def test_a_statement_without_a_paragraph_cannot_be_published(
    superuser_client, statement_index, issuers
):
    data = statement_form(
        issuers,
        body=streamfield([("heading", {"text": "Only a heading", "level": "h2"})]),
    )
    data["action-publish"] = "action-publish"

    response = superuser_client.post(add_url(StatementPage, statement_index), data)

    assert response.status_code == 200
    (body_error,) = response.context["form"].errors.as_data()["body"]
    assert body_error.as_json_data()["messages"] == ["Paragraph: The minimum number of items is 1"]
    assert not StatementPage.objects.exists()


def test_a_submitted_statement_goes_live_when_a_moderator_approves(
    client, moderator, drafted_statement
):
    page = drafted_statement
    response = client.get(edit_url(page))  # still logged in as the editor who drafted it
    data = form_data_from(response, body=BODY, related=streamfield([]))
    data["action-submit"] = "action-submit"

    assert_saved(client.post(edit_url(page), data))

    workflow_state = WorkflowState.objects.get(object_id=str(page.pk))
    assert workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert workflow_state.current_task_state.task.name == "Moderators approval"
    page.refresh_from_db()
    assert not page.live

    client.force_login(moderator)
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=(page.pk, "approve", workflow_state.current_task_state.pk),
        ),
        {"comment": "Cleared by the Political Directors."},
    )

    assert response.status_code == 302
    workflow_state.refresh_from_db()
    page.refresh_from_db()
    assert workflow_state.status == WorkflowState.STATUS_APPROVED
    assert page.live
    assert page.live_revision == page.latest_revision
    assert page.issuers.count() == 4


def test_reverting_to_an_earlier_revision_brings_its_title_back(
    client, superuser, drafted_statement
):
    client.force_login(superuser)
    page = publish_through_edit_view(client, drafted_statement)
    first_published = page.live_revision
    revisions_before = page.revisions.count()

    page = publish_through_edit_view(client, page, title="Joint statement (corrected)")

    assert page.title == "Joint statement (corrected)"
    assert page.revisions.count() == revisions_before + 1

    # The revert view is the edit form filled from the earlier revision.
    revert_url = reverse("wagtailadmin_pages:revisions_revert", args=(page.pk, first_published.pk))
    response = client.get(revert_url)
    assert response.status_code == 200
    data = form_data_from(response, body=BODY, related=streamfield([]))
    assert data["title"] == FIRST_TITLE
    data["action-publish"] = "action-publish"

    assert_saved(client.post(revert_url, data))

    page.refresh_from_db()
    assert page.title == FIRST_TITLE
    assert page.live
    assert page.revisions.count() == revisions_before + 2
    assert page.issuers.count() == 4


def test_an_arabic_translation_is_made_and_edited_in_the_admin(
    client, superuser, drafted_statement, statement_index, home_page, locale_ar
):
    english = drafted_statement
    client.force_login(superuser)

    # simple_translation only offers a language once the parent exists in it: translate downwards.
    for page in (home_page, statement_index, english):
        url = reverse("simple_translation:submit_page_translation", args=(page.pk,))
        assert client.get(url).status_code == 200
        response = client.post(url, {"locales": [locale_ar.pk]})
        translation = page.get_translation(locale_ar)
        assert response.status_code == 302
        assert response["Location"] == edit_url(translation)

    arabic = StatementPage.objects.get(locale=locale_ar)
    assert arabic.translation_key == english.translation_key
    assert arabic.get_parent().specific.get_translation(home_page.locale) == statement_index
    assert [issuer.member_id for issuer in arabic.issuers.all()] == [
        issuer.member_id for issuer in english.issuers.all()
    ]

    arabic = publish_through_edit_view(
        client,
        arabic,
        title="بيان مشترك لمجموعة التركيز على أفريقيا",
        slug="بيان-مشترك",
    )

    assert arabic.title == "بيان مشترك لمجموعة التركيز على أفريقيا"
    assert arabic.slug == "بيان-مشترك"
    assert arabic.live
    assert arabic.url.startswith("/ar/")
    english.refresh_from_db()
    assert english.title == FIRST_TITLE


# Permissions ------------------------------------------------------------------------------------


def test_editors_have_no_publish_permission():
    assert not GroupPagePermission.objects.filter(
        group__name="Editors", permission__codename="publish_page"
    ).exists()


def test_an_editor_asking_to_publish_a_new_page_only_saves_a_draft(
    editor_client, editor, statement_index, issuers
):
    assert not statement_index.permissions_for_user(editor).can_publish_subpage()
    data = statement_form(issuers)
    data["action-publish"] = "action-publish"

    assert_saved(editor_client.post(add_url(StatementPage, statement_index), data))

    page = StatementPage.objects.get(slug="africa-focus-group-joint-statement")
    assert not page.live
    assert page.live_revision is None


def test_an_editor_cannot_publish_changes_to_a_live_page(editor_client, editor, statement_index):
    page = factories.StatementPageFactory(parent=statement_index, title="Rome communiqué")
    assert not page.permissions_for_user(editor).can_publish()

    response = editor_client.get(edit_url(page))
    data = form_data_from(response, body=BODY, related=streamfield([]))
    data["title"] = "Rome communiqué (edited)"
    data["action-publish"] = "action-publish"
    editor_client.post(edit_url(page), data)

    page.refresh_from_db()
    assert page.title == "Rome communiqué"
    assert page.live_revision is None
    assert page.get_latest_revision().as_object().title == "Rome communiqué (edited)"


# Every page type, built in the admin ------------------------------------------------------------

VIDEO_URL = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
PARAGRAPH = streamfield([("paragraph", rich_text("<p>The Coalition remains united.</p>"))])

PAGE_TYPES = [
    pytest.param(
        HomePage,
        "root_page",
        "?locale=ar",
        {
            "title": "التحالف الدولي ضد داعش",
            "slug": "الرئيسية",
            "intro_heading": "ما هو التحالف؟",
            "intro": rich_text("<p>تحالف من 86 عضوا.</p>", features=INLINE_RICH_TEXT_FEATURES),
            "featured_campaign": "",
        },
        id="home-page-in-arabic",
    ),
    pytest.param(
        StandardPage,
        "home_page",
        "",
        {"title": "Our mission", "summary": "What the Coalition does.", "body": PARAGRAPH},
        id="standard-page",
    ),
    pytest.param(NewsIndexPage, "home_page", "", {"title": "News"}, id="news-index"),
    pytest.param(StatementIndexPage, "home_page", "", {"title": "Statements"}, id="statements"),
    pytest.param(InFocusIndexPage, "home_page", "", {"title": "In Focus"}, id="in-focus-index"),
    pytest.param(
        NewsPage,
        "news_index",
        "",
        {
            "title": "Coalition meets in Riyadh",
            "news_type": "meeting_report",
            "date": "2024-06-12",
            "body": PARAGRAPH,
            "related": streamfield([]),
        },
        id="news-page",
    ),
    pytest.param(
        StatementPage,
        "statement_index",
        "",
        {
            "title": "Joint communiqué",
            "statement_type": "joint_communique",
            "date": "2024-06-12",
            "body": PARAGRAPH,
            "issuers": inline_formset([]),
            "attachments": inline_formset([]),
            "related": streamfield([]),
        },
        id="statement-page",
    ),
    pytest.param(
        InFocusPage,
        "infocus_index",
        "",
        {
            "title": "Clearing the mines of Sinjar",
            "format": "video",
            "hero_video_url": VIDEO_URL,
            "date": "2024-06-12",
            "body": PARAGRAPH,
            "related": streamfield([]),
        },
        id="in-focus-page",
    ),
    pytest.param(
        CampaignPage,
        "home_page",
        "",
        {
            "title": "16 Days of Activism",
            "starts_on": "2024-11-25",
            "ends_on": "2024-12-10",
            "body": streamfield([]),
        },
        id="campaign-page",
    ),
]


@pytest.mark.parametrize(("model", "parent_fixture", "query", "fields"), PAGE_TYPES)
def test_every_page_type_can_be_built_and_published_in_the_admin(
    superuser_client, request, model, parent_fixture, query, fields
):
    parent = request.getfixturevalue(parent_fixture)
    slug = fields.get("slug") or fields["title"].lower().replace(" ", "-")
    data = nested_form_data({**fields, "slug": slug, "action-publish": "action-publish"})

    response = superuser_client.post(add_url(model, parent) + query, data)

    assert_saved(response)
    page = model.objects.get(slug=slug)
    assert page.live
    assert page.get_parent().pk == parent.pk
    assert page.locale.language_code == ("ar" if query == "?locale=ar" else "en")
    assert superuser_client.get(edit_url(page)).status_code == 200


def test_a_second_english_home_page_is_refused_in_the_admin(superuser_client, root_page):
    data = nested_form_data({"title": "Another home", "slug": "home-2", "intro_heading": "What?"})
    data["action-publish"] = "action-publish"

    response = superuser_client.post(add_url(HomePage, root_page) + "?locale=en", data)

    assert response.status_code == 200
    assert "already a home page" in str(response.context["form"].non_field_errors())
    assert HomePage.objects.count() == 1


@pytest.fixture
def one_page_of_each_type(home_page, news_index, statement_index, infocus_index):
    return [
        home_page,
        news_index,
        statement_index,
        infocus_index,
        factories.StandardPageFactory(parent=home_page),
        factories.CampaignPageFactory(parent=home_page),
        factories.NewsPageFactory(parent=news_index),
        factories.StatementPageFactory(parent=statement_index),
        factories.InFocusPageFactory(parent=infocus_index),
    ]


def test_the_edit_view_of_every_page_type_renders(superuser_client, one_page_of_each_type):
    statuses = {
        type(page).__name__: superuser_client.get(edit_url(page)).status_code
        for page in one_page_of_each_type
    }

    assert statuses == dict.fromkeys(statuses, 200)
    assert len(statuses) == 9


def test_the_page_explorer_lists_the_sections(superuser_client, home_page, news_index):
    response = superuser_client.get(reverse("wagtailadmin_explore", args=(home_page.pk,)))

    assert response.status_code == 200
    assert news_index.pk in {page.pk for page in response.context["pages"]}


# Snippets and settings --------------------------------------------------------------------------


def listed(response):
    assert response.status_code == 200
    return {str(item) for item in response.context["object_list"]}


def snippet_list_url(model_name):
    return reverse(f"wagtailsnippets_cms_{model_name}:list")


@pytest.fixture
def members():
    return [
        factories.MemberFactory(name="Iraq", iso_code="IQ"),
        factories.MemberFactory(name="Italy", iso_code="IT"),
        factories.MemberFactory(name="NATO", organisation=True),
    ]


def test_member_listing_filters(superuser_client, members):
    url = snippet_list_url("member")

    assert listed(superuser_client.get(url)) == {"Iraq", "Italy", "NATO"}
    assert listed(superuser_client.get(url, {"kind": "organisation"})) == {"NATO"}
    assert listed(superuser_client.get(url, {"kind": "state"})) == {"Iraq", "Italy"}


def test_member_listing_searches(superuser_client, members):
    url = snippet_list_url("member")

    assert listed(superuser_client.get(url, {"q": "Iraq"})) == {"Iraq"}
    assert listed(superuser_client.get(url, {"q": "NATO"})) == {"NATO"}


def test_meeting_listing_searches_and_filters(superuser_client):
    factories.MeetingFactory(title="Ministerial meeting, Rome", city="Rome")
    factories.MeetingFactory(title="Africa Focus Group, Cotonou", city="Cotonou")
    factories.MeetingFactory(title="Small Group (virtual)", format="virtual", city="")
    url = snippet_list_url("meeting")

    assert listed(superuser_client.get(url, {"q": "Cotonou"})) == {"Africa Focus Group, Cotonou"}
    assert listed(superuser_client.get(url, {"format": "virtual"})) == {"Small Group (virtual)"}


def test_social_post_listing_searches_and_filters(superuser_client):
    account = factories.SocialAccountFactory(handle="Coalition")
    factories.SocialPostFactory(account=account, text="Schools reopen in Mosul.")
    factories.SocialPostFactory(account=account, text="Demining in Sinjar.", status="pending")
    url = snippet_list_url("socialpost")

    mosul = listed(superuser_client.get(url, {"q": "Mosul"}))
    pending = listed(superuser_client.get(url, {"status": "pending"}))

    assert mosul == {"@Coalition (X (Twitter)): Schools reopen in Mosul."}
    assert pending == {"@Coalition (X (Twitter)): Demining in Sinjar."}


@pytest.mark.parametrize(
    "model_name",
    [
        "member",
        "group",
        "meeting",
        "lineofeffort",
        "region",
        "socialpost",
        "socialaccount",
        "announcement",
    ],
)
def test_every_snippet_has_a_listing_and_a_create_form(superuser_client, model_name):
    namespace = f"wagtailsnippets_cms_{model_name}"

    assert superuser_client.get(reverse(f"{namespace}:list")).status_code == 200
    assert superuser_client.get(reverse(f"{namespace}:add")).status_code == 200


def test_site_settings_edit_view_renders(superuser_client):
    site = Site.objects.get(is_default_site=True)

    response = superuser_client.get(
        reverse("wagtailsettings:edit", args=("cms", "sitesettings", site.pk))
    )

    assert response.status_code == 200


def test_the_admin_is_closed_to_anonymous_visitors(client, home_page):
    response = client.get(edit_url(home_page))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
