"""Strict query parameters: each endpoint names what it accepts; anything else is a 400.

Hand-written because DRF and django-filter ignore unknown parameters silently, while partners and
front ends are better served by an error that names the mistake.
"""

import base64
import binascii
import datetime
import json
import re
import uuid

from django.conf import settings

from .problems import InvalidParameter

LANGUAGE_CODES = [code for code, _ in settings.LANGUAGES]
MAX_TEXT_LENGTH = 200
INTEGER = re.compile(r"-?[0-9]{1,19}")
# What a search may contain: words in any script, digits, hyphens and “#”. Quotes and other
# punctuation are search-engine syntax on some backends (SQLite FTS5), so they become spaces.
SEARCH_NOISE = re.compile(r"[^\w\s#-]")
MAX_ID = 2**63 - 1
MAX_SEARCH_WORDS = 20
# What `str.strip()` removes, as a regular-expression class that Python and ECMA-262 (the schema's
# dialect) read alike: their `\s` differ (U+001C–U+001F, U+0085, U+FEFF).
SPACE = r"\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# The text `QueryParams.text` takes, for the schema: something besides spaces, and no NUL.
TEXT_PATTERN = rf"^[^\x00]*[^\x00{SPACE}][^\x00]*$"


class QueryParams:
    """Read a request's query string against the parameters an endpoint allows."""

    def __init__(self, request, allowed):
        self.raw = request.query_params
        for name in self.raw:
            if name not in allowed:
                raise InvalidParameter(
                    name, f"Unknown parameter “{name}”. Allowed: {', '.join(sorted(allowed))}."
                )
            if len(self.raw.getlist(name)) > 1:
                raise InvalidParameter(name, f"“{name}” may be given once.")

    def text(self, name, default=None, max_length=MAX_TEXT_LENGTH):
        raw = self.raw.get(name)
        if raw is None:
            return default
        value = raw.strip()
        if not value:
            raise InvalidParameter(name, f"“{name}” must not be empty.")
        # The length as sent, as the schema's maxLength counts it.
        if len(raw) > max_length or "\x00" in value:
            raise InvalidParameter(
                name, f"“{name}” must be at most {max_length} characters of text."
            )
        return value

    def choice(self, name, choices, default=None):
        value = self.text(name)
        if value is None:
            return default
        if value not in choices:
            raise InvalidParameter(name, f"“{name}” must be one of: {', '.join(choices)}.")
        return value

    def integer(self, name, default, minimum, maximum):
        value = self.raw.get(name)
        if value is None:
            return default
        value = value.strip()
        if not INTEGER.fullmatch(value):
            raise InvalidParameter(
                name, f"“{name}” must be a whole number from {minimum} to {maximum}."
            )
        number = int(value)
        if not minimum <= number <= maximum:
            raise InvalidParameter(
                name, f"“{name}” must be a whole number from {minimum} to {maximum}."
            )
        return number

    def locale(self, name="locale"):
        return self.choice(name, LANGUAGE_CODES, default=settings.LANGUAGE_CODE)

    def search(self, name="q"):
        query = self.text(name)
        if query is None:
            return None
        words = SEARCH_NOISE.sub(" ", query).split()
        if len(words) > MAX_SEARCH_WORDS:
            raise InvalidParameter(name, f"“{name}” may have at most {MAX_SEARCH_WORDS} words.")
        return " ".join(words)  # empty when it held only punctuation: nothing matches

    def uuid(self, name):
        value = self.text(name, max_length=36)
        if value is None:
            return None
        try:
            return uuid.UUID(value)
        except ValueError:
            raise InvalidParameter(name, f"“{name}” must be a UUID.") from None

    def date(self, name):
        value = self.text(name, max_length=10)
        if value is None:
            return None
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise InvalidParameter(name, f"“{name}” must be a date: YYYY-MM-DD.") from None

    def datetime(self, name):
        """An ISO 8601 date and time; one without a time zone is taken as UTC."""
        value = self.text(name, max_length=40)
        if value is None:
            return None
        try:
            moment = datetime.datetime.fromisoformat(value)
            if moment.tzinfo is None:
                return moment.replace(tzinfo=datetime.UTC)
            return moment.astimezone(datetime.UTC)  # overflows at the ends of the calendar
        except (ValueError, OverflowError):
            raise InvalidParameter(
                name, f"“{name}” must be an ISO 8601 time, e.g. 2024-05-01T12:00:00Z."
            ) from None

    def cursor(self, name="cursor"):
        """An opaque position from a previous response's `next` link."""
        value = self.text(name, max_length=500)
        if value is None:
            return None
        try:
            position = json.loads(base64.urlsafe_b64decode(value.encode()))
        except (binascii.Error, ValueError, UnicodeDecodeError):
            position = None
        if not isinstance(position, dict | list):  # what encode_cursor makes
            raise InvalidParameter(name, f"“{name}” is not a cursor this API issued.")
        return position


def encode_cursor(position):
    return base64.urlsafe_b64encode(json.dumps(position, default=str).encode()).decode()


def parse_date(value, name):
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise InvalidParameter(name, f"“{name}” is not a cursor this API issued.") from None
