"""URLs: the admin, documents, images and the APIs. Pages are rendered by the front end."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from .health import HealthView

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/", include("api.urls")),
    path("health/", HealthView.as_view(), name="health"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Pages live under a language prefix (/en/…, /ar/…, /fr/…), as on the public site; Wagtail
# derives page URLs from these patterns.
urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=True)

handler404 = "api.problems.not_found"
