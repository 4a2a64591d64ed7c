"""Cards read their images' JSON from the cache: never stale, and no image rows once warm."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.images import get_image_model

from pages.models import NewsPage
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_caches")]


@pytest.fixture
def card_page(news_index, image):
    return factories.publish(factories.NewsPageFactory(parent=news_index, hero_image=image))


def card_image(client):
    response = client.get("/api/v2/news/")
    assert response.status_code == 200
    [card] = response.json()["items"]
    return card["image"]


def test_a_warm_listing_reads_no_image_or_rendition_rows(client, card_page):
    cold = card_image(client)
    with CaptureQueriesContext(connection) as queries:
        warm = card_image(client)

    # The page's row brings the image's stamp (a join); no query reads images or renditions.
    image_model = get_image_model()
    tables = [model._meta.db_table for model in (image_model, image_model.get_rendition_model())]
    assert warm == cold
    assert not [q for q in queries if any(f'FROM "{table}"' in q["sql"] for table in tables)]


def test_an_edited_image_shows_its_new_alt_text_and_credit(client, card_page, image):
    card_image(client)
    image.title = "Ministers in Baghdad"
    image.credit = "Photo: Iraqi MFA"
    image.save()

    shown = card_image(client)

    assert (shown["alt"], shown["credit"]) == ("Ministers in Baghdad", "Photo: Iraqi MFA")


def test_a_new_focal_point_gives_new_renditions_even_when_saved_without_signals(
    client, card_page, image
):
    before = card_image(client)
    # A queryset update sends no signal: the focal point is part of the cache key.
    get_image_model().objects.filter(pk=image.pk).update(
        focal_point_x=10, focal_point_y=10, focal_point_width=4, focal_point_height=4
    )

    after = card_image(client)

    image.refresh_from_db()
    card = image.get_rendition("fill-800x450")
    assert after["renditions"]["card"]["url"] == card.full_url
    assert after["renditions"]["card"]["url"] != before["renditions"]["card"]["url"]


def test_deleted_renditions_are_made_again_not_served_from_the_cache(client, card_page, image):
    card_image(client)
    image.renditions.all().delete()

    shown = card_image(client)

    current = {rendition.filter_spec: rendition.full_url for rendition in image.renditions.all()}
    assert shown["renditions"]["card"]["url"] == current["fill-800x450"]
    assert shown["renditions"]["card"]["webp"] == current["fill-800x450|format-webp"]


def test_a_deleted_image_leaves_the_card_without_one(client, card_page, image):
    card_image(client)
    image.delete()

    assert card_image(client) is None


def test_a_card_shows_its_own_caption_and_credit_over_the_cached_image(client, card_page):
    card_image(client)
    NewsPage.objects.filter(pk=card_page.pk).update(hero_caption="At the talks.", hero_credit="")

    shown = card_image(client)

    assert (shown["caption"], shown["credit"]) == ("At the talks.", "Photo: Italian MFA")
