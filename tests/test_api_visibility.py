"""What the public never sees, on any public surface.

One parametrised test crosses every non-public state of a page with every surface that shows
pages: the delivery API, the partner API in every format, its export and change feed, webhook
payloads and the sitemap. Each case also checks a public control page on the same surface, so a
surface that shows nothing at all cannot pass by accident.
"""

import datetime
import json
import uuid
from dataclasses import dataclass

import pytest

from django.contrib.auth.models import Group as AuthGroup
from django.utils import timezone

from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    Site,
)

from cms.models import SocialPost, WebhookDelivery, WebhookEvent, WebhookSubscription
from pages.models import NewsIndexPage, StatementIndexPage
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_caches")]

BY_PATH = "/api/v2/pages/by-path/"
WORD = "Quillfeather"  # in both titles, so one search finds both
HIDDEN = {"title": f"{WORD} hidden item", "slug": "hidden-item"}
CONTROL = {"title": f"{WORD} public item", "slug": "public-item"}


def public_path(page):
    """The path the page would have on the front end of its own site: “/en/news/hidden-item/”."""
    return "/en/" + page.url_path.split("/", 2)[2]


@dataclass
class World:
    """The default site's sections, and where to put a page of each kind and state."""

    home: Page
    news_index: Page
    statement_index: Page
    state: object = None

    def make(self, kind, parent=None, **kwargs):
        """A page of `kind`: “article” (a news item), “menu” (a top-level page in the menu) or
        “statement”, published as an editor does, so the partner ledger and webhooks hear of it
        (`live=False`: created and left unpublished)."""
        if kind == "statement":
            live = kwargs.pop("live", True)
            page = factories.StatementPageFactory(
                parent=parent or self.statement_index, live=False, **kwargs
            )
            return factories.publish(page) if live else page
        if kind == "article":
            return factories.NewsPageFactory(parent=parent or self.news_index, **kwargs)
        return factories.StandardPageFactory(
            parent=parent or self.home, show_in_menus=True, **kwargs
        )

    def private_section(self, kind):
        """A login-only section beside the public one, so the control stays public."""
        if kind == "article":
            # NewsIndexPage is one per home page in the admin (max_count_per_parent); the model
            # allows a second, which is what a members-only news section needs here.
            section = factories.NewsIndexPageFactory(title="Members' news", slug="members-news")
        elif kind == "statement":
            section = factories.StatementIndexPageFactory(
                title="Members' statements", slug="members-statements"
            )
        else:
            section = factories.StandardPageFactory(title="Members", slug="members")
        PageViewRestriction.objects.create(page=section, restriction_type="login")
        return section

    def other_site_parent(self, kind):
        """A second site, other.test, with its own root and an English news section.

        The models allow one home page per language, and only home pages under the tree's root,
        so a second English site cannot be built through the page type rules; it is built with
        treebeard directly (add_child does not check them). A French second home would be legal,
        but would hide its pages by language alone and test nothing about sites.
        """
        root = Page.get_first_root_node().add_child(
            instance=Page(title="Partner site", slug="partner")
        )
        Site.objects.create(hostname="other.test", port=80, root_page=root, site_name="Partner")
        if kind == "menu":
            return root
        if kind == "statement":
            return root.add_child(instance=StatementIndexPage(title="Statements", slug="news"))
        return root.add_child(instance=NewsIndexPage(title="News", slug="news"))


@pytest.fixture
def world(home_page, news_index, statement_index):
    # A webhook subscriber for every event: what it is sent is a public surface too.
    WebhookSubscription.objects.create(
        name="Everything",
        url="https://hooks.example.org/coalition",
        event_types=[event.value for event in WebhookEvent],
    )
    return World(home_page, news_index, statement_index)


# Non-public states: each makes the hidden page of a kind ----------------------------------------


def draft(world, kind):
    page = world.make(kind, live=False, **HIDDEN)
    page.save_revision()
    return page


def unpublished(world, kind):
    page = factories.publish(world.make(kind, **HIDDEN))
    page.unpublish()
    return page


def scheduled(world, kind):
    page = world.make(kind, live=False, **HIDDEN)
    page.go_live_at = timezone.now() + datetime.timedelta(days=1)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live
    return page


def expired(world, kind):
    """Past its expiry, but still live: the scheduler has not unpublished it yet."""
    page = world.make(kind, **HIDDEN)
    Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(hours=1))
    page.refresh_from_db()
    assert page.live
    return page


def restricted(restriction_type):
    def state(world, kind):
        """Made private before it is published, so even the publication is never public."""
        page = world.make(kind, live=False, **HIDDEN)
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=restriction_type, password="members-only"
        )
        if restriction_type == "groups":
            restriction.groups.set(AuthGroup.objects.filter(name="Moderators"))
        return factories.publish(page)

    state.__name__ = f"private_by_{restriction_type}"
    return state


def in_moderation(world, kind):
    """Submitted for approval and never published: the workflow is still in progress."""
    page = world.make(kind, live=False, **HIDDEN)
    editor = factories.UserFactory(username="submitter", groups=["Editors"])
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    page.refresh_from_db()
    assert page.workflow_in_progress and not page.live
    return page


def below_a_private_page(world, kind):
    return world.make(kind, parent=world.private_section(kind), **HIDDEN)


def in_another_site(world, kind):
    return world.make(kind, parent=world.other_site_parent(kind), **HIDDEN)


STATES = [
    draft,
    unpublished,
    scheduled,
    expired,
    restricted("password"),
    restricted("login"),
    restricted("groups"),
    in_moderation,
    below_a_private_page,
    in_another_site,
]
# States in which the page was public for a while, and rightly announced as published then.
ONCE_PUBLIC = {unpublished, expired}


# Public surfaces: each checks the hidden page is absent and the control present -----------------


def identical_answers(first, second):
    return (first.status_code, first["Content-Type"], first.content, first.get("Location")) == (
        second.status_code,
        second["Content-Type"],
        second.content,
        second.get("Location"),
    )


def by_path(client, world, hidden):
    """A hidden page's path answers exactly as a path with no page at all."""
    path = public_path(hidden)
    answer = client.get(BY_PATH, {"path": path})
    hidden.delete()
    nothing_there = client.get(BY_PATH, {"path": path})

    assert HIDDEN["title"] not in answer.content.decode()
    assert identical_answers(answer, nothing_there)


def listing_ids(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200
    assert HIDDEN["title"] not in response.content.decode()
    return [item["id"] for item in response.json()["items"]]


def section_listing(client, world, hidden):
    control = world.make("article", **CONTROL)
    ids = listing_ids(client, "/api/v2/news/")
    assert control.pk in ids
    assert hidden.pk not in ids


def latest(client, world, hidden):
    control = world.make("article", **CONTROL)
    ids = listing_ids(client, "/api/v2/latest/")
    assert control.pk in ids
    assert hidden.pk not in ids


def search(client, world, hidden):
    control = world.make("article", **CONTROL)
    ids = listing_ids(client, "/api/v2/news/", {"q": WORD})
    assert control.pk in ids
    assert hidden.pk not in ids


def navigation(client, world, hidden):
    control = world.make("menu", **CONTROL)
    response = client.get("/api/v2/site/")
    ids = [item["id"] for item in response.json()["navigation"]]
    assert control.pk in ids
    assert hidden.pk not in ids
    assert HIDDEN["title"] not in response.content.decode()


def page_json(client, page):
    response = client.get(BY_PATH, {"path": public_path(page)})
    assert response.status_code == 200
    return response


def related_cards(client, world, hidden):
    control = world.make("article", **CONTROL)
    host = factories.StatementPageFactory(
        parent=world.statement_index,
        related=factories.raw_stream(("page", control.pk), ("page", hidden.pk)),
    )
    response = page_json(client, host)
    assert [card["id"] for card in response.json()["related"]] == [control.pk]
    assert HIDDEN["title"] not in response.content.decode()


def rich_text_link(client, world, hidden):
    """The link keeps its text but loses its address."""
    control = world.make("article", **CONTROL)
    html = (
        f'<p><a linktype="page" id="{control.pk}">public</a> and '
        f'<a linktype="page" id="{hidden.pk}">secret</a></p>'
    )
    host = factories.StandardPageFactory(body=factories.raw_stream(("paragraph", html)))
    paragraph = page_json(client, host).json()["body"][0]["value"]
    assert CONTROL["slug"] in paragraph
    assert HIDDEN["slug"] not in paragraph
    assert "<a>secret</a>" in paragraph


def call_to_action_link(client, world, hidden):
    """A page chosen in a block is null when it is not public, and so is its URL."""
    control = world.make("article", **CONTROL)
    host = factories.StandardPageFactory(
        body=factories.raw_stream(
            ("call_to_action", {"heading": "Read", "link": {"label": "a", "page": control.pk}}),
            ("call_to_action", {"heading": "Read", "link": {"label": "b", "page": hidden.pk}}),
        )
    )
    response = page_json(client, host)
    shown, hidden_link = (block["value"]["link"] for block in response.json()["body"])
    assert shown["page"]["id"] == control.pk
    assert hidden_link == {"label": "b", "url": None, "page": None}
    assert HIDDEN["slug"] not in response.content.decode()


def stock_listing(client, world, hidden):
    control = world.make("article", **CONTROL)
    ids = listing_ids(client, "/api/v2/pages/", {"type": "pages.NewsPage"})
    assert control.pk in ids
    assert hidden.pk not in ids


def stock_detail(client, world, hidden):
    url = f"/api/v2/pages/{hidden.pk}/"
    answer = client.get(url)
    hidden.delete()
    nothing_there = client.get(url)

    assert HIDDEN["title"] not in answer.content.decode()
    assert identical_answers(answer, nothing_there)


def sitemap(client, world, hidden):
    control = world.make("article", **CONTROL)
    response = client.get("/api/v2/sitemap.xml")
    assert response.status_code == 200
    assert public_path(control) in response.content.decode()
    assert HIDDEN["slug"] not in response.content.decode()


PARTNER_STATEMENTS = "/api/partners/v1/statements/"
PARTNER_FORMATS = ["json", "csv", "rss", "atom", "jsonfeed"]


def partner_listing_in_every_format(client, world, hidden):
    world.make("statement", **CONTROL)
    for format_ in PARTNER_FORMATS:
        content = client.get(PARTNER_STATEMENTS, {"format": format_}).content.decode()
        assert CONTROL["title"] in content, format_
        assert HIDDEN["title"] not in content, format_
        assert str(hidden.translation_key) not in content, format_


def partner_search_and_facets(client, world, hidden):
    world.make("statement", **CONTROL)
    response = client.get(PARTNER_STATEMENTS, {"q": WORD, "facets": "type,year"})
    assert response.json()["count"] == 1
    assert [item["title"] for item in response.json()["items"]] == [CONTROL["title"]]
    assert sum(entry["count"] for entry in response.json()["facets"]["type"]) == 1


def partner_detail(client, world, hidden):
    """A hidden statement's id answers exactly as an id no statement ever had."""
    answer = client.get(f"{PARTNER_STATEMENTS}{hidden.translation_key}/")
    nothing_there = client.get(f"{PARTNER_STATEMENTS}{uuid.uuid4()}/")
    assert answer.status_code == 404
    assert identical_answers(answer, nothing_there)


def partner_export(client, world, hidden):
    world.make("statement", **CONTROL)
    response = client.get(f"{PARTNER_STATEMENTS}export/")
    records = [json.loads(line) for line in b"".join(response.streaming_content).splitlines()]
    assert [record["title"] for record in records] == [CONTROL["title"]]


def partner_change_feed(client, world, hidden):
    """At most a tombstone: the hidden statement's content is never in the feed."""
    world.make("statement", **CONTROL)
    response = client.get("/api/partners/v1/changes/")
    changes = response.json()["changes"]
    shown = {change["statement"]["title"] for change in changes if change["statement"]}
    assert shown == {CONTROL["title"]}
    assert HIDDEN["title"] not in response.content.decode()
    mentions = [c for c in changes if c["statement_id"] == str(hidden.translation_key)]
    if mentions:
        assert mentions[-1]["event"] in {"unpublished", "deleted"}


def webhook_payloads(client, world, hidden):
    """Only what was public when it happened is announced."""
    control = world.make("statement", **CONTROL)
    payloads = [delivery.payload for delivery in WebhookDelivery.objects.all()]
    pages = {(payload["data"]["page_id"], payload["type"]) for payload in payloads}
    assert (control.pk, "page.published") in pages
    announced = {event for page_id, event in pages if page_id == hidden.pk}
    allowed = {"page.published", "page.unpublished"} if world.state in ONCE_PUBLIC else set()
    assert announced <= allowed


# Which kind of page each surface shows.
SURFACES = {
    by_path: "article",
    section_listing: "article",
    latest: "article",
    search: "article",
    navigation: "menu",
    related_cards: "article",
    rich_text_link: "article",
    call_to_action_link: "article",
    stock_listing: "article",
    stock_detail: "article",
    sitemap: "article",
    partner_listing_in_every_format: "statement",
    partner_search_and_facets: "statement",
    partner_detail: "statement",
    partner_export: "statement",
    partner_change_feed: "statement",
    webhook_payloads: "statement",
}


def case(state, surface):
    return pytest.param(state, surface, id=f"{state.__name__}-{surface.__name__}")


@pytest.mark.parametrize(
    ("state", "surface"), [case(state, surface) for state in STATES for surface in SURFACES]
)
def test_a_page_the_public_may_not_see_is_on_no_public_surface(client, world, state, surface):
    world.state = state
    hidden = state(world, SURFACES[surface])

    surface(client, world, hidden)


# Media in private collections -------------------------------------------------------------------


def private_collection(restriction_type):
    collection = Collection.get_first_root_node().add_child(name="Members only")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=restriction_type, password="members-only"
    )
    if restriction_type == "groups":
        restriction.groups.set(AuthGroup.objects.filter(name="Moderators"))
    return collection


MEDIA = {"images": factories.ImageFactory, "documents": factories.DocumentFactory}


@pytest.mark.parametrize(
    "restriction_type",
    [
        "password",
        pytest.param("login"),
        pytest.param("groups"),
    ],
)
@pytest.mark.parametrize("endpoint", MEDIA)
def test_media_in_a_private_collection_are_not_listed_or_served(client, endpoint, restriction_type):
    public = MEDIA[endpoint](title="Public file")
    private = MEDIA[endpoint](
        title="Members-only file", collection=private_collection(restriction_type)
    )

    detail_url = f"/api/v2/{endpoint}/{private.pk}/"
    listing = client.get(f"/api/v2/{endpoint}/")
    detail = client.get(detail_url)
    private.delete()
    nothing_there = client.get(detail_url)

    assert listing.status_code == 200
    assert [item["id"] for item in listing.json()["items"]] == [public.pk]
    assert "Members-only" not in detail.content.decode()
    assert identical_answers(detail, nothing_there)


# The social wall --------------------------------------------------------------------------------


def test_the_social_wall_shows_approved_posts_only(client):
    approved = factories.SocialPostFactory(text="Approved post")
    for status in [SocialPost.Status.PENDING, SocialPost.Status.HIDDEN]:
        factories.SocialPostFactory(text=f"Unapproved post ({status})", status=status)

    response = client.get("/api/v2/social-posts/", {"limit": 50})

    assert [post["id"] for post in response.json()["items"]] == [approved.pk]
    assert "Unapproved" not in response.content.decode()
