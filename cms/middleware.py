"""Middleware adjusted for a headless site."""

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a 404 under /api/ is never redirected to a language-prefixed URL.

    Page URLs carry a language prefix (i18n_patterns), so Django retries unmatched paths as
    /en/…; an API's 404 is an answer, not a miss.
    """

    def process_response(self, request, response):
        if request.path_info.startswith("/api/"):
            return response
        return super().process_response(request, response)
