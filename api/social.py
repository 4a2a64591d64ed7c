"""The social wall: approved posts only, pinned first, newest next, with a “load more” cursor."""

import datetime

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from django.db.models import Q

from wagtail.models import Locale

from cms.models import SocialPost
from cms.renditions import CARD, image_representation

from .http import cacheable
from .params import MAX_ID, QueryParams, encode_cursor
from .problems import PROBLEM_CONTENT_TYPE, InvalidParameter
from .schema import CURSOR, INVALID_PARAMETER, LOCALE, SocialPostListSerializer, limit_parameter

DEFAULT_LIMIT = 6
MAX_LIMIT = 50


def post_representation(post):
    return {
        "id": post.pk,
        "platform": post.account.platform,
        "account": {
            "handle": post.account.handle,
            "name": post.account.display_name,
            "url": post.account.profile_url,
        },
        "text": post.text,
        "image": image_representation(post.image, CARD, alt=post.image_alt),
        "hashtags": sorted(item.tag.name for item in post.tagged_items.all()),
        "posted_at": post.posted_at,
        "permalink": post.permalink,
        "pinned": post.pinned,
    }


class SocialPostListApi(APIView):
    """`GET /api/v2/social-posts/?locale=en&limit=6&cursor=…` → {"items": […], "next": "…"}"""

    @extend_schema(
        operation_id="list_social_posts",
        summary="The social wall",
        description="Approved posts only: pinned first, then newest first.",
        parameters=[LOCALE, limit_parameter(DEFAULT_LIMIT, MAX_LIMIT), CURSOR],
        responses={200: SocialPostListSerializer, (400, PROBLEM_CONTENT_TYPE): INVALID_PARAMETER},
    )
    def get(self, request):
        params = QueryParams(request, allowed={"locale", "limit", "cursor"})
        locale = Locale.objects.get(language_code=params.locale())
        limit = params.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
        posts = SocialPost.objects.for_wall().filter(locale=locale)
        if (cursor := params.cursor()) is not None:
            posts = posts.filter(after_position(cursor))
        posts = list(
            posts.select_related("account", "image").prefetch_related(
                "tagged_items__tag", "image__renditions"
            )[: limit + 1]
        )
        next_cursor = None
        if len(posts) > limit:
            last = posts[limit - 1]
            next_cursor = encode_cursor([last.pinned, last.posted_at.isoformat(), last.pk])
        items = [post_representation(post) for post in posts[:limit]]
        return cacheable(Response({"items": items, "next": next_cursor}))


def after_position(cursor):
    """Posts after (pinned, posted_at, id) in wall order: pinned first, then newest first."""
    try:
        pinned, posted_at, pk = cursor
        # Compared in UTC by the database: a time that cannot be one is not a position.
        posted_at = datetime.datetime.fromisoformat(posted_at).astimezone(datetime.UTC)
        if not isinstance(pinned, bool) or not isinstance(pk, int) or not 0 < pk <= MAX_ID:
            raise TypeError
    except (TypeError, ValueError, OverflowError):
        raise InvalidParameter("cursor", "“cursor” is not a cursor this API issued.") from None
    later_in_group = Q(pinned=pinned) & (
        Q(posted_at__lt=posted_at) | Q(posted_at=posted_at, pk__lt=pk)
    )
    return later_in_group | Q(pinned=False) if pinned else later_in_group
