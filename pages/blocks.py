"""StreamField blocks shared by every page type. Apps import BaseStreamBlock from here."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class CaptionedImageBlock(blocks.StructBlock):
    """An image with alt text (from Wagtail's ImageBlock) and an optional caption and credit."""

    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, max_length=255, label=_("Caption"))
    credit = blocks.CharBlock(required=False, max_length=255, label=_("Photo credit"))

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/captioned_image_block.html"


class QuoteBlock(blocks.StructBlock):
    """A quote from a resident or official, with who said it."""

    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, max_length=255, label=_("Who said it"))

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    """A short invitation with one button, linking to a page or an address."""

    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    text = blocks.TextBlock(required=False, label=_("Text"))
    button_text = blocks.CharBlock(max_length=60, label=_("Button text"))
    page = blocks.PageChooserBlock(required=False, label=_("Page"))
    url = blocks.URLBlock(required=False, label=_("Or an address (URL)"))

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "blocks/call_to_action_block.html"

    def clean(self, value):
        result = super().clean(value)
        if not result.get("page") and not result.get("url"):
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or enter an address."))}
            )
        return result


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=255, label=_("Question"))
    answer = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Answer"))

    class Meta:
        icon = "help"
        label = _("Question and answer")


class FAQBlock(blocks.StructBlock):
    """Frequently asked questions, shown as an accordion (native details/summary)."""

    heading = blocks.CharBlock(required=False, max_length=120, label=_("Heading"))
    items = blocks.ListBlock(FAQItemBlock(), label=_("Questions"))

    class Meta:
        icon = "help"
        label = _("Questions and answers")
        template = "blocks/faq_block.html"


class FigureBlock(blocks.StructBlock):
    """A key figure, such as '412 residents took part'."""

    number = blocks.CharBlock(max_length=30, label=_("Number"))
    label = blocks.CharBlock(max_length=120, label=_("What it counts"))

    class Meta:
        icon = "order"
        label = _("Key figure")
        template = "blocks/figure_block.html"


class LinkBlock(blocks.StructBlock):
    """A link with a readable title."""

    title = blocks.CharBlock(max_length=120, label=_("Link text"))
    url = blocks.URLBlock(label=_("Address (URL)"))

    class Meta:
        icon = "link"
        label = _("Link")
        template = "blocks/link_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    """The body blocks editors can use on every page type.

    Embeds render as a plain link to the original unless the operator switches embeds on
    (ENABLE_EMBEDS): an embedded player makes residents' browsers contact third parties.
    """

    heading = blocks.CharBlock(
        max_length=120, label=_("Heading"), form_classname="title", template="blocks/heading_block.html"
    )
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    faq = FAQBlock()
    embed = EmbedBlock(
        label=_("Video or other embed"),
        help_text=_("Shown as a link unless the portal allows embedded players."),
        template="blocks/embed_block.html",
    )


class FeedbackStreamBlock(blocks.StreamBlock):
    """What residents said: quotes, key figures and text."""

    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))
    quote = QuoteBlock()
    figure = FigureBlock()
