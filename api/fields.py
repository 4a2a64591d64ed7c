"""A page's content fields, serialised as its model's `api_fields` declare them."""

import functools

from rest_framework import serializers

from wagtail.api.v2.serializers import RichTextFieldSerializer, StreamField
from wagtail.fields import RichTextField
from wagtail.fields import StreamField as StreamModelField

from cms.security import sanitize_db_html


class SafeRichTextFieldSerializer(RichTextFieldSerializer):
    """A RichTextField in every rich_text_format, from sanitised HTML (as cms.security's
    SafeRichTextBlock does for rich text blocks)."""

    def to_representation(self, value):
        return super().to_representation(sanitize_db_html(value))


def _default_field(model, name):
    model_field = model._meta.get_field(name)
    if isinstance(model_field, StreamModelField):
        return StreamField()
    if isinstance(model_field, RichTextField):
        return SafeRichTextFieldSerializer()
    return serializers.ReadOnlyField()


@functools.cache
def fields_serializer_class(model):
    """A serializer with one field per entry of `model.api_fields`, built once per model."""
    declared = {
        api_field.name: api_field.serializer or _default_field(model, api_field.name)
        for api_field in model.api_fields
    }
    name = f"{model.__name__}FieldsSerializer"
    serializer_class = type(name, (serializers.Serializer,), dict(declared))
    # DRF orders declared fields by when each field object was made; the model's order is the
    # contract, so it is restored here.
    serializer_class._declared_fields = declared
    return serializer_class


def page_fields(page, context):
    return fields_serializer_class(type(page))(page, context=context).data
