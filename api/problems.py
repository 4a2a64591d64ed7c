"""Errors as RFC 9457 problem details, naming what was wrong: never a 500, never a traceback.

{"type": "about:blank", "title": "Invalid query parameter", "status": 400,
 "detail": "limit must be a whole number from 1 to 100.", "parameter": "limit"}
"""

import logging

from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.views import exception_handler

from django.db import InterfaceError, OperationalError
from django.http import JsonResponse
from django.views import defaults

logger = logging.getLogger(__name__)

PROBLEM_CONTENT_TYPE = "application/problem+json"


class InvalidParameter(APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    title = "Invalid query parameter"

    def __init__(self, parameter, detail):
        self.parameter = parameter
        super().__init__(detail)


class NotFound(APIException):
    status_code = status.HTTP_404_NOT_FOUND
    title = "Not found"


class DatabaseUnavailable(APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    title = "Service unavailable"
    default_detail = "The content database cannot be reached just now; try again shortly."
    retry_after = 5  # seconds: a restart or fail-over


def problem_exception_handler(exc, context):
    """DRF's handler, with every error body reshaped into problem details; a database that
    cannot be reached (down, restarting, out of connections) is a 503 to retry, not a 500."""
    if isinstance(exc, OperationalError | InterfaceError):
        logger.error("The database could not answer: %s", exc)
        exc = DatabaseUnavailable()
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, DatabaseUnavailable):
        response["Retry-After"] = str(exc.retry_after)
    detail = exc.detail if isinstance(exc, APIException) else response.data
    response.data = {
        "type": "about:blank",
        "title": getattr(exc, "title", response.status_text),
        "status": response.status_code,
        "detail": detail if isinstance(detail, str) else str(detail),
    }
    if parameter := getattr(exc, "parameter", None):
        response.data["parameter"] = parameter
    response.content_type = PROBLEM_CONTENT_TYPE
    return response


def not_found(request, exception):
    """Django's 404 handler: problem details under /api/ (a path no route matches, such as an
    id that is not one), the usual page elsewhere."""
    if not request.path.startswith("/api/"):
        return defaults.page_not_found(request, exception)
    body = {
        "type": "about:blank",
        "title": "Not found",
        "status": 404,
        "detail": f"No API endpoint or object at {request.path}.",
    }
    return JsonResponse(body, status=404, content_type=PROBLEM_CONTENT_TYPE)
