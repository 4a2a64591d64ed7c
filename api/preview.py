"""An editor's unsaved page, for the front end's preview route, to whoever holds a fresh token."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.response import Response
from rest_framework.views import APIView

from django.conf import settings
from django.core.signing import BadSignature, SignatureExpired

from wagtail_headless_preview.models import PagePreview

from pages.models.base import BasePage

from .http import never_cached
from .pages import page_document
from .params import QueryParams
from .problems import PROBLEM_CONTENT_TYPE, InvalidParameter, NotFound
from .schema import INVALID_PARAMETER, PreviewDocumentSerializer, problem, text_parameter


class PreviewTokenRejected(APIException):
    status_code = status.HTTP_403_FORBIDDEN
    title = "Preview token rejected"
    parameter = "token"


def preview_page(token, content_type=None):
    """The unsaved page `token` was issued for, while the token is younger than the max age.

    wagtail-headless-preview signs its tokens with a timestamp but checks only the signature,
    and keeps what it stored for a day or more; the age is checked here, with its signer.
    """
    try:
        BasePage.get_preview_signer().unsign(token, max_age=settings.PREVIEW_TOKEN_MAX_AGE)
    except SignatureExpired:
        raise PreviewTokenRejected(
            "This preview link has expired: press Preview in the admin again."
        ) from None
    except BadSignature:
        raise PreviewTokenRejected("This is not a preview token the admin issued.") from None
    previews = PagePreview.objects.filter(token=token)
    if content_type is not None:
        app_label, _, model = content_type.lower().partition(".")
        previews = previews.filter(content_type__app_label=app_label, content_type__model=model)
    preview = previews.first()
    return preview.as_page() if preview else None


class PagePreviewApi(APIView):
    """`GET /api/v2/preview/?token=…`: the draft as the by-path endpoint shows a page, with
    `"preview": true`; never cached. The front end's preview route is given `token` (and
    `content_type`, which may be passed on) by the admin.
    """

    @extend_schema(
        operation_id="get_page_preview",
        summary="An editor's preview",
        description="The unsaved page a preview token was issued for; never cached.",
        parameters=[
            text_parameter("token", "The token in the preview link.", 500, required=True),
            text_parameter("content_type", "The page type, e.g. `pages.statementpage`."),
        ],
        responses={
            200: PreviewDocumentSerializer,
            (400, PROBLEM_CONTENT_TYPE): INVALID_PARAMETER,
            (403, PROBLEM_CONTENT_TYPE): problem("The token is expired or not the admin's."),
            (404, PROBLEM_CONTENT_TYPE): problem("Nothing to preview for this token."),
        },
    )
    def get(self, request):
        params = QueryParams(request, allowed={"token", "content_type"})
        token = params.text("token", max_length=500)
        if token is None:
            raise InvalidParameter("token", "“token” is required: the one in the preview link.")
        page = preview_page(token, params.text("content_type"))
        if page is None:
            raise NotFound("Nothing to preview for this token: press Preview in the admin again.")
        return never_cached(Response({**page_document(page, request), "preview": True}))
