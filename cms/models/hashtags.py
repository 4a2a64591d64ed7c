"""Hashtags: plain tokens (“DefeatDaesh”), never stored with their “#”."""

from taggit.models import TagBase
from taggit.utils import _parse_tags


def normalise_hashtag(name):
    return name.strip().lstrip("#")


def parse_hashtags(tag_string):
    """Read the admin's tag field (TAGGIT_TAGS_FROM_STRING): “#DefeatDaesh” is “DefeatDaesh”."""
    return sorted({normalise_hashtag(name) for name in _parse_tags(tag_string)} - {""})


class Hashtag(TagBase):
    def save(self, *args, **kwargs):
        self.name = normalise_hashtag(self.name)
        super().save(*args, **kwargs)

    class Meta:
        verbose_name = "hashtag"
        verbose_name_plural = "hashtags"
