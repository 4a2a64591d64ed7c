"""The API contract: every page type by path, compared with its checked-in JSON snapshot.

The snapshots in tests/snapshots/ are the API's changelog: a change to a page's public shape shows
up as a diff there. After an intended change, rewrite them and review the diff:

    UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/test_api_snapshots.py

The content is built once per test from fixed data at a frozen moment; ids, block UUIDs and
rendition file hashes are replaced by stable labels, as they vary between databases and runs.
"""

import datetime
import difflib
import json
import os
import re
from pathlib import Path

import pytest
import time_machine

from wagtail.documents import get_document_model
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model
from wagtail.models import Page

from cms.models import Meeting, MeetingHost
from pages.models import StatementAttachment, StatementIssuer
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_caches")]

SNAPSHOTS = Path(__file__).parent / "snapshots"
PUBLISHED_AT = datetime.datetime(2024, 3, 1, 9, 30, tzinfo=datetime.UTC)
VIDEO_URL = "https://www.youtube.com/watch?v=coalition-demo"


# Snapshots --------------------------------------------------------------------------------------


UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# “rome.2e16d0ba.fill-800x450.jpg”, or “rome_Ab3dE6f.…” when the storage had to rename a file.
RENDITION_FILE = re.compile(r"(/media/images/[^/\"]+?)(?:_[A-Za-z0-9]{7})?\.[0-9a-f]{8}\.")
DOCUMENT_URL = re.compile(r"/documents/\d+/")


class Normaliser:
    """Replace what differs between runs by labels: “<page /home/news/x/>”, “<image Rome>”, …"""

    def __init__(self):
        self.labels = {
            "page": {page.pk: f"<page {page.url_path}>" for page in Page.objects.all()},
            "image": {
                image.pk: f"<image {image.title}>" for image in get_image_model().objects.all()
            },
            "document": {
                document.pk: f"<document {document.title}>"
                for document in get_document_model().objects.all()
            },
            "meeting": {
                meeting.pk: f"<meeting {meeting.title}>" for meeting in Meeting.objects.all()
            },
        }

    def __call__(self, node):
        if isinstance(node, dict):
            return {
                key: self.label(node) if key == "id" else self(value) for key, value in node.items()
            }
        if isinstance(node, list):
            return [self(item) for item in node]
        if isinstance(node, str):
            node = UUID.sub("<uuid>", node)
            node = RENDITION_FILE.sub(r"\1.<hash>.", node)
            return DOCUMENT_URL.sub("/documents/<id>/", node)
        return node

    def label(self, node):
        value = node["id"]
        if isinstance(value, str):
            return UUID.sub("<uuid>", value)  # a StreamField block's own id
        if "renditions" in node:
            kind = "image"
        elif "file_type" in node:
            kind = "document"
        elif "hosts" in node:
            kind = "meeting"
        elif "." in str(node.get("type", "")):
            kind = "page"
        else:
            raise AssertionError(f"The normaliser does not know what this id is: {node}")
        return self.labels[kind][value]


def assert_matches_snapshot(name, data):
    """Compare with tests/snapshots/<name>.json; UPDATE_SNAPSHOTS=1 rewrites the file instead."""
    path = SNAPSHOTS / f"{name}.json"
    actual = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"No snapshot {path.name}: run with UPDATE_SNAPSHOTS=1 to create it.")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile=f"snapshots/{path.name}",
            tofile="API response",
        )
        pytest.fail(
            "The API response differs from its snapshot (UPDATE_SNAPSHOTS=1 accepts it):\n"
            + "".join(diff),
            pytrace=False,
        )


# Content ----------------------------------------------------------------------------------------


def captioned(image, caption="", credit="", alt=""):
    return {
        "image": {"image": image.pk, "alt_text": alt or image.title, "decorative": False},
        "caption": caption,
        "credit": credit,
    }


def paragraph_with_links(page, document):
    return (
        f'<p>Read the <a linktype="page" id="{page.pk}">joint communiqué</a> and download '
        f'the <a linktype="document" id="{document.pk}">action plan</a>.</p>'
    )


def body_blocks(content, names):
    """One block of each named type, with choosers pointing at `content`."""
    statement, image, document = content["statement"], content["image"], content["document"]
    blocks = {
        "heading": {"text": "Background", "level": "h2"},
        "paragraph": paragraph_with_links(statement, document),
        "image": captioned(image, "Ministers at the Farnesina.", "Photo: Italian MFA"),
        "pull_quote": {
            "quote": "We will not let Daesh regroup.",
            "attribution": "Antonio Tajani",
            "role": "Minister of Foreign Affairs of Italy",
        },
        "gallery": {
            "title": "Mosul, rebuilt",
            "images": [
                captioned(content["gallery"][0], "The Al-Nuri mosque.", ""),
                captioned(content["gallery"][1], "Clearing the old city.", "Photo: UNDP Iraq"),
            ],
        },
        "video": {
            "video": VIDEO_URL,
            "caption": "The Coalition in 90 seconds.",
            "transcript": "<p>Since 2014, <b>87</b> members have worked together.</p>",
        },
        "stat": {"value": "7.9 million", "label": "people returned home", "source": "IOM"},
        "timeline_entry": {
            "date": "2017-07-10",
            "date_precision": "day",
            "title": "Mosul liberated",
            "text": "<p>Iraqi forces retake the city.</p>",
        },
        "call_to_action": {
            "heading": "Read the communiqué",
            "text": "What the ministers agreed in Rome.",
            "link": {"label": "Read it", "page": statement.pk, "url": ""},
        },
        "document": {"document": document.pk, "title": "Action plan (PDF)"},
    }
    return factories.raw_stream(*((name, blocks[name]) for name in names))


STANDARD_BLOCKS = [
    "heading",
    "paragraph",
    "image",
    "pull_quote",
    "stat",
    "video",
    "document",
    "call_to_action",
]
NEWS_BLOCKS = ["heading", "paragraph", "image", "pull_quote", "stat", "video", "document"]
STATEMENT_BLOCKS = ["heading", "paragraph", "image", "document"]
INFOCUS_BLOCKS = [
    "heading",
    "paragraph",
    "image",
    "pull_quote",
    "gallery",
    "video",
    "stat",
    "timeline_entry",
    "call_to_action",
]


def image_named(title, filename, **kwargs):
    # Distinct file names keep the storage from adding random suffixes.
    return factories.ImageFactory(title=title, file__filename=filename, **kwargs)


@pytest.fixture
def content(home_page, news_index, statement_index, infocus_index):
    """One page of every type, with every block, chooser and relation filled in."""
    with time_machine.travel(PUBLISHED_AT, tick=False):
        return build_content(home_page, news_index, statement_index, infocus_index)


def build_content(home, news_index, statement_index, infocus_index):
    # The embed finder cannot reach YouTube in tests; Wagtail's embed cache answers instead.
    Embed.objects.create(
        url=VIDEO_URL,
        hash=get_embed_hash(VIDEO_URL),
        type="video",
        html='<iframe src="https://www.youtube.com/embed/coalition-demo"></iframe>',
        title="The Coalition in 90 seconds",
        provider_name="YouTube",
        thumbnail_url="https://i.ytimg.com/vi/coalition-demo/hqdefault.jpg",
        width=480,
        height=270,
    )
    image = image_named("Ministers in Rome", "rome.jpg", credit="Photo: Italian MFA")
    gallery = [
        image_named("Al-Nuri mosque", "al-nuri.jpg", credit="Photo: UNESCO"),
        image_named("Old city of Mosul", "mosul.jpg"),
    ]
    document = factories.DocumentFactory(title="Action plan", file__filename="action-plan.pdf")
    annex = factories.DocumentFactory(title="Annex", file__filename="annex.pdf")
    stabilisation = factories.LineOfEffortFactory(
        name="Stabilisation", slug="stabilisation", summary="Helping people return home."
    )
    iraq = factories.RegionFactory(name="Iraq", slug="iraq")
    italy = factories.MemberFactory(
        name="Italy",
        official_name="Italian Republic",
        iso_code="IT",
        flag=image_named("Flag of Italy", "flag-it.jpg"),
    )
    united_states = factories.MemberFactory(
        name="United States", official_name="United States of America", iso_code="US"
    )
    nato = factories.MemberFactory(
        name="NATO",
        official_name="North Atlantic Treaty Organization",
        organisation=True,
        acronym="NATO",
    )
    togo = factories.MemberFactory(name="Togo", official_name="Togolese Republic", iso_code="TG")
    small_group = factories.GroupFactory(name="Small Group", slug="small-group")
    meeting = factories.MeetingFactory(
        title="Ministerial meeting, Rome",
        starts_on=datetime.date(2023, 1, 16),
        ends_on=datetime.date(2023, 1, 17),
        city="Rome",
        participant_count=38,
        hosts=[MeetingHost(member=italy, role=MeetingHost.Role.HOST)],
    )

    campaign = factories.CampaignPageFactory(
        title="#16Days of activism",
        slug="16-days",
        summary="Sixteen days against gender-based violence.",
        hero_image=image,
        starts_on=datetime.date(2023, 11, 25),
        ends_on=datetime.date(2023, 12, 10),
    )
    news = factories.NewsPageFactory(
        parent=news_index,
        title="Ministers meet in Rome",
        slug="ministers-meet-in-rome",
        summary="Foreign ministers of the Coalition met in Rome.",
        date=datetime.date(2023, 1, 16),
        news_type="meeting_report",
        dateline="ROME",
        place="Farnesina",
        source_name="Italian MFA",
        source_url="https://www.esteri.it/en/",
        meeting=meeting,
        hero_image=image,
        hero_caption="Ministers at the Farnesina.",
    )
    statement = factories.StatementPageFactory(
        parent=statement_index,
        title="Joint communiqué by ministers",
        slug="joint-communique-rome",
        summary="The ministers' communiqué from Rome.",
        date=datetime.date(2023, 1, 17),
        statement_type="joint_communique",
        meeting=meeting,
        place="Rome",
        group=small_group,
        attribution="The following statement was released by the co-chairs.",
        source_name="U.S. Department of State media note",
        source_url="https://www.state.gov/",
        hero_image=image,
    )
    feature = factories.InFocusPageFactory(
        parent=infocus_index,
        title="Rebuilding Mosul",
        slug="rebuilding-mosul",
        summary="How the old city came back.",
        date=datetime.date(2023, 7, 10),
        format="photo_essay",
        hero_image=gallery[0],
        hero_credit="Photo: UNESCO / Mosul",
        hero_video_url=VIDEO_URL,
        campaign=campaign,
    )
    about = factories.StandardPageFactory(
        title="About the Coalition",
        slug="about",
        summary="Who we are.",
        seo_title="About the Global Coalition",
        search_description="The Coalition's members, mission and history.",
        show_in_menus=True,
    )
    content = {"statement": statement, "image": image, "document": document, "gallery": gallery}

    home.summary = "The Global Coalition against Daesh/ISIS."
    home.intro = (
        f'<p>Members of the <a linktype="page" id="{about.pk}">Coalition</a> work together.</p>'
    )
    home.featured_campaign = campaign
    home.social_image = image

    about.body = body_blocks(content, STANDARD_BLOCKS)
    campaign.body = body_blocks(content, INFOCUS_BLOCKS)
    campaign.hashtags.add("16Days")

    news.body = body_blocks(content, NEWS_BLOCKS)
    news.lines_of_effort.set([stabilisation])
    news.regions.set([iraq])
    news.hashtags.add("DefeatDaesh", "Rome2023")
    news.related = factories.raw_stream(("page", statement.pk), ("page", feature.pk))

    statement.body = body_blocks(content, STATEMENT_BLOCKS)
    statement.lines_of_effort.set([stabilisation])
    statement.hashtags.add("DefeatDaesh")
    statement.issuers = [
        StatementIssuer(member=italy, role=StatementIssuer.Role.CO_CHAIR),
        StatementIssuer(member=united_states, role=StatementIssuer.Role.CO_CHAIR),
        StatementIssuer(member=nato, role=StatementIssuer.Role.SIGNATORY),
    ]
    statement.members_welcomed.set([togo])
    statement.attachments = [
        StatementAttachment(document=document, title="Action plan (PDF)"),
        StatementAttachment(document=annex),
    ]
    statement.related = factories.raw_stream(("page", news.pk))

    feature.body = body_blocks(content, INFOCUS_BLOCKS)
    feature.regions.set([iraq])
    feature.hashtags.add("DefeatDaesh")
    feature.related = factories.raw_stream(("page", news.pk), ("page", statement.pk))

    pages = [home, news_index, statement_index, infocus_index, campaign, news, statement]
    for page in [*pages, feature, about]:
        factories.publish(page)
    factories.publish(factories.HomePageFactory())  # Arabic: the home page's translation
    return {page.specific_class.__name__: page for page in [*pages, feature, about]}


# The contract -----------------------------------------------------------------------------------


PAGE_TYPES = [
    "HomePage",
    "StandardPage",
    "NewsIndexPage",
    "NewsPage",
    "InFocusIndexPage",
    "InFocusPage",
    "StatementIndexPage",
    "StatementPage",
    "CampaignPage",
]


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_each_page_type_by_path_matches_its_snapshot(client, content, page_type):
    page = content[page_type]
    path = "/en/" + page.url_path.split("/", 2)[2]

    response = client.get("/api/v2/pages/by-path/", {"path": path})

    assert response.status_code == 200
    data = response.json()
    assert data["type"] == f"pages.{page_type}"
    assert_matches_snapshot(page_type, Normaliser()(data))
