"""Hashtags: plain tokens (“DefeatDaesh”), never stored with their “#”."""

from taggit.models import TagBase


class Hashtag(TagBase):
    def save(self, *args, **kwargs):
        self.name = self.name.strip().lstrip("#")
        super().save(*args, **kwargs)

    class Meta:
        verbose_name = "hashtag"
        verbose_name_plural = "hashtags"
