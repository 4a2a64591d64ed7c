"""Blocks without a database: stored JSON in, validation, and the JSON the API gives out."""

import datetime
import json

import pytest
from rest_framework.utils.encoders import JSONEncoder

from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.rich_text import RichText

from cms.blocks import (
    CallToActionBlock,
    HeadingBlock,
    InFocusBodyBlock,
    LinkBlock,
    NewsBodyBlock,
    PullQuoteBlock,
    StandardBodyBlock,
    StatBlock,
    StatementBodyBlock,
    TimelineEntryBlock,
)


def clean_errors(block, raw):
    """The per-field errors an editor would see when saving `raw` (stored JSON) in `block`."""
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(block.to_python(raw))
    return excinfo.value.block_errors


# HeadingBlock -----------------------------------------------------------------------------------


def test_heading_round_trips_to_the_api_unchanged():
    block = HeadingBlock()
    value = block.clean(block.to_python({"text": "Stabilisation", "level": "h3"}))

    assert block.get_api_representation(value) == {"text": "Stabilisation", "level": "h3"}


def test_heading_without_a_level_is_a_section_heading():
    block = HeadingBlock()

    assert block.to_python({"text": "Background"})["level"] == "h2"


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"text": "", "level": "h2"}, "text"),
        ({"text": "x" * 121, "level": "h2"}, "text"),
        ({"text": "Background", "level": "h1"}, "level"),
    ],
    ids=["empty", "over-120-characters", "h1-is-the-page-title"],
)
def test_heading_rejects(raw, field):
    assert set(clean_errors(HeadingBlock(), raw)) == {field}


# PullQuoteBlock ---------------------------------------------------------------------------------


def test_pull_quote_needs_only_the_quote():
    block = PullQuoteBlock()
    value = block.clean(block.to_python({"quote": "We rebuilt the school together."}))

    assert block.get_api_representation(value) == {
        "quote": "We rebuilt the school together.",
        "attribution": "",
        "role": "",
    }


def test_pull_quote_keeps_attribution_and_role():
    block = PullQuoteBlock()
    raw = {"quote": "Hope returned.", "attribution": "Amina Hassan", "role": "Mukhtar of Hawija"}

    assert block.get_api_representation(block.clean(block.to_python(raw))) == raw


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"quote": ""}, "quote"),
        ({"quote": "x" * 401}, "quote"),
        ({"quote": "Fine.", "attribution": "x" * 101}, "attribution"),
    ],
    ids=["empty", "quote-over-400", "attribution-over-100"],
)
def test_pull_quote_rejects(raw, field):
    assert set(clean_errors(PullQuoteBlock(), raw)) == {field}


# StatBlock --------------------------------------------------------------------------------------


def test_stat_keeps_its_figure_as_written():
    block = StatBlock()
    raw = {"value": "7.9 million", "label": "people returned home", "source": "IOM"}

    assert block.get_api_representation(block.clean(block.to_python(raw))) == raw


@pytest.mark.parametrize(
    ("raw", "fields"),
    [
        ({"value": "1" * 21, "label": "members"}, {"value"}),
        ({"value": "86", "label": ""}, {"label"}),
        ({"value": "", "label": ""}, {"value", "label"}),
    ],
    ids=["figure-over-20", "no-label", "empty"],
)
def test_stat_rejects(raw, fields):
    assert set(clean_errors(StatBlock(), raw)) == fields


# TimelineEntryBlock -----------------------------------------------------------------------------


def as_json(data):
    """What the API renderer (DRF's encoder) makes of a representation."""
    return json.loads(json.dumps(data, cls=JSONEncoder))


def test_timeline_entry_stores_a_date_and_gives_the_api_an_iso_date():
    block = TimelineEntryBlock()
    raw = {
        "date": "2014-09-10",
        "date_precision": "day",
        "title": "The Coalition is formed",
        "text": "<p>Ministers meet in Jeddah.</p>",
    }
    value = block.clean(block.to_python(raw))

    assert value["date"] == datetime.date(2014, 9, 10)
    api = as_json(block.get_api_representation(value))
    assert api["date"] == "2014-09-10"
    assert api["date_precision"] == "day"
    assert api["title"] == "The Coalition is formed"
    assert "Ministers meet in Jeddah." in api["text"]


def test_timeline_entry_defaults_to_day_precision():
    value = TimelineEntryBlock().to_python({"date": "2014-09-10", "title": "Formed"})

    assert value["date_precision"] == "day"


@pytest.mark.parametrize(
    ("raw", "fields"),
    [
        ({"date": None, "date_precision": "day", "title": "Formed"}, {"date"}),
        ({"date": "2014-09-10", "date_precision": "decade", "title": "Formed"}, {"date_precision"}),
        ({"date": "2014-09-10", "date_precision": "year", "title": ""}, {"title"}),
    ],
    ids=["no-date", "unknown-precision", "no-title"],
)
def test_timeline_entry_rejects(raw, fields):
    assert set(clean_errors(TimelineEntryBlock(), raw)) == fields


# LinkBlock and CallToActionBlock ----------------------------------------------------------------


def test_link_to_an_external_url_is_valid():
    block = LinkBlock()
    value = block.clean(block.to_python({"label": "UNDP", "page": None, "url": "https://undp.org"}))

    assert value["url"] == "https://undp.org"
    assert value["page"] is None


def test_link_with_neither_page_nor_url_is_refused_on_the_page_field():
    errors = clean_errors(LinkBlock(), {"label": "Read more", "page": None, "url": ""})

    assert set(errors) == {"page"}


@pytest.mark.django_db
def test_link_with_both_page_and_url_is_refused(home_page):
    block = LinkBlock()
    raw = {"label": "Read more", "page": home_page.pk, "url": "https://undp.org"}

    assert set(clean_errors(block, raw)) == {"page"}


@pytest.mark.django_db
def test_link_to_a_page_only_is_valid(home_page):
    block = LinkBlock()
    value = block.clean(block.to_python({"label": "Home", "page": home_page.pk, "url": ""}))

    assert value["page"].pk == home_page.pk


def test_call_to_action_nests_its_link_in_the_api():
    block = CallToActionBlock()
    raw = {
        "heading": "Follow the Coalition",
        "text": "News from 86 members.",
        "link": {"label": "On X", "page": None, "url": "https://x.com/coalition"},
    }

    api = block.get_api_representation(block.clean(block.to_python(raw)))

    assert api == raw


def test_call_to_action_reports_a_bad_link_on_the_link():
    raw = {"heading": "Follow us", "text": "", "link": {"label": "On X", "page": None, "url": ""}}

    assert set(clean_errors(CallToActionBlock(), raw)) == {"link"}


def test_call_to_action_needs_a_heading():
    raw = {"heading": "", "link": {"label": "On X", "page": None, "url": "https://x.com/c"}}

    assert set(clean_errors(CallToActionBlock(), raw)) == {"heading"}


# StreamBlocks: child names are the JSON `type` ---------------------------------------------------

PARAGRAPH = {"type": "paragraph", "value": "<p>The Coalition remains united.</p>"}
HEADING = {"type": "heading", "value": {"text": "Background", "level": "h2"}}
PULL_QUOTE = {
    "type": "pull_quote",
    "value": {"quote": "We came back.", "attribution": "Amina", "role": "Teacher"},
}
STAT = {"type": "stat", "value": {"value": "86", "label": "members", "source": ""}}
TIMELINE = {
    "type": "timeline_entry",
    "value": {"date": "2014-09-10", "date_precision": "day", "title": "Formed", "text": ""},
}


@pytest.mark.parametrize(
    ("stream_block", "raw"),
    [
        (StatementBodyBlock(), [HEADING, PARAGRAPH]),
        (NewsBodyBlock(), [PARAGRAPH, PULL_QUOTE, STAT]),
        (InFocusBodyBlock(), [HEADING, TIMELINE, PARAGRAPH]),
        (StandardBodyBlock(), [PARAGRAPH, STAT]),
    ],
    ids=["statement", "news", "in-focus", "standard"],
)
def test_stream_keeps_block_types_through_storage_and_api(stream_block, raw):
    value = stream_block.to_python(raw)

    stored = stream_block.get_prep_value(value)
    api = stream_block.get_api_representation(value)

    expected_types = [item["type"] for item in raw]
    assert [item["type"] for item in stored] == expected_types
    assert [item["type"] for item in api] == expected_types
    # Each block keeps a stable id, so front ends can key on it.
    assert all(item["id"] for item in api)


def test_stream_block_order_is_preserved_in_the_api():
    block = NewsBodyBlock()
    api = block.get_api_representation(block.to_python([STAT, PARAGRAPH, STAT]))

    assert [item["type"] for item in api] == ["stat", "paragraph", "stat"]
    assert api[0]["value"] == STAT["value"]


@pytest.mark.parametrize(
    "body_block", [StatementBodyBlock(), NewsBodyBlock()], ids=["statement", "news"]
)
def test_official_text_needs_at_least_one_paragraph(body_block):
    value = body_block.to_python([HEADING])

    with pytest.raises(StreamBlockValidationError) as excinfo:
        body_block.clean(value)

    assert excinfo.value.non_block_errors


@pytest.mark.parametrize(
    "body_block", [StatementBodyBlock(), NewsBodyBlock()], ids=["statement", "news"]
)
def test_official_text_with_a_paragraph_is_valid(body_block):
    value = body_block.clean(body_block.to_python([HEADING, PARAGRAPH]))

    assert [child.block_type for child in value] == ["heading", "paragraph"]
    assert isinstance(value[1].value, RichText)
