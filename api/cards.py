"""Cards: pages as listings, the home page's streams and “related” show them.

{"id": 12, "type": "pages.StatementPage", "title": "…", "url": "https://…/en/statements/…/",
 "path": "/en/statements/…/", "locale": "en", "date": "2023-06-08", "summary": "…",
 "kind": "joint_communique", "image": {…renditions "thumbnail", "card"…},
 "lines_of_effort": [{"slug": "stabilisation", "name": "Stabilisation"}],
 "hashtags": ["DefeatDaesh"]}
"""

from collections import defaultdict

from django.db.models import F

from cms.frontend import page_reference
from cms.models import LineOfEffort
from cms.renditions import CARD, STAMP_FIELDS, cached_image_data, in_context
from pages.models import InFocusPage, NewsPage, StatementPage

from .visibility import public_pages

# The field that says what kind of item a card shows, per page type.
KIND_FIELDS = {NewsPage: "news_type", StatementPage: "statement_type", InFocusPage: "format"}
CARD_MODELS = tuple(KIND_FIELDS)
# The page columns a card shows (and `page_reference` reads); the rest stay in the database.
CARD_COLUMNS = [
    "title",
    "url_path",
    "content_type",
    "date",
    "summary",
    "hero_image",
    "hero_caption",
    "hero_credit",
]
# The hero image's stamp (cms.renditions) comes with the page: its JSON is then read from the
# cache, and a warm listing loads no image or rendition.
IMAGE_STAMP = {f"image_{field}": F(f"hero_image__{field}") for field in STAMP_FIELDS}


def cards(querysets, page_ids, request):
    """Cards for the pages in `querysets` among `page_ids`, in the order given.

    A fixed number of queries whatever the number of cards, and only plain rows besides the
    pages themselves: model instances for terms, tags and renditions cost more than the queries.
    """
    by_id = {}
    for queryset in querysets:
        model = queryset.model
        pages = list(
            queryset.filter(pk__in=page_ids)
            .only(*CARD_COLUMNS, KIND_FIELDS[model])
            .annotate(language_code=F("locale__language_code"), **IMAGE_STAMP)
        )
        if not pages:
            continue
        ids = [page.pk for page in pages]
        lines, hashtags = lines_of_effort(model, ids), hashtags_of(model, ids)
        images = cached_image_data(
            {
                page.hero_image_id: tuple(getattr(page, name) for name in IMAGE_STAMP)
                for page in pages
                if page.hero_image_id
            },
            CARD,
        )
        for page in pages:
            by_id[page.pk] = page_card(
                page, request, images.get(page.hero_image_id), lines[page.pk], hashtags[page.pk]
            )
    return [by_id[pk] for pk in page_ids if pk in by_id]


def cards_for(page_ids, request):
    """Cards for the public pages among `page_ids`, in the order given."""
    querysets = [public_pages(model.objects.all(), request) for model in CARD_MODELS]
    return cards(querysets, page_ids, request)


def page_card(page, request, image, lines, hashtags):
    return {
        **page_reference(page, request),
        "locale": page.language_code,
        "date": page.date,
        "summary": page.summary,
        "kind": getattr(page, KIND_FIELDS[type(page)]),
        "image": None
        if image is None
        else in_context(image, caption=page.hero_caption, credit=page.hero_credit),
        "lines_of_effort": lines,
        "hashtags": sorted(hashtags),
    }


def lines_of_effort(model, page_ids):
    """{page id: [{slug, name}, …]} in the lines' own order."""
    pages = model._meta.get_field("lines_of_effort").related_query_name()
    rows = LineOfEffort.objects.filter(**{f"{pages}__in": page_ids})
    by_page = defaultdict(list)
    for page_id, slug, name in rows.values_list(pages, "slug", "name"):
        by_page[page_id].append({"slug": slug, "name": name})
    return by_page


def hashtags_of(model, page_ids):
    """{page id: [name, …]}"""
    tagged_items = model._meta.get_field("tagged_items").related_model.objects
    rows = tagged_items.filter(content_object_id__in=page_ids)
    by_page = defaultdict(list)
    for page_id, name in rows.values_list("content_object_id", "tag__name"):
        by_page[page_id].append(name)
    return by_page
