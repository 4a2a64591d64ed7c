"""Cards: pages as listings, the home page's streams and “related” show them.

{"id": 12, "type": "pages.StatementPage", "title": "…", "url": "https://…/en/statements/…/",
 "path": "/en/statements/…/", "locale": "en", "date": "2023-06-08", "summary": "…",
 "kind": "joint_communique", "image": {…renditions "thumbnail", "card"…},
 "lines_of_effort": [{"slug": "stabilisation", "name": "Stabilisation"}],
 "hashtags": ["DefeatDaesh"]}
"""

from django.db.models import Prefetch

from wagtail.images import get_image_model

from cms.frontend import page_reference
from cms.renditions import CARD, filter_specs, image_representation
from pages.models import InFocusPage, NewsPage, StatementPage

from .visibility import public_pages

# The field that says what kind of item a card shows, per page type.
KIND_FIELDS = {NewsPage: "news_type", StatementPage: "statement_type", InFocusPage: "format"}
CARD_MODELS = tuple(KIND_FIELDS)


def with_card_data(queryset):
    """Everything a card shows, fetched in a fixed number of queries whatever the page size."""
    images = get_image_model().objects.prefetch_renditions(*filter_specs(CARD))
    return (
        queryset.defer_streamfields()
        .select_related("locale")
        .prefetch_related(
            Prefetch("hero_image", queryset=images), "lines_of_effort", "tagged_items__tag"
        )
    )


def page_card(page, request=None):
    return {
        **page_reference(page, request),
        "locale": page.locale.language_code,
        "date": page.date,
        "summary": page.summary,
        "kind": getattr(page, KIND_FIELDS[type(page)]),
        "image": image_representation(
            page.hero_image, CARD, caption=page.hero_caption, credit=page.hero_credit
        ),
        "lines_of_effort": [
            {"slug": line.slug, "name": line.name} for line in page.lines_of_effort.all()
        ],
        "hashtags": sorted(item.tag.name for item in page.tagged_items.all()),
    }


def cards_for(page_ids, request):
    """Cards for the public pages among `page_ids`, in the order given."""
    by_id = {}
    for model in CARD_MODELS:
        pages = public_pages(model.objects.filter(pk__in=page_ids), request)
        by_id.update((page.pk, page) for page in with_card_data(pages))
    return [page_card(by_id[pk], request) for pk in page_ids if pk in by_id]
