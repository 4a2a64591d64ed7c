"""Who is asking, and how often: partner keys and rate limits.

Partner keys are Wagtail's own API tokens (`wagtail.models.APIToken`): administrators issue them
to a partner's user account under Settings → API tokens, where the key is shown once, only its
digest is stored, its last use is recorded and revoking it takes effect on the next request.
Reading needs no key; a key raises the rate limit and the page size.
"""

import math

from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.throttling import SimpleRateThrottle

from django.conf import settings

from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.models import APIToken


class PartnerKeyAuthentication(BaseAuthentication):
    """`Authorization: Bearer <key>`. A key that is sent but not valid is an error, not anonymity:
    a partner whose key was revoked learns it at once instead of silently losing its allowance."""

    def authenticate(self, request):
        header = get_authorization_header(request).split()
        if not header:
            return None
        if len(header) != 2 or header[0].lower() != b"bearer":
            raise AuthenticationFailed("Send a partner key as “Authorization: Bearer <key>”.")
        key = header[1].decode("latin-1")
        # The format check is offline; Wagtail's resolver also records when the key was last used.
        token = APIToken.validate_token_format(key) and BearerTokenAuth().authenticate(
            request._request, key
        )
        if not token:
            raise AuthenticationFailed("This partner key is not valid, or it has been revoked.")
        return token.user, token

    def authenticate_header(self, request):
        return 'Bearer realm="partners"'


class PartnerRateThrottle(SimpleRateThrottle):
    """One sliding-window allowance per key, or per client address for requests without one.

    The allowance covers the whole partner API, so changing a URL's case or adding a slash does
    not open a new one; the address is the connection's own unless TRUSTED_PROXY_COUNT proxies
    are configured (DRF's NUM_PROXIES), so a made-up X-Forwarded-For header changes nothing.
    """

    cache_format = "partners-rate:%s"

    def __init__(self):
        # The rate depends on the request (key or not); it is chosen in allow_request.
        self.history = []

    def allow_request(self, request, view):
        # Also called with a plain Django request, for answers served from the cache.
        keyed = getattr(request, "auth", None) is not None
        self.rate = settings.PARTNER_API_KEY_RATE if keyed else settings.PARTNER_API_RATE
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request, view):
        token = getattr(request, "auth", None)
        client = f"key-{token.pk}" if token else f"ip-{self.get_ident(request)}"
        return self.cache_format % client

    def headers(self):
        """RateLimit-* headers (IETF httpapi draft): the allowance, what is left, when it resets."""
        remaining = max(self.num_requests - len(self.history), 0)
        oldest = self.history[-1] if self.history else self.now
        reset = max(math.ceil(self.duration - (self.now - oldest)), 0)
        return {
            "RateLimit-Limit": str(self.num_requests),
            "RateLimit-Remaining": str(remaining),
            "RateLimit-Reset": str(reset),
            "RateLimit-Policy": f"{self.num_requests};w={self.duration}",
        }


class RateLimitHeadersMiddleware:
    """Puts the RateLimit headers of a partner request, kept on the request, on its answer.

    They reach answers that no view wrote: a 304, which Django's ConditionalGetMiddleware builds
    with only the headers HTTP caching needs (this sits outside it), and an answer from the cache
    (api.cache), which stores no request's own allowance.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        for name, value in getattr(request, "rate_limit_headers", {}).items():
            if not response.has_header(name):
                response[name] = value
        return response
