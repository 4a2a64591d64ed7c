"""The image model: Wagtail's, plus the credit a newsroom prints under every photo."""

from django.db import models

from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CustomImage(AbstractImage):
    credit = models.CharField(
        max_length=120,
        blank=True,
        help_text="Default credit, e.g. “Official State Department photo by …”. "
        "A block or page can override it.",
    )

    admin_form_fields = (*Image.admin_form_fields, "credit")


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
