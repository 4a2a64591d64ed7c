"""Images as the front end needs them: named renditions by use, each also in WebP.

Every rendition is a crop around the image's focal point (`fill-`), except `full`, which keeps the
whole picture. JSON shape of one image::

    {"id": 7, "alt": "…", "caption": "…", "credit": "…", "width": 1200, "height": 675,
     "renditions": {"card": {"url": "…jpg", "webp": "…webp", "width": 800, "height": 450}, …}}
"""

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
    renditions = image.get_renditions(*(FILTERS[spec] for spec in filter_specs(uses)))
    return {
        "id": image.pk,
        "alt": image.default_alt_text if alt is None else alt,
        "caption": caption,
        "credit": credit or image.credit,
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
