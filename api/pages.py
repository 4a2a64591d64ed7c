"""A whole page by its public path, in one request: what the front end renders a URL from."""

from urllib.parse import unquote, urlsplit

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from django.utils import translation

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page

from cms.frontend import current_site, frontend_url, page_path, page_reference
from cms.renditions import HERO, image_representation

from .cards import cards_for
from .fields import page_fields
from .http import cacheable
from .params import LANGUAGE_CODES, QueryParams
from .problems import PROBLEM_CONTENT_TYPE, InvalidParameter, NotFound
from .schema import INVALID_PARAMETER, PAGE_OR_REDIRECT, problem, text_parameter
from .visibility import public_pages

RTL_LANGUAGES = {"ar"}


def text_direction(language_code):
    return "rtl" if language_code in RTL_LANGUAGES else "ltr"


def split_language(path):
    """“/ar/statements/x/” → ("ar", "statements/x/"); None when the path has no language prefix."""
    language, _, rest = path.lstrip("/").partition("/")
    return (language, rest) if language in LANGUAGE_CODES else None


def page_document(page, request):
    """The page as the front end renders it: envelope, then the type's own fields, then related."""
    language = page.locale.language_code
    with translation.override(language):
        fields = page_fields(page, {"request": request})
    related_ids = [block.value.pk for block in getattr(page, "related", []) if block.value]
    social_image = page.social_image or getattr(page, "hero_image", None)
    return {
        **page_reference(page, request),
        "locale": language,
        "dir": text_direction(language),
        "meta": {
            "seo_title": page.seo_title or page.title,
            "search_description": page.search_description or page.summary,
            "canonical_url": frontend_url(page, request),
            "social_image": image_representation(social_image, HERO),
            "first_published_at": page.first_published_at,
            "last_published_at": page.last_published_at,
        },
        "breadcrumbs": breadcrumbs(page, request),
        "translations": translations(page, request),
        **fields,
        "related": cards_for(related_ids, request),
    }


def breadcrumbs(page, request):
    """The public ancestors from the language's home page down to the parent."""
    ancestors = public_pages(page.get_ancestors().filter(depth__gt=1), request)
    return [page_reference(ancestor, request) for ancestor in ancestors]


def translations(page, request):
    others = public_pages(page.get_translations(), request).select_related("locale")
    return [
        {
            "locale": other.locale.language_code,
            "title": other.title,
            "url": frontend_url(other, request),
            "path": page_path(other, request),
        }
        for other in others.order_by("locale__language_code")
    ]


def page_cache_tags(page, related_ids):
    """What the page's answer shows (api.cache): the page, its translations, its ancestors (as
    breadcrumbs and in its URL) and its related cards. Pages its blocks and rich text link to are
    found from the other side, with Wagtail's reference index (api.invalidation)."""
    ancestor_paths = (page.path[:end] for end in range(page.steplen, len(page.path), page.steplen))
    return {
        f"page:{page.pk}",
        f"translation:{page.translation_key}",
        *(f"path:{path}" for path in ancestor_paths),
        *(f"page:{page_id}" for page_id in related_ids),
    }


def fetch_public_page(queryset, request):
    """The one public page in `queryset`, specific, with what its fields show prefetched."""
    found = public_pages(queryset, request).first()
    if found is None:
        return None
    model = found.specific_class
    return model.objects.prefetch_related(*model.api_prefetch_related).get(pk=found.pk)


class PageByPathApi(APIView):
    """`GET /api/v2/pages/by-path/?path=/ar/<slug>/`: the page, or where the path redirects."""

    @extend_schema(
        operation_id="get_page_by_path",
        summary="A page by its path",
        description="The whole page a front-end URL shows, or where that path redirects.",
        parameters=[
            text_parameter("path", "The page's path, e.g. `/ar/statements/…/`.", 1000, True)
        ],
        responses={
            200: PAGE_OR_REDIRECT,
            (400, PROBLEM_CONTENT_TYPE): INVALID_PARAMETER,
            (404, PROBLEM_CONTENT_TYPE): problem("No public page at the path, nor a redirect."),
        },
    )
    def get(self, request):
        params = QueryParams(request, allowed={"path"})
        path = params.text("path", max_length=1000)
        if path is None:
            raise InvalidParameter("path", "“path” is required, e.g. /en/statements/.")
        path = unquote(urlsplit(path).path)
        if "\x00" in path:
            raise InvalidParameter("path", "“path” must not contain NUL characters.")
        page = self.find_page(path, request)
        if page is None:
            redirect = self.find_redirect(params.raw["path"], request)
            if redirect is None:
                raise NotFound(f"No public page at {path}.")
            response = cacheable(Response(redirect))
            response.cache_tags = {"redirects"}
            return response
        document = page_document(page, request)
        response = cacheable(Response(document))
        response.cache_tags = page_cache_tags(page, [card["id"] for card in document["related"]])
        return response

    def find_page(self, path, request):
        split = split_language(path)
        if split is None:
            return None
        language, rest = split
        if rest and not rest.endswith("/"):
            rest += "/"
        site = current_site(request)
        locale = Locale.objects.filter(language_code=language).first()
        home = site.root_page.get_translation_or_none(locale) if locale else None
        if home is None:
            return None
        url_path = f"{home.url_path}{rest}"
        # url_path has no index; slug has, and narrows the lookup to a handful of rows.
        slug = url_path.rstrip("/").rpartition("/")[2]
        return fetch_public_page(
            Page.objects.filter(slug=slug, url_path=url_path, locale=locale), request
        )

    def find_redirect(self, path, request):
        site = current_site(request)
        redirect = (
            Redirect.get_for_site(site)
            .filter(old_path=Redirect.normalise_path(path))
            .select_related("redirect_page")
            .first()
        )
        if redirect is None:
            return None
        if redirect.redirect_page_id:
            target = redirect.redirect_page
            if public_pages(Page.objects.filter(pk=target.pk), request).first() is None:
                return None
            location = frontend_url(target.specific_deferred, request)
        else:
            location = redirect.redirect_link
        return {"type": "redirect", "location": location, "is_permanent": redirect.is_permanent}
