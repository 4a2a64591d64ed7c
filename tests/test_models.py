"""Models with factories: validation an editor meets, querysets the API relies on, side effects."""

import datetime

import pytest
import time_machine

from django.core.exceptions import ValidationError

from taggit.utils import parse_tags
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from cms.models import (
    Announcement,
    Hashtag,
    Member,
    SiteSettings,
    SiteText,
    SocialAccount,
    SocialPost,
    SocialPostHashtag,
)
from pages.models import InFocusPage
from tests import factories

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def error_fields(instance):
    """The fields full_clean() blames, as the admin form would show them."""
    with pytest.raises(ValidationError) as excinfo:
        instance.full_clean()
    return set(excinfo.value.message_dict)


# Members ----------------------------------------------------------------------------------------


def test_a_state_needs_its_iso_code():
    state = factories.MemberFactory.build(name="Iraq", kind=Member.Kind.STATE, iso_code="")

    assert error_fields(state) == {"iso_code"}


def test_an_organisation_needs_an_acronym_but_no_iso_code():
    nato = factories.MemberFactory.build(
        name="NATO", kind=Member.Kind.ORGANISATION, iso_code="", acronym=""
    )
    assert error_fields(nato) == {"acronym"}

    nato.acronym = "NATO"
    nato.full_clean()
    assert nato.code == "NATO"


@pytest.mark.parametrize("iso_code", ["iq", "I1", "IRQ", "I "])
def test_iso_codes_are_two_capital_letters(iso_code):
    state = factories.MemberFactory.build(name="Iraq", iso_code=iso_code)

    assert error_fields(state) == {"iso_code"}


def test_a_valid_state_is_filed_under_its_iso_code():
    iraq = factories.MemberFactory.build(name="Iraq", iso_code="IQ")

    iraq.full_clean()
    assert iraq.code == "IQ"


def test_founding_members_joined_in_2014():
    member = factories.MemberFactory.build(founding=True, joined_on=datetime.date(2015, 2, 1))

    assert error_fields(member) == {"founding"}


def test_count_members_counts_each_member_once_across_languages(locale_ar):
    iraq = factories.MemberFactory(name="Iraq", iso_code="IQ")
    factories.MemberFactory(name="NATO", organisation=True)
    iraq_ar = iraq.copy_for_translation(locale_ar)
    iraq_ar.name = "العراق"
    iraq_ar.save()

    assert Member.objects.count() == 3
    assert Member.objects.count_members() == 2


# Groups and roles -------------------------------------------------------------------------------


def test_a_role_cannot_end_before_it_starts():
    role = factories.GroupRoleFactory.build(
        group=factories.GroupFactory(),
        member=factories.MemberFactory(),
        started_on=datetime.date(2023, 6, 8),
        ended_on=datetime.date(2023, 6, 7),
    )

    assert error_fields(role) == {"ended_on"}


def test_a_role_may_last_a_single_day():
    role = factories.GroupRoleFactory.build(
        group=factories.GroupFactory(),
        member=factories.MemberFactory(),
        started_on=datetime.date(2023, 6, 8),
        ended_on=datetime.date(2023, 6, 8),
    )

    role.full_clean()


@pytest.fixture
def africa_focus_group():
    """Co-chairs change over time: Italy and Niger hand over, Ghana joins."""
    group = factories.GroupFactory(name="Africa Focus Group", slug="africa-focus-group")
    since_start = datetime.date(2021, 12, 3)
    for name, iso, started_on, ended_on in [
        ("Italy", "IT", since_start, datetime.date(2023, 6, 7)),
        ("Morocco", "MA", since_start, None),
        ("Niger", "NE", since_start, datetime.date(2023, 7, 26)),
        ("United States", "US", since_start, None),
        ("Ghana", "GH", datetime.date(2023, 6, 8), None),
    ]:
        factories.GroupRoleFactory(
            group=group,
            member=factories.MemberFactory(name=name, iso_code=iso),
            started_on=started_on,
            ended_on=ended_on,
        )
    # A host is not a co-chair, but is still a role held on the day.
    factories.GroupRoleFactory(
        group=group,
        member=factories.MemberFactory(name="Benin", iso_code="BJ"),
        role="host",
        started_on=None,
        ended_on=None,
    )
    return group


def co_chairs(group, day=None):
    return {role.member.name for role in group.roles_on(day) if role.role == "co_chair"}


def test_roles_on_gives_the_co_chairs_of_the_day(africa_focus_group):
    assert co_chairs(africa_focus_group, datetime.date(2022, 5, 11)) == {
        "Italy",
        "Morocco",
        "Niger",
        "United States",
    }
    assert co_chairs(africa_focus_group, datetime.date(2024, 1, 1)) == {
        "Morocco",
        "United States",
        "Ghana",
    }


def test_roles_on_counts_the_first_and_last_day(africa_focus_group):
    assert "Italy" in co_chairs(africa_focus_group, datetime.date(2023, 6, 7))
    assert "Ghana" in co_chairs(africa_focus_group, datetime.date(2023, 6, 8))
    assert "Italy" not in co_chairs(africa_focus_group, datetime.date(2023, 6, 8))


def test_roles_before_the_group_existed_are_only_the_open_ended_ones(africa_focus_group):
    roles = africa_focus_group.roles_on(datetime.date(2020, 1, 1))

    assert {role.member.name for role in roles} == {"Benin"}


def test_roles_on_defaults_to_today(africa_focus_group):
    with time_machine.travel(datetime.datetime(2023, 7, 1, 12, tzinfo=UTC), tick=False):
        assert co_chairs(africa_focus_group) == {"Morocco", "Niger", "United States", "Ghana"}


# Meetings ---------------------------------------------------------------------------------------


def test_a_meeting_cannot_end_before_it_starts():
    meeting = factories.MeetingFactory.build(
        starts_on=datetime.date(2023, 1, 16), ends_on=datetime.date(2023, 1, 15)
    )

    assert error_fields(meeting) == {"ends_on"}


def test_an_in_person_meeting_needs_a_city():
    meeting = factories.MeetingFactory.build(format="in_person", city="")

    assert error_fields(meeting) == {"city"}


def test_a_virtual_meeting_needs_no_city():
    factories.MeetingFactory.build(format="virtual", city="").full_clean()


# Announcements ----------------------------------------------------------------------------------

NOON = datetime.datetime(2024, 11, 25, 12, tzinfo=UTC)
DAY = datetime.timedelta(days=1)


@pytest.fixture
def announcements():
    return {
        "ended": factories.AnnouncementFactory(active_from=NOON - 3 * DAY, active_until=NOON - DAY),
        "ends_now": factories.AnnouncementFactory(active_from=NOON - 2 * DAY, active_until=NOON),
        "open": factories.AnnouncementFactory(active_from=NOON - 2 * DAY, active_until=None),
        "bounded": factories.AnnouncementFactory(active_from=NOON - DAY, active_until=NOON + DAY),
        "starts_now": factories.AnnouncementFactory(active_from=NOON, active_until=None),
        "future": factories.AnnouncementFactory(active_from=NOON + DAY, active_until=None),
    }


def test_active_announcements_are_those_showing_at_the_time_newest_first(announcements):
    active = list(Announcement.objects.active(at=NOON))

    assert active == [announcements["starts_now"], announcements["bounded"], announcements["open"]]


def test_active_announcements_default_to_now(announcements):
    with time_machine.travel(NOON + 2 * DAY, tick=False):
        active = set(Announcement.objects.active())

    assert active == {announcements["open"], announcements["starts_now"], announcements["future"]}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"active_until": NOON}, "active_until"),
        ({"active_until": NOON - DAY}, "active_until"),
        ({"style": Announcement.Style.KEY_MESSAGES, "key_messages": []}, "key_messages"),
    ],
    ids=["stops-as-it-starts", "stops-before-it-starts", "key-messages-empty"],
)
def test_announcement_rejects(changes, field):
    announcement = factories.AnnouncementFactory.build(active_from=NOON, **changes)

    assert error_fields(announcement) == {field}


def test_an_announcement_links_to_a_page_or_a_url_not_both(home_page):
    announcement = factories.AnnouncementFactory.build(
        link_page=home_page, link_url="https://undp.org"
    )

    assert error_fields(announcement) == {"link_url"}


def test_key_messages_announcement_with_messages_is_valid():
    factories.AnnouncementFactory.build(
        style=Announcement.Style.KEY_MESSAGES,
        key_messages=[("message", "Daesh remains a threat."), ("message", "Stay united.")],
    ).full_clean()


# Social wall ------------------------------------------------------------------------------------


def test_the_wall_shows_approved_posts_pinned_first_then_newest():
    account = factories.SocialAccountFactory()
    at = NOON

    def post(hours_ago, **kwargs):
        return factories.SocialPostFactory(
            account=account, posted_at=at - datetime.timedelta(hours=hours_ago), **kwargs
        )

    older = post(5)
    pinned_old = post(48, pinned=True)
    newest = post(1)
    post(0, status=SocialPost.Status.PENDING)
    post(0.5, status=SocialPost.Status.HIDDEN)
    post(100, pinned=True, status=SocialPost.Status.HIDDEN)

    assert list(SocialPost.objects.for_wall()) == [pinned_old, newest, older]


def stored_hashtags(post):
    return sorted(
        SocialPostHashtag.objects.filter(content_object=post).values_list("tag__name", flat=True)
    )


def test_hashtags_are_stored_without_the_hash():
    post = factories.SocialPostFactory()
    post.hashtags.add("#DefeatDaesh", "#16Days")
    post.save()

    assert stored_hashtags(post) == ["16Days", "DefeatDaesh"]
    assert sorted(Hashtag.objects.values_list("slug", flat=True)) == ["16days", "defeatdaesh"]


def test_a_hashtag_is_the_same_tag_whatever_its_case():
    first, second = factories.SocialPostFactory(), factories.SocialPostFactory()
    first.hashtags.add("DefeatDaesh")
    first.save()
    second.hashtags.add("defeatdaesh")
    second.save()

    assert Hashtag.objects.count() == 1
    assert stored_hashtags(second) == ["DefeatDaesh"]


def test_hashtags_typed_with_their_hash_in_the_admin_are_one_tag():
    # The admin's tag field parses input with TAGGIT_TAGS_FROM_STRING.
    first, second = factories.SocialPostFactory(), factories.SocialPostFactory()
    first.hashtags.add(*parse_tags("#DefeatDaesh, #16Days"))
    first.save()
    second.hashtags.add(*parse_tags("#DefeatDaesh"))
    second.save()

    assert Hashtag.objects.count() == 2
    assert stored_hashtags(second) == ["DefeatDaesh"]


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(factories.SocialPostFactory, id="social-post"),
        pytest.param(factories.StatementPageFactory, id="statement"),
        pytest.param(factories.NewsPageFactory, id="news"),
        pytest.param(factories.InFocusPageFactory, id="in-focus"),
        pytest.param(factories.CampaignPageFactory, id="campaign"),
    ],
)
def test_hashtags_read_back_from_the_database(make):
    item = make()
    item.hashtags.add("DefeatDaesh")
    item.save()

    fresh = type(item).objects.get(pk=item.pk)
    assert list(fresh.hashtags.names()) == ["DefeatDaesh"]


def test_social_account_handles_are_stored_without_the_at():
    account = factories.SocialAccountFactory(handle=" @Coalition ")

    assert SocialAccount.objects.get(pk=account.pk).handle == "Coalition"
    assert str(account) == "@Coalition (X (Twitter))"


def test_a_duplicate_account_typed_with_its_at_is_refused_by_validation():
    factories.SocialAccountFactory(platform="x", handle="Coalition")
    duplicate = factories.SocialAccountFactory.build(platform="x", handle="@Coalition")

    assert error_fields(duplicate)


def test_a_post_with_an_image_needs_alt_text(image):
    post = factories.SocialPostFactory.build(
        account=factories.SocialAccountFactory(), image=image, image_alt=""
    )

    assert error_fields(post) == {"image_alt"}


# Pages ------------------------------------------------------------------------------------------


def test_a_video_feature_needs_its_video(infocus_index, image):
    with pytest.raises(ValidationError) as excinfo:
        factories.InFocusPageFactory(
            parent=infocus_index, format=InFocusPage.Format.VIDEO, hero_image=image
        )

    assert set(excinfo.value.message_dict) == {"hero_video_url"}


def test_a_feature_needs_a_hero_image_or_video(infocus_index):
    with pytest.raises(ValidationError) as excinfo:
        factories.InFocusPageFactory(parent=infocus_index, hero_image=None, hero_video_url="")

    assert set(excinfo.value.message_dict) == {"hero_image"}


def test_a_video_feature_with_its_video_needs_no_image(infocus_index):
    page = factories.InFocusPageFactory(
        parent=infocus_index,
        format=InFocusPage.Format.VIDEO,
        hero_image=None,
        hero_video_url="https://www.youtube.com/watch?v=abc123",
    )

    assert page.live


@pytest.mark.parametrize(
    "page_factory",
    [factories.NewsPageFactory, factories.StatementPageFactory],
    ids=["news", "statement"],
)
def test_a_linked_source_must_be_named(page_factory):
    with pytest.raises(ValidationError) as excinfo:
        page_factory(source_url="https://wam.ae/en/article/1", source_name="")
    assert set(excinfo.value.message_dict) == {"source_name"}

    page = page_factory(source_url="https://wam.ae/en/article/1", source_name="WAM")
    assert page.live


def test_a_campaign_cannot_end_before_it_starts():
    with pytest.raises(ValidationError) as excinfo:
        factories.CampaignPageFactory(
            starts_on=datetime.date(2024, 12, 10), ends_on=datetime.date(2024, 11, 25)
        )

    assert set(excinfo.value.message_dict) == {"ends_on"}


def test_a_legacy_url_is_a_path_on_the_old_site():
    with pytest.raises(ValidationError) as excinfo:
        factories.StatementPageFactory(legacy_url="https://theglobalcoalition.org/?p=21779")

    assert set(excinfo.value.message_dict) == {"legacy_url"}


# Legacy URLs ------------------------------------------------------------------------------------


@pytest.fixture
def statement_with_legacy_url(statement_index):
    return factories.StatementPageFactory(
        parent=statement_index, live=False, legacy_url="/?p=21779", title="Rome communiqué"
    )


def test_publishing_a_page_with_a_legacy_url_creates_its_permanent_redirect(
    statement_with_legacy_url,
):
    page = statement_with_legacy_url
    assert not Redirect.objects.exists()

    page.save_revision().publish()

    redirect = Redirect.objects.get()
    assert redirect.old_path == "/?p=21779"
    assert redirect.is_permanent
    assert redirect.redirect_page_id == page.pk
    assert redirect.site == Site.objects.get(is_default_site=True)


def test_the_legacy_url_answers_with_a_301_to_the_page(client, statement_with_legacy_url):
    page = statement_with_legacy_url
    page.save_revision().publish()

    response = client.get("/?p=21779")

    assert response.status_code == 301
    assert response["Location"] == page.url == "/en/statements/rome-communique/"


def test_republishing_keeps_a_single_redirect(statement_with_legacy_url):
    page = statement_with_legacy_url
    page.save_revision().publish()
    page.title = "Rome communiqué (corrected)"
    page.save_revision().publish()

    assert Redirect.objects.count() == 1


def test_publishing_a_translation_does_not_steal_the_legacy_redirect(
    statement_with_legacy_url, locale_ar
):
    english = statement_with_legacy_url
    english.save_revision().publish()

    arabic = english.copy_for_translation(locale_ar, copy_parents=True)
    arabic.save_revision().publish()

    assert Redirect.objects.get(old_path="/?p=21779").redirect_page_id == english.pk


# Images -----------------------------------------------------------------------------------------


def test_renditions_of_the_custom_image_are_cropped_and_keep_its_credit(image):
    rendition = image.get_rendition("fill-32x32")

    assert (rendition.width, rendition.height) == (32, 32)
    assert type(rendition).__name__ == "CustomRendition"
    assert rendition.image.credit == "Photo: Italian MFA"


# Site settings ----------------------------------------------------------------------------------


def test_site_texts_fall_back_to_the_first_language_entered(locale_en, locale_ar, locale_fr):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    english = SiteText.objects.create(
        settings=site_settings, locale=locale_en, cookie_notice="We use cookies.", sort_order=0
    )
    arabic = SiteText.objects.create(
        settings=site_settings, locale=locale_ar, cookie_notice="نستخدم ملفات تعريف.", sort_order=1
    )

    assert site_settings.text_for(locale_ar) == arabic
    assert site_settings.text_for(locale_fr) == english
