"""What each endpoint of the delivery API does, through real requests."""

import datetime

import pytest
import time_machine

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.http import http_date

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageLogEntry

from cms.models import Hashtag, Member
from pages.models import NewsHashtag, NewsPage, StatementIssuer
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_caches")]

BY_PATH = "/api/v2/pages/by-path/"
FRONTEND = "http://frontend.test"
UTC = datetime.UTC


def get_json(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200, response.content
    return response.json()


def path_of(page):
    """The page's path on the front end: “/en/news/<slug>/”, “/ar/…”."""
    return "/{}/{}".format(page.locale.language_code, page.url_path.split("/", 2)[2])


def ids(items):
    return [item["id"] for item in items]


def stamp_published(moment=None):
    """Give pages made live by factories the published timestamps a revision would, in bulk.

    (Listings must cope with live pages that lack them: see the test below.)
    """
    moment = moment or timezone.now()
    Page.objects.filter(live=True, last_published_at=None).update(
        first_published_at=moment, last_published_at=moment
    )


# Page by path -----------------------------------------------------------------------------------


@pytest.fixture
def bilingual_statement(statement_index, ar_home, locale_ar):
    """A statement in English and Arabic, under each language's statements index."""
    statement = factories.publish(
        factories.StatementPageFactory(
            parent=statement_index, title="Joint statement on Syria", slug="syria"
        )
    )
    factories.publish(statement_index.copy_for_translation(locale_ar))
    arabic = statement.copy_for_translation(locale_ar)
    arabic.title = "بيان مشترك بشأن سوريا"
    factories.publish(arabic)
    return statement, arabic


def test_an_english_page_comes_with_its_envelope_breadcrumbs_and_translations(
    client, bilingual_statement
):
    english, _ = bilingual_statement

    data = get_json(client, BY_PATH, {"path": "/en/statements/syria/"})

    assert data["id"] == english.pk
    assert data["type"] == "pages.StatementPage"
    assert (data["locale"], data["dir"]) == ("en", "ltr")
    assert data["url"] == data["meta"]["canonical_url"] == f"{FRONTEND}/en/statements/syria/"
    assert [crumb["path"] for crumb in data["breadcrumbs"]] == ["/en/", "/en/statements/"]
    assert data["translations"] == [
        {
            "locale": "ar",
            "title": "بيان مشترك بشأن سوريا",
            "url": f"{FRONTEND}/ar/statements/syria/",
            "path": "/ar/statements/syria/",
        }
    ]


def test_an_arabic_page_is_right_to_left_and_links_its_english_original(
    client, bilingual_statement
):
    _, arabic = bilingual_statement

    data = get_json(client, BY_PATH, {"path": "/ar/statements/syria/"})

    assert data["id"] == arabic.pk
    assert (data["locale"], data["dir"], data["title"]) == ("ar", "rtl", "بيان مشترك بشأن سوريا")
    assert [crumb["path"] for crumb in data["breadcrumbs"]] == ["/ar/", "/ar/statements/"]
    assert [(t["locale"], t["url"]) for t in data["translations"]] == [
        ("en", f"{FRONTEND}/en/statements/syria/")
    ]


def test_a_page_is_served_as_published_not_as_its_newer_draft(client, news_index):
    page = factories.publish(factories.NewsPageFactory(parent=news_index, title="As published"))
    page.title = "Unpublished correction"
    page.save_revision()

    response = client.get(BY_PATH, {"path": path_of(page)})

    assert response.json()["title"] == "As published"
    assert "Unpublished correction" not in response.content.decode()


def test_content_fields_follow_the_models_api_fields_order(client, news_index):
    page = factories.publish(factories.NewsPageFactory(parent=news_index))

    data = get_json(client, BY_PATH, {"path": path_of(page)})

    declared = [field.name for field in NewsPage.api_fields]
    assert [key for key in data if key in declared] == declared


@pytest.fixture
def news_page(news_index):
    return factories.publish(
        factories.NewsPageFactory(parent=news_index, title="Ministers meet", slug="ministers-meet")
    )


@pytest.mark.parametrize("is_permanent", [True, False])
def test_a_redirected_path_answers_where_it_leads_on_the_front_end(client, news_page, is_permanent):
    Redirect.objects.create(
        old_path="/old-news", redirect_page=news_page, is_permanent=is_permanent
    )

    data = get_json(client, BY_PATH, {"path": "/old-news/"})

    assert data == {
        "type": "redirect",
        "location": f"{FRONTEND}/en/news/ministers-meet/",
        "is_permanent": is_permanent,
    }


def test_a_redirect_to_another_site_answers_its_link(client):
    Redirect.objects.create(old_path="/16days", redirect_link="https://16days.example/")

    data = get_json(client, BY_PATH, {"path": "/16days"})

    assert data == {"type": "redirect", "location": "https://16days.example/", "is_permanent": True}


def test_an_old_wordpress_link_leads_to_its_statement(client, statement_index):
    statement = factories.publish(
        factories.StatementPageFactory(
            parent=statement_index, slug="rome-communique", legacy_url="/?p=21779"
        )
    )

    data = get_json(client, BY_PATH, {"path": "/?p=21779"})

    assert data == {
        "type": "redirect",
        "location": f"{FRONTEND}{path_of(statement)}",
        "is_permanent": True,
    }


def test_a_redirect_to_a_page_that_is_not_public_answers_as_an_unknown_path(client, news_index):
    draft = factories.NewsPageFactory(parent=news_index, live=False, slug="not-yet")
    Redirect.objects.create(old_path="/coming-soon", redirect_page=draft)

    answer = client.get(BY_PATH, {"path": "/coming-soon"})
    Redirect.objects.all().delete()
    nothing_there = client.get(BY_PATH, {"path": "/coming-soon"})

    assert "not-yet" not in answer.content.decode()
    assert (answer.status_code, answer.content) == (
        nothing_there.status_code,
        nothing_there.content,
    )


@pytest.mark.parametrize(
    "path", ["/en/no-such-page/", "/news/ministers-meet/", "/xx/news/", "/ar/statements/"]
)
def test_a_path_with_no_page_is_a_json_404(client, news_page, path):
    response = client.get(BY_PATH, {"path": path})

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json() == {
        "type": "about:blank",
        "title": "Not found",
        "status": 404,
        "detail": f"No public page at {path}.",
    }


@pytest.mark.parametrize("url", ["/api/v2/pages/999999/", "/api/v2/images/999999/", "/api/v2/x/"])
def test_an_unknown_api_url_is_a_404_not_a_redirect(client, url):
    response = client.get(url)

    assert response.status_code == 404


# Rich text and media ----------------------------------------------------------------------------


def test_rich_text_links_to_pages_point_at_the_front_end(client, news_page):
    html = f'<p>See <a linktype="page" id="{news_page.pk}">the meeting</a>.</p>'
    page = factories.StandardPageFactory(body=factories.raw_stream(("paragraph", html)))

    paragraph = get_json(client, BY_PATH, {"path": path_of(page)})["body"][0]["value"]

    assert paragraph == f'<p>See <a href="{FRONTEND}/en/news/ministers-meet/">the meeting</a>.</p>'


def test_rich_text_links_to_documents_are_as_absolute_as_document_blocks(client, document):
    html = f'<p>Download <a linktype="document" id="{document.pk}">the plan</a>.</p>'
    page = factories.StandardPageFactory(
        body=factories.raw_stream(
            ("paragraph", html), ("document", {"document": document.pk, "title": ""})
        )
    )

    paragraph, block = get_json(client, BY_PATH, {"path": path_of(page)})["body"]

    assert block["value"]["url"].startswith("http://testserver/documents/")
    assert f'<a href="{block["value"]["url"]}">the plan</a>' in paragraph["value"]


def all_images(node):
    """Every image representation anywhere in a JSON document."""
    if isinstance(node, dict):
        if "renditions" in node:
            yield node
        for value in node.values():
            yield from all_images(value)
    elif isinstance(node, list):
        for item in node:
            yield from all_images(item)


def test_images_come_as_named_renditions_each_also_in_webp(client, news_index):
    photo = factories.ImageFactory(
        title="Ministers in Rome",
        credit="Photo: Italian MFA",
        file__width=1200,
        file__height=900,
        file__filename="rome.jpg",
    )
    image_block = {
        "image": {"image": photo.pk, "alt_text": "Ministers around a table", "decorative": False},
        "caption": "The Farnesina, 16 January.",
        "credit": "",
    }
    page = factories.publish(
        factories.NewsPageFactory(
            parent=news_index,
            hero_image=photo,
            hero_caption="Arrivals.",
            body=factories.raw_stream(("paragraph", "<p>Text.</p>"), ("image", image_block)),
        )
    )

    page_data = get_json(client, BY_PATH, {"path": path_of(page)})
    card = get_json(client, "/api/v2/news/")["items"][0]

    images = [*all_images(page_data), *all_images(card)]
    renditions = [rendition for image in images for rendition in image["renditions"].values()]
    assert {name for image in images for name in image["renditions"]} == {
        "thumbnail",
        "card",
        "hero",
        "full",
    }
    assert all(r["webp"].endswith(".webp") and r["url"].endswith(".jpg") for r in renditions)
    assert all(r["url"].startswith("http://testserver/media/images/rome.") for r in renditions)
    assert card["image"]["renditions"]["card"] | {"url": None, "webp": None} == {
        "url": None,
        "webp": None,
        "width": 800,
        "height": 450,
    }
    body_image = page_data["body"][1]["value"]
    assert body_image["renditions"]["full"]["width"] == 1200
    assert (body_image["alt"], body_image["caption"], body_image["credit"]) == (
        "Ministers around a table",
        "The Farnesina, 16 January.",
        "Photo: Italian MFA",
    )
    assert (page_data["hero"]["caption"], page_data["hero"]["width"]) == ("Arrivals.", 1200)


# Site -------------------------------------------------------------------------------------------


def test_navigation_follows_the_tree_order_of_the_menu_pages(client, home_page):
    mission, _, about = (
        factories.StandardPageFactory(title=title, show_in_menus=True)
        for title in ["Mission", "Members", "About"]
    )
    factories.StandardPageFactory(title="Legal notice", show_in_menus=False)
    about.move(mission, pos="left")

    navigation = get_json(client, "/api/v2/site/")["navigation"]

    assert [item["title"] for item in navigation] == ["About", "Mission", "Members"]
    assert navigation[0]["url"] == f"{FRONTEND}{path_of(about)}"


def test_navigation_is_the_requested_languages_own(client, ar_home, locale_ar):
    mission = factories.StandardPageFactory(title="Mission", show_in_menus=True)
    arabic = mission.copy_for_translation(locale_ar)
    arabic.title = "المهمة"
    factories.publish(arabic)

    data = get_json(client, "/api/v2/site/", {"locale": "ar"})

    assert (data["locale"], data["dir"]) == ("ar", "rtl")
    assert data["home"]["path"] == "/ar/"
    assert [(item["title"], item["path"]) for item in data["navigation"]] == [
        ("المهمة", path_of(arabic))
    ]
    assert [(locale["code"], locale["dir"], locale["home_path"]) for locale in data["locales"]] == [
        ("en", "ltr", "/en/"),
        ("ar", "rtl", "/ar/"),
    ]


@pytest.fixture
def cookie_notices(locale_en, locale_ar):
    factories.SiteTextFactory(locale=locale_en, cookie_notice="We use cookies.", sort_order=0)
    factories.SiteTextFactory(
        locale=locale_ar, cookie_notice="نستخدم ملفات تعريف الارتباط.", sort_order=1
    )


@pytest.mark.parametrize(
    ("locale", "notice"),
    [
        ("en", "We use cookies."),
        ("ar", "نستخدم ملفات تعريف الارتباط."),
        ("fr", "We use cookies."),  # no French text: the first language entered
    ],
)
def test_the_cookie_notice_is_in_the_requested_language_or_the_first_entered(
    client, cookie_notices, locale, notice
):
    data = get_json(client, "/api/v2/site/", {"locale": locale})

    assert data["cookie_notice"]["text"] == notice


def test_an_announcement_shows_only_inside_its_window_and_language(client, locale_ar):
    opens = datetime.datetime(2024, 6, 1, 8, tzinfo=UTC)
    factories.AnnouncementFactory(
        text="Ministerial meeting today",
        active_from=opens,
        active_until=opens + datetime.timedelta(days=2),
    )
    factories.AnnouncementFactory(text="إعلان", locale=locale_ar, active_from=opens)

    def announcement_at(moment, locale="en"):
        with time_machine.travel(moment, tick=False):
            return get_json(client, "/api/v2/site/", {"locale": locale})["announcement"]

    assert announcement_at(opens - datetime.timedelta(minutes=1)) is None
    assert (
        announcement_at(opens + datetime.timedelta(hours=1))["text"] == "Ministerial meeting today"
    )
    assert announcement_at(opens + datetime.timedelta(days=2)) is None
    assert announcement_at(opens + datetime.timedelta(days=3), "ar")["text"] == "إعلان"


def test_the_member_count_is_the_members_count_and_follows_new_members(client, locale_ar):
    iraq = factories.MemberFactory(name="Iraq", iso_code="IQ")
    iraq.copy_for_translation(locale_ar).save()  # the same member, in Arabic
    factories.MemberFactory(name="NATO", organisation=True)

    assert get_json(client, "/api/v2/site/")["member_count"] == Member.objects.count_members() == 2

    factories.MemberFactory(name="Togo", iso_code="TG")

    assert get_json(client, "/api/v2/site/")["member_count"] == Member.objects.count_members() == 3


def test_lines_of_effort_are_in_the_requested_language_where_translated(client, locale_ar):
    stabilisation = factories.LineOfEffortFactory(
        name="Stabilisation", slug="stabilisation", sort_order=1
    )
    factories.LineOfEffortFactory(name="Counter-finance", slug="counter-finance", sort_order=2)
    arabic = stabilisation.copy_for_translation(locale_ar)
    arabic.name = "تحقيق الاستقرار"
    arabic.save()

    english = get_json(client, "/api/v2/site/", {"locale": "en"})["lines_of_effort"]
    translated = get_json(client, "/api/v2/site/", {"locale": "ar"})["lines_of_effort"]

    assert [line["name"] for line in english] == ["Stabilisation", "Counter-finance"]
    assert [(line["slug"], line["name"]) for line in translated] == [
        ("stabilisation", "تحقيق الاستقرار"),
        ("counter-finance", "Counter-finance"),
    ]


# Listings ---------------------------------------------------------------------------------------


@pytest.fixture
def filed(news_index, statement_index, infocus_index, ar_home, locale_ar):
    """Articles filed under different lines, regions, hashtags, years, types and languages."""
    stabilisation = factories.LineOfEffortFactory(slug="stabilisation")
    finance = factories.LineOfEffortFactory(slug="counter-finance")
    iraq = factories.RegionFactory(slug="iraq")
    syria = factories.RegionFactory(slug="syria")

    def article(factory, name, date, lines=(), regions=(), hashtags=(), **kwargs):
        page = factory(title=name, date=date, **kwargs)
        page.lines_of_effort.set(lines)
        page.regions.set(regions)
        page.hashtags.add(*hashtags)
        return factories.publish(page)

    ar_news_index = factories.publish(news_index.copy_for_translation(locale_ar))
    return {
        "rome": article(
            factories.NewsPageFactory,
            "rome",
            datetime.date(2023, 5, 1),
            [stabilisation],
            [iraq],
            ["DefeatDaesh"],
            parent=news_index,
            news_type="meeting_report",
        ),
        "readout": article(
            factories.NewsPageFactory,
            "readout",
            datetime.date(2022, 3, 1),
            [finance],
            [syria],
            ["ThisGenerationLearns"],
            parent=news_index,
            news_type="readout",
        ),
        "communique": article(
            factories.StatementPageFactory,
            "communique",
            datetime.date(2023, 6, 8),
            [stabilisation],
            [syria],
            ["DefeatDaesh"],
            parent=statement_index,
            statement_type="joint_communique",
        ),
        "feature": article(
            factories.InFocusPageFactory,
            "feature",
            datetime.date(2023, 7, 10),
            parent=infocus_index,
            format="photo_essay",
        ),
        "arabic": article(
            factories.NewsPageFactory,
            "arabic",
            datetime.date(2023, 2, 2),
            parent=ar_news_index,
            locale=locale_ar,
        ),
    }


@pytest.mark.parametrize(
    ("section", "params", "expected"),
    [
        ("news", {}, ["rome", "readout"]),
        ("news", {"ordering": "date"}, ["readout", "rome"]),
        ("news", {"ordering": "-date"}, ["rome", "readout"]),
        ("news", {"locale": "ar"}, ["arabic"]),
        ("news", {"line_of_effort": "stabilisation"}, ["rome"]),
        ("news", {"region": "syria"}, ["readout"]),
        ("news", {"hashtag": "DefeatDaesh"}, ["rome"]),
        ("news", {"hashtag": "#DefeatDaesh"}, ["rome"]),
        ("news", {"hashtag": "defeatdaesh"}, ["rome"]),
        ("news", {"year": "2022"}, ["readout"]),
        ("news", {"type": "readout"}, ["readout"]),
        ("news", {"line_of_effort": "stabilisation", "year": "2022"}, []),
        ("statements", {}, ["communique"]),
        ("statements", {"region": "syria", "hashtag": "DefeatDaesh"}, ["communique"]),
        ("in-focus", {}, ["feature"]),
        ("in-focus", {"type": "photo_essay"}, ["feature"]),
        ("latest", {}, ["communique", "rome", "readout"]),
        ("latest", {"ordering": "date"}, ["readout", "rome", "communique"]),
        ("latest", {"type": "joint_communique"}, ["communique"]),
        ("latest", {"region": "syria"}, ["communique", "readout"]),
        ("latest", {"hashtag": "#DefeatDaesh", "year": "2023"}, ["communique", "rome"]),
    ],
)
def test_listings_filter_and_order_their_cards(client, filed, section, params, expected):
    items = get_json(client, f"/api/v2/{section}/", params)["items"]

    assert ids(items) == [filed[name].pk for name in expected]


def test_a_card_carries_what_a_listing_shows(client, filed):
    card = get_json(client, "/api/v2/news/", {"year": "2023"})["items"][0]
    rome = filed["rome"]

    assert card | {"image": None} == {
        "id": rome.pk,
        "type": "pages.NewsPage",
        "title": "rome",
        "url": f"{FRONTEND}{path_of(rome)}",
        "path": path_of(rome),
        "locale": "en",
        "date": "2023-05-01",
        "summary": rome.summary,
        "kind": "meeting_report",
        "image": None,
        "lines_of_effort": [{"slug": "stabilisation", "name": rome.lines_of_effort.get().name}],
        "hashtags": ["DefeatDaesh"],
    }


def test_a_listing_answers_even_with_live_pages_never_published_through_a_revision(
    client, news_index
):
    factories.publish(factories.NewsPageFactory(parent=news_index))
    imported = factories.NewsPageFactory(parent=news_index)  # live, no published timestamps

    response = client.get("/api/v2/news/")

    assert response.status_code == 200
    assert imported.pk in ids(response.json()["items"])


def walk(client, url, params):
    """Every item of a listing, following `next` to the end; and how many pages it took."""
    items, pages, cursor = [], 0, None
    while True:
        data = get_json(client, url, {**params, **({"cursor": cursor} if cursor else {})})
        items += data["items"]
        pages += 1
        cursor = data["next"]
        if cursor is None:
            return items, pages


@pytest.mark.parametrize("ordering", ["-date", "date"])
def test_the_cursor_walks_every_item_once_in_order(client, news_index, ordering):
    # Three items a day, so pages break inside a date and the id decides.
    pages = [
        factories.NewsPageFactory(parent=news_index, date=datetime.date(2023, 1, 1 + n // 3))
        for n in range(25)
    ]
    stamp_published()
    expected = sorted(pages, key=lambda page: (page.date, page.pk), reverse=ordering == "-date")

    items, requests = walk(client, "/api/v2/news/", {"limit": 10, "ordering": ordering})

    assert ids(items) == [page.pk for page in expected]
    assert requests == 3


def test_search_finds_a_word_in_the_body_and_pages_through_the_results(client, news_index):
    def story(text):
        body = factories.raw_stream(("paragraph", f"<p>{text}</p>"))
        return factories.NewsPageFactory(parent=news_index, body=body)

    matches = [story(f"Demining in the zygomorphic district, part {n}.") for n in range(3)]
    story("Nothing to see here.")
    stamp_published()

    items, requests = walk(client, "/api/v2/news/", {"q": "zygomorphic", "limit": 2})

    assert sorted(ids(items)) == [page.pk for page in matches]
    assert requests == 2


def test_search_keeps_the_relevance_order_of_wagtail_search(client, news_index):
    def story(title, text):
        body = factories.raw_stream(("paragraph", f"<p>{text}</p>"))
        return factories.NewsPageFactory(parent=news_index, title=title, body=body)

    story("Sinjar once", "Teams met in Sinjar, then in Mosul, Erbil, Baghdad and Raqqa.")
    story("Demining", "Sinjar, Sinjar and Sinjar again: demining around Sinjar.")
    story("Returns", "Families return to Sinjar.")
    story("Sinjar", "The Sinjar district: Sinjar town and the Sinjar mountains.")
    story("Elsewhere", "Nothing about that district.")
    stamp_published()
    wagtail_order = [page.pk for page in NewsPage.objects.live().search("sinjar", operator="and")]

    items = get_json(client, "/api/v2/news/", {"q": "sinjar"})["items"]

    assert ids(items) == wagtail_order
    assert len(wagtail_order) == 4
    assert wagtail_order not in (sorted(wagtail_order), sorted(wagtail_order, reverse=True))


def test_the_social_wall_puts_pinned_posts_first_then_the_newest(client, locale_ar):
    noon = datetime.datetime(2024, 5, 1, 12, tzinfo=UTC)
    posts = {
        name: factories.SocialPostFactory(
            posted_at=noon + datetime.timedelta(hours=hours), pinned=pinned
        )
        for name, hours, pinned in [
            ("old_pinned", -48, True),
            ("new_pinned", -24, True),
            ("oldest", -72, False),
            ("newest", 0, False),
            ("middle", -1, False),
        ]
    }
    factories.SocialPostFactory(locale=locale_ar)  # another language's wall

    items, requests = walk(client, "/api/v2/social-posts/", {"limit": 2})

    order = ["new_pinned", "old_pinned", "newest", "middle", "oldest"]
    assert ids(items) == [posts[name].pk for name in order]
    assert requests == 3


# Query counts -----------------------------------------------------------------------------------


def count_queries(client, url, params):
    client.get(url, params)  # renditions and site root paths are made and cached once
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries), response.json()


def test_a_listing_costs_the_same_few_queries_for_10_cards_or_100(client, news_index, image):
    line = factories.LineOfEffortFactory()
    tag = Hashtag.objects.create(name="DefeatDaesh")
    pages = [factories.NewsPageFactory(parent=news_index, hero_image=image) for _ in range(100)]
    NewsPage.lines_of_effort.through.objects.bulk_create(
        NewsPage.lines_of_effort.through(newspage_id=page.pk, lineofeffort_id=line.pk)
        for page in pages
    )
    NewsHashtag.objects.bulk_create(NewsHashtag(content_object=page, tag=tag) for page in pages)
    stamp_published()

    few, ten = count_queries(client, "/api/v2/news/", {"limit": 10})
    many, hundred = count_queries(client, "/api/v2/news/", {"limit": 100})

    assert (len(ten["items"]), len(hundred["items"])) == (10, 100)
    assert hundred["items"][-1]["lines_of_effort"] and hundred["items"][-1]["hashtags"]
    assert few == many
    assert many <= 7


def statement_with_issuers(statement_index, count, flags):
    statement = factories.StatementPageFactory(parent=statement_index)
    for n in range(count):
        flag = factories.ImageFactory() if flags else None
        StatementIssuer.objects.create(
            page=statement, member=factories.MemberFactory(flag=flag), sort_order=n
        )
    return factories.publish(statement)


@pytest.mark.parametrize("flags", [False, True], ids=["without_flags", "with_flags"])
def test_a_statement_costs_the_same_queries_whatever_its_number_of_issuers(
    client, statement_index, flags
):
    one = statement_with_issuers(statement_index, 1, flags)
    four = statement_with_issuers(statement_index, 4, flags)

    for_one, data = count_queries(client, BY_PATH, {"path": path_of(one)})
    for_four, data_four = count_queries(client, BY_PATH, {"path": path_of(four)})

    assert (len(data["issuers"]), len(data_four["issuers"])) == (1, 4)
    assert for_one == for_four


# HTTP caching -----------------------------------------------------------------------------------


@pytest.fixture
def published(news_index):
    with time_machine.travel(datetime.datetime(2024, 5, 1, 12, tzinfo=UTC), tick=False):
        page = factories.publish(factories.NewsPageFactory(parent=news_index, slug="cached"))
    factories.SocialPostFactory()
    return page


PUBLIC_GETS = [
    (BY_PATH, {"path": "/en/news/cached/"}),
    ("/api/v2/site/", {}),
    ("/api/v2/news/", {}),
    ("/api/v2/statements/", {}),
    ("/api/v2/in-focus/", {}),
    ("/api/v2/latest/", {}),
    ("/api/v2/social-posts/", {}),
    ("/api/v2/pages/", {}),
    ("/api/v2/images/", {}),
    ("/api/v2/documents/", {}),
]
STOCK = {"/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/"}


@pytest.mark.parametrize(("url", "params"), PUBLIC_GETS)
def test_a_public_answer_has_an_etag_and_a_matching_request_gets_304(
    client, published, url, params
):
    first = client.get(url, params)
    again = client.get(url, params, HTTP_IF_NONE_MATCH=first["ETag"])

    assert first.status_code == 200
    assert again.status_code == 304
    assert again.content == b""


@pytest.mark.parametrize(
    ("url", "params"),
    PUBLIC_GETS,
)
def test_a_public_answer_may_be_cached_publicly_for_a_while(client, published, url, params):
    response = client.get(url, params)

    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert "public" in cache_control
    assert any(part.startswith("max-age=") and part != "max-age=0" for part in cache_control)


@pytest.mark.parametrize(
    ("url", "params"), [(BY_PATH, {"path": "/en/news/cached/"}), ("/api/v2/news/", {})]
)
def test_pages_and_listings_say_when_they_last_changed(client, published, url, params):
    with seconds_later(5):
        response = client.get(url, params)
        again = client.get(url, params, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])

    # The newest change to public content anywhere: a page's answer also depends on others.
    newest = PageLogEntry.objects.latest("timestamp").timestamp
    assert response["Last-Modified"] == http_date(newest.timestamp())
    assert again.status_code == 304


def seconds_later(seconds):
    """Time moved on: HTTP dates count whole seconds, and a change in the current second is
    revalidated by ETag only (the answer carries no Last-Modified)."""
    return time_machine.travel(timezone.now() + datetime.timedelta(seconds=seconds), tick=False)


def test_a_listing_is_not_304_by_date_after_its_newest_item_is_unpublished(client, news_index):
    factories.publish(factories.NewsPageFactory(parent=news_index))
    newest = factories.publish(factories.NewsPageFactory(parent=news_index))
    with seconds_later(5):
        seen = client.get("/api/v2/news/")
    with seconds_later(10):
        newest.unpublish()
    with seconds_later(15):
        again = client.get("/api/v2/news/", HTTP_IF_MODIFIED_SINCE=seen["Last-Modified"])

    assert again.status_code == 200
    assert newest.pk not in ids(again.json()["items"])


def test_a_page_is_not_304_by_date_after_a_related_item_is_unpublished(client, news_index):
    related = factories.publish(factories.NewsPageFactory(parent=news_index))
    page = factories.NewsPageFactory(parent=news_index)
    page.related = factories.raw_stream(("page", related.pk))
    factories.publish(page)
    with seconds_later(5):
        seen = client.get(BY_PATH, {"path": path_of(page)})
    with seconds_later(10):
        related.unpublish()
    with seconds_later(15):
        again = client.get(
            BY_PATH, {"path": path_of(page)}, HTTP_IF_MODIFIED_SINCE=seen["Last-Modified"]
        )

    assert again.status_code == 200
    assert again.json()["related"] == []


def test_an_answer_changed_within_the_current_second_has_no_last_modified(client, news_index):
    factories.publish(factories.NewsPageFactory(parent=news_index))

    with time_machine.travel(PageLogEntry.objects.latest("timestamp").timestamp, tick=False):
        response = client.get("/api/v2/news/")

    assert response.status_code == 200
    assert "Last-Modified" not in response
    assert response["ETag"]


def test_search_finds_arabic_words_in_arabic_pages(client, news_index, ar_home, locale_ar):
    arabic_index = factories.publish(news_index.copy_for_translation(locale_ar))
    body = factories.raw_stream(("paragraph", "<p>بدأت فرق إزالة الألغام عملها في الموصل.</p>"))
    found = factories.NewsPageFactory(parent=arabic_index, title="إزالة الألغام", body=body)
    factories.NewsPageFactory(parent=arabic_index, title="خبر آخر")
    stamp_published()

    arabic = get_json(client, "/api/v2/news/", {"q": "الألغام", "locale": "ar"})
    english = get_json(client, "/api/v2/news/", {"q": "الألغام", "locale": "en"})

    assert ids(arabic["items"]) == [found.pk]
    assert english["items"] == []
