"""JSON shapes of site-wide content, for the page fields that show it (`api_fields`).

They live here, beside the models, because page models compose them into their public shape;
the API layer only assembles responses.
"""

from rest_framework import serializers

from .blocks import document_representation, embed_representation
from .frontend import is_public, page_reference
from .renditions import FLAG, HERO, image_representation


class TermSerializer(serializers.Serializer):
    """A line of effort, region or group, as filters name it: {"slug", "name"}."""

    slug = serializers.CharField()
    name = serializers.CharField()


class MemberSerializer(serializers.Serializer):
    """{"name", "official_name", "kind", "iso_code", "acronym", "code", "flag"}"""

    name = serializers.CharField()
    official_name = serializers.CharField()
    kind = serializers.CharField()
    iso_code = serializers.CharField()
    acronym = serializers.CharField()
    code = serializers.CharField()
    flag = serializers.SerializerMethodField()

    def get_flag(self, member):
        return image_representation(member.flag, FLAG, alt=f"Flag of {member.name}")


class MeetingHostSerializer(serializers.Serializer):
    member = MemberSerializer()
    role = serializers.CharField()


class MeetingSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    kind = serializers.CharField()
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    city = serializers.CharField()
    format = serializers.CharField()
    participant_count = serializers.IntegerField()
    hosts = MeetingHostSerializer(many=True)


class IssuerSerializer(serializers.Serializer):
    """An issuer of a statement, in the statement's order: {"member": {…}, "role": "co_chair"}."""

    member = MemberSerializer()
    role = serializers.CharField()


class AttachmentSerializer(serializers.BaseSerializer):
    def to_representation(self, attachment):
        return document_representation(attachment.document, title=attachment.title)


class HeroImageSerializer(serializers.BaseSerializer):
    """The page's hero image with its caption and credit; reads `hero_*` fields of the page."""

    def to_representation(self, page):
        return image_representation(
            page.hero_image, HERO, caption=page.hero_caption, credit=page.hero_credit
        )


class ImageSerializer(serializers.BaseSerializer):
    """An image chosen on a page, with its hero renditions."""

    def to_representation(self, image):
        return image_representation(image, HERO)


class EmbedSerializer(serializers.BaseSerializer):
    """A video URL resolved through Wagtail's embed finders."""

    def to_representation(self, url):
        return embed_representation(url) if url else None


class PageReferenceSerializer(serializers.BaseSerializer):
    """Another page as {id, type, title, url, path}; null unless it is public."""

    def to_representation(self, page):
        request = self.context.get("request")
        if page is None or not is_public(page, request):
            return None
        return page_reference(page, request)


class HashtagsSerializer(serializers.BaseSerializer):
    """Hashtags as plain tokens, sorted: ["DefeatDaesh", "ThisGenerationLearns"]."""

    def to_representation(self, page):
        return sorted(item.tag.name for item in page.tagged_items.all())


class SourceSerializer(serializers.BaseSerializer):
    """The original source of republished text: {"name", "url"}; reads `source_*` fields."""

    def to_representation(self, page):
        if not (page.source_name or page.source_url):
            return None
        return {"name": page.source_name, "url": page.source_url or None}
