"""The shared StreamField vocabulary, composed into one named StreamBlock per page role.

Child names inside each StreamBlock (`paragraph`, `image`, `pull_quote`, …) are the JSON `type`
of the block in the API: renaming one is a breaking API change.
"""

import logging

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.embeds.embeds import get_embed
from wagtail.embeds.exceptions import EmbedException
from wagtail.images.blocks import ImageBlock

from .frontend import absolute_document_url, is_public, page_reference
from .renditions import BODY, image_representation
from .security import SafeRichTextBlock

logger = logging.getLogger(__name__)

# Rich text stays editorial: no inline images or raw HTML; links and documents are allowed.
RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "embed"]
INLINE_RICH_TEXT_FEATURES = ["bold", "italic", "link"]


class PageReferenceBlock(blocks.PageChooserBlock):
    """A chosen page, in the API as {id, type, title, url, path}; null unless it is public."""

    def get_api_representation(self, value, context=None):
        request = (context or {}).get("request")
        if value is None or not is_public(value, request):
            return None
        return page_reference(value.specific_deferred, request)


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120, help_text="A short section heading (120 characters).")
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section (H2)"), ("h3", "Subsection (H3)")],
        default="h2",
        help_text="Use H2 for main sections and H3 inside them.",
    )

    class Meta:
        icon = "title"
        group = "Text"
        form_classname = "compact-struct"


class ParagraphBlock(SafeRichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        group = "Text"
        help_text = "Body text. Use lists for numbered paragraphs; link to pages rather than URLs."


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(help_text="Alt text describes the image for people who cannot see it.")
    caption = blocks.CharBlock(
        required=False, max_length=250, help_text="Shown under the image (250 characters)."
    )
    credit = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text="Photographer or source, e.g. “Photo: UNDP Iraq”. Blank: the image's own credit.",
    )

    class Meta:
        icon = "image"
        group = "Media"

    def get_api_representation(self, value, context=None):
        image = value["image"]
        if image is None:
            return None
        alt = (
            ""
            if getattr(image, "decorative", False)
            else image.contextual_alt_text or image.default_alt_text
        )
        return image_representation(
            image, BODY, alt=alt, caption=value["caption"], credit=value["credit"]
        )


class PullQuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(max_length=400, help_text="The words quoted (400 characters).")
    attribution = blocks.CharBlock(
        required=False, max_length=100, help_text="Who said it, e.g. “Amina Hassan”."
    )
    role = blocks.CharBlock(
        required=False, max_length=120, help_text="Their role, e.g. “Mukhtar of Hawija”."
    )

    class Meta:
        icon = "openquote"
        group = "Text"


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, max_length=120)
    images = blocks.ListBlock(CaptionedImageBlock(), min_num=2, max_num=24)

    class Meta:
        icon = "copy"
        group = "Media"
        help_text = "A photo essay: two to 24 images, each with its own caption and credit."


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(help_text="A YouTube or Vimeo link.")
    caption = blocks.CharBlock(required=False, max_length=250)
    transcript = SafeRichTextBlock(
        required=False,
        features=INLINE_RICH_TEXT_FEATURES,
        help_text="A transcript makes the video accessible and searchable.",
    )

    class Meta:
        icon = "media"
        group = "Media"

    def get_api_representation(self, value, context=None):
        representation = super().get_api_representation(value, context)
        video = value["video"]
        representation["video"] = embed_representation(video.url) if video else None
        return representation


def embed_representation(url):
    """The embed resolved through Wagtail's finders (and its embed cache): HTML, size, thumbnail.

    A provider that cannot be reached leaves just the URL, so the page still renders.
    """
    try:
        embed = get_embed(url)
    except EmbedException as error:
        logger.warning("Embed not resolved: %s (%s)", url, error.__class__.__name__)
        return {
            "url": url,
            "html": None,
            "provider": None,
            "thumbnail": None,
            "width": None,
            "height": None,
            "title": None,
        }
    return {
        "url": url,
        "html": embed.html,
        "provider": embed.provider_name,
        "thumbnail": embed.thumbnail_url,
        "width": embed.width,
        "height": embed.height,
        "title": embed.title,
    }


class StatBlock(blocks.StructBlock):
    value = blocks.CharBlock(max_length=20, help_text="The figure, e.g. “7.9 million” or “86”.")
    label = blocks.CharBlock(max_length=120, help_text="What it counts (120 characters).")
    source = blocks.CharBlock(required=False, max_length=120, help_text="Where it comes from.")

    class Meta:
        icon = "table"
        group = "Data"


class TimelineEntryBlock(blocks.StructBlock):
    date = blocks.DateBlock(help_text="When it happened.")
    date_precision = blocks.ChoiceBlock(
        choices=[("day", "Day"), ("month", "Month"), ("year", "Year")],
        default="day",
        help_text="How exactly the date is known: a year-only event is shown as the year.",
    )
    title = blocks.CharBlock(max_length=120)
    text = SafeRichTextBlock(required=False, features=INLINE_RICH_TEXT_FEATURES)

    class Meta:
        icon = "date"
        group = "Data"


class LinkBlock(blocks.StructBlock):
    """A link to a page on this site or, failing that, to an external URL — never both."""

    label = blocks.CharBlock(max_length=60, help_text="The link text (60 characters).")
    page = PageReferenceBlock(required=False)
    url = blocks.URLBlock(required=False, help_text="Only for links outside this site.")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = "Choose a page or enter a URL (one of the two)."
            raise blocks.StructBlockValidationError(
                block_errors={"page": ErrorList([ValidationError(message)])}
            )
        return value

    class Meta:
        icon = "link"
        group = "Promotion"

    def get_api_representation(self, value, context=None):
        """{"label", "url", "page"}: `url` is the front-end URL of the page, or the external URL."""
        page = self.child_blocks["page"].get_api_representation(value.get("page"), context)
        return {
            "label": value["label"],
            "url": page["url"] if page else (value.get("url") or None),
            "page": page,
        }


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=80, help_text="80 characters.")
    text = blocks.TextBlock(required=False, max_length=240, help_text="240 characters.")
    link = LinkBlock()

    class Meta:
        icon = "pick"
        group = "Promotion"
        help_text = "A prompt to act: follow an account, read a campaign, download a plan."


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(
        required=False, max_length=120, help_text="Defaults to the file's title."
    )

    class Meta:
        icon = "doc-full"
        group = "Media"

    def get_api_representation(self, value, context=None):
        document = value["document"]
        if document is None:
            return None
        return document_representation(document, title=value["title"])


def document_representation(document, title=""):
    """A downloadable file: {"id", "title", "url", "file_type", "file_size"}."""
    return {
        "id": document.pk,
        "title": title or document.title,
        "url": absolute_document_url(document),
        "file_type": document.file_extension.lower(),
        "file_size": document.get_file_size(),
    }


class StatementBodyBlock(blocks.StreamBlock):
    """Official text: mostly paragraphs, with the occasional heading, image or document."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    document = DocumentBlock()

    class Meta:
        block_counts = {"paragraph": {"min_num": 1}}


class NewsBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    pull_quote = PullQuoteBlock()
    stat = StatBlock()
    video = VideoBlock()
    document = DocumentBlock()

    class Meta:
        block_counts = {"paragraph": {"min_num": 1}}


class InFocusBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    pull_quote = PullQuoteBlock()
    gallery = GalleryBlock()
    video = VideoBlock()
    stat = StatBlock()
    timeline_entry = TimelineEntryBlock()
    call_to_action = CallToActionBlock()


class StandardBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    pull_quote = PullQuoteBlock()
    stat = StatBlock()
    video = VideoBlock()
    document = DocumentBlock()
    call_to_action = CallToActionBlock()
