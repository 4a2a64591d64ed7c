"""Images as the front end needs them: named renditions by use, each also in WebP.

Every rendition is a crop around the image's focal point (`fill-`), except `full`, which keeps the
whole picture. JSON shape of one image::

    {"id": 7, "alt": "…", "caption": "…", "credit": "…", "width": 1200, "height": 675,
     "renditions": {"card": {"url": "…jpg", "webp": "…webp", "width": 800, "height": 450}, …}}

Listings read that JSON, less caption and credit, from Django's cache (`cached_image_data`):
reading renditions row by row was most of a listing's cost. The signal receivers at the end
forget it when an image or one of its renditions changes.
"""

from django.core.cache import cache
from django.db import transaction

from wagtail.images import get_image_model
from wagtail.images.models import Filter

RENDITION_FILTERS = {
    "thumbnail": "fill-400x225",
    "card": "fill-800x450",
    "hero": "fill-1600x900",
    "full": "max-1600x1600",
}

# Which renditions each use of an image gets.
CARD = ("thumbnail", "card")
HERO = ("card", "hero")
BODY = ("card", "full")
FLAG = ("thumbnail",)
USES = (CARD, HERO, BODY, FLAG)

# What an image's JSON depends on besides its id, as Wagtail keys its own rendition cache: a new
# file or focal point gives a new key even if a change bypassed the signals below.
STAMP_FIELDS = (
    "file_hash",
    "focal_point_x",
    "focal_point_y",
    "focal_point_width",
    "focal_point_height",
)
# Entries for an old file or focal point are never read again: let them expire.
CACHE_SECONDS = 24 * 60 * 60


# Parsed once: Wagtail parses a spec string again on every call, which shows in long listings.
FILTERS = {
    spec: Filter(spec=spec)
    for base in RENDITION_FILTERS.values()
    for spec in (base, f"{base}|format-webp")
}


def filter_specs(uses):
    """All filter specs for a set of rendition names, original format and WebP."""
    specs = []
    for name in uses:
        spec = RENDITION_FILTERS[name]
        specs += [spec, f"{spec}|format-webp"]
    return specs


def image_representation(image, uses, *, alt=None, caption="", credit=""):
    """The image with its renditions for `uses`; None for no image."""
    if image is None:
        return None
    return in_context(image_data(image, uses), alt=alt, caption=caption, credit=credit)


def in_context(data, *, alt=None, caption="", credit=""):
    """An image's own JSON (`image_data`) as one use shows it: its caption, alt text, credit."""
    return {
        "id": data["id"],
        "alt": data["alt"] if alt is None else alt,
        "caption": caption,
        "credit": credit or data["credit"],
        "width": data["width"],
        "height": data["height"],
        "renditions": data["renditions"],
    }


def image_data(image, uses):
    """What an image shows wherever it is used: everything but caption and a use's own alt text."""
    renditions = image.get_renditions(*(FILTERS[spec] for spec in filter_specs(uses)))
    return {
        "id": image.pk,
        "alt": image.default_alt_text,
        "credit": image.credit,
        "width": image.width,
        "height": image.height,
        "renditions": {
            name: {
                "url": renditions[RENDITION_FILTERS[name]].full_url,
                "webp": renditions[f"{RENDITION_FILTERS[name]}|format-webp"].full_url,
                "width": renditions[RENDITION_FILTERS[name]].width,
                "height": renditions[RENDITION_FILTERS[name]].height,
            }
            for name in uses
        },
    }


def cache_key(image_id, stamp, uses):
    return ":".join(["image-json", str(image_id), *map(str, stamp), *uses])


def stamp_of(image):
    return tuple(getattr(image, field) for field in STAMP_FIELDS)


def cached_image_data(stamps, uses):
    """{image id: image_data} for {image id: stamp}, from the cache; the misses are built in two
    queries (images, renditions) and cached, so a warm listing reads no image or rendition row."""
    keys = {image_id: cache_key(image_id, stamp, uses) for image_id, stamp in stamps.items()}
    cached = cache.get_many(keys.values())
    found = {image_id: cached[key] for image_id, key in keys.items() if key in cached}
    missing = stamps.keys() - found.keys()
    if missing:
        images = get_image_model().objects.filter(pk__in=missing)
        fresh = {}
        for image in images.prefetch_renditions(*filter_specs(uses)):
            found[image.pk] = image_data(image, uses)
            fresh[cache_key(image.pk, stamp_of(image), uses)] = found[image.pk]
        cache.set_many(fresh, CACHE_SECONDS)
    return found


def forget_image(image):
    """Drop an image's cached JSON: its title, alt text, credit or renditions changed."""
    keys = [cache_key(image.pk, stamp_of(image), uses) for uses in USES]
    cache.delete_many(keys)
    # A request between the save and the commit may have cached the old JSON again.
    transaction.on_commit(lambda: cache.delete_many(keys))


def image_changed(instance, **kwargs):
    forget_image(instance)


def rendition_deleted(instance, **kwargs):
    image = get_image_model().objects.filter(pk=instance.image_id).first()
    if image is not None:
        forget_image(image)
