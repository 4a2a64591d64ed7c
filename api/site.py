"""Everything site-wide a front end needs for one language, in one request."""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from django.conf import settings
from django.utils import timezone, translation

from wagtail.models import Locale

from cms.frontend import current_site, page_path, page_reference
from cms.models import Announcement, LineOfEffort, Member, SiteSettings

from .http import cacheable
from .pages import text_direction
from .params import QueryParams
from .problems import PROBLEM_CONTENT_TYPE
from .schema import INVALID_PARAMETER, LOCALE, SiteSerializer
from .visibility import public_pages, public_reference


def localized(objects, locale):
    """Each object in `locale` where a translation exists, else as it is (the default language)."""
    objects = list(objects)
    model = type(objects[0]) if objects else None
    if model is None:
        return []
    translations = {
        item.translation_key: item
        for item in model.objects.filter(
            locale=locale, translation_key__in=[obj.translation_key for obj in objects]
        )
    }
    return [translations.get(obj.translation_key, obj) for obj in objects]


class SiteApi(APIView):
    """`GET /api/v2/site/?locale=ar`: navigation, settings, announcement, member count, …

    {"locale": "ar", "dir": "rtl", "locales": […], "home": {…}, "navigation": [{…page…}],
     "cookie_notice": {"text", "policy"}, "footer": {"text", "copyright"}, "social_links": […],
     "announcement": {…} | null, "member_count": 90, "lines_of_effort": […]}
    """

    @extend_schema(
        operation_id="get_site",
        summary="Site-wide content for one language",
        parameters=[LOCALE],
        responses={200: SiteSerializer, (400, PROBLEM_CONTENT_TYPE): INVALID_PARAMETER},
    )
    def get(self, request):
        params = QueryParams(request, allowed={"locale"})
        language = params.locale()
        locale = Locale.objects.get(language_code=language)
        site = current_site(request)
        home = site.root_page.get_translation_or_none(locale) or site.root_page
        with translation.override(language):
            body = {
                "locale": language,
                "dir": text_direction(language),
                "locales": self.locales(site, request),
                "home": page_reference(home.specific_deferred, request),
                "navigation": self.navigation(home, request),
                **self.settings_texts(site, locale, request),
                "announcement": self.announcement(locale, request),
                "member_count": Member.objects.count_members(),
                "lines_of_effort": self.lines_of_effort(locale, request),
            }
        return cacheable(Response(body))

    def locales(self, site, request):
        homes = {
            page.locale.language_code: page
            for page in public_pages(
                site.root_page.get_translations(inclusive=True), request
            ).select_related("locale")
        }
        return [
            {
                "code": code,
                "name": name,
                "dir": text_direction(code),
                "home_path": page_path(homes[code], request),
            }
            for code, name in settings.LANGUAGES
            if code in homes
        ]

    def navigation(self, home, request):
        children = public_pages(home.get_children().in_menu(), request).specific()
        return [page_reference(child, request) for child in children]

    def settings_texts(self, site, locale, request):
        site_settings = SiteSettings.for_site(site)
        text = site_settings.text_for(locale)
        policy = public_reference(text.cookie_policy_page if text else None, request)
        return {
            "cookie_notice": {"text": text.cookie_notice if text else "", "policy": policy},
            "footer": {
                "text": text.footer_text if text else "",
                "copyright": text.copyright if text else "",
            },
            "social_links": [
                {"platform": link.platform, "url": link.url, "label": link.label}
                for link in site_settings.social_links.all()
            ],
        }

    def announcement(self, locale, request):
        announcement = (
            Announcement.objects.active(timezone.now())
            .filter(locale=locale)
            .select_related("link_page")
            .first()
        )
        if announcement is None:
            return None
        page = public_reference(announcement.link_page, request)
        url = page["url"] if page else announcement.link_url or None
        return {
            "text": announcement.text,
            "style": announcement.style,
            "key_messages": [block.value for block in announcement.key_messages],
            "link": {"label": announcement.link_label, "url": url} if url else None,
            "active_from": announcement.active_from,
            "active_until": announcement.active_until,
        }

    def lines_of_effort(self, locale, request):
        default = LineOfEffort.objects.filter(locale=Locale.get_default()).select_related("page")
        lines = localized(default, locale)
        return [{"slug": line.slug, "name": line.name, "summary": line.summary} for line in lines]
