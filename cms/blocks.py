"""StreamField blocks that lessons are composed of."""

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from assessments.blocks import H5PActivityBlock, KnowledgeCheckBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        help_text=_("What the image shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "cms/blocks/image.html"

    def clean(self, value):
        if not (value.get("alt_text") or "").strip():
            raise blocks.StructBlockValidationError(
                {
                    "alt_text": ValidationError(
                        _(
                            "Say what the image shows: people who cannot see it hear or "
                            "read this text instead."
                        )
                    )
                }
            )
        return super().clean(value)


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    video = DocumentChooserBlock(
        label=_("Video file"), help_text=_("An MP4 or WebM file uploaded to Documents.")
    )
    captions = DocumentChooserBlock(
        label=_("Captions (WebVTT)"), required=False, help_text=_("A .vtt subtitles file.")
    )
    transcript = blocks.RichTextBlock(
        label=_("Transcript"),
        features=["bold", "italic", "ol", "ul"],
        help_text=_("Everything said in the video, for people who cannot hear or play it."),
    )

    class Meta:
        icon = "media"
        label = _("Video with transcript")
        template = "cms/blocks/video.html"

    def clean(self, value):
        transcript = value.get("transcript")
        if not strip_tags(getattr(transcript, "source", transcript) or "").strip():
            raise blocks.StructBlockValidationError(
                {
                    "transcript": ValidationError(
                        _(
                            "Write out everything said in the video: people who cannot hear "
                            "or play it read the transcript instead."
                        )
                    )
                }
            )
        return super().clean(value)


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(
        label=_("Attribution"), help_text=_("Who said it, e.g. 'Care leaver, Hungary'.")
    )
    source = blocks.CharBlock(label=_("Source"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "cms/blocks/quote.html"


class KeyMessageBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False)
    message = blocks.TextBlock(label=_("Key message"))

    class Meta:
        icon = "pick"
        label = _("Key message")
        template = "cms/blocks/key_message.html"


class ResourceBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("File"))
    title = blocks.CharBlock(label=_("Title"))
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "download"
        label = _("Downloadable resource")
        template = "cms/blocks/resource.html"


class ReflectionPromptBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(label=_("Question to reflect on"))
    guidance = blocks.TextBlock(label=_("Guidance"), required=False)

    class Meta:
        icon = "help"
        label = _("Reflection prompt")
        template = "cms/blocks/reflection_prompt.html"


class FacilitationNoteBlock(blocks.StructBlock):
    """Guidance for the trainer running a session. Learners never receive it."""

    note = blocks.RichTextBlock(label=_("Note for trainers"), features=RICH_TEXT_FEATURES)
    suggested_minutes = blocks.IntegerBlock(
        label=_("Suggested minutes"), required=False, min_value=1
    )

    class Meta:
        icon = "user"
        label = _("Trainer-only facilitation note")
        template = "cms/blocks/facilitation_note.html"


FACILITATION_NOTE = "facilitation_note"


class LessonBodyBlock(blocks.StreamBlock):
    rich_text = blocks.RichTextBlock(
        label=_("Text"), features=RICH_TEXT_FEATURES, template="cms/blocks/rich_text.html"
    )
    image = ImageBlock()
    video = VideoBlock()
    quote = QuoteBlock()
    key_message = KeyMessageBlock()
    resource = ResourceBlock()
    reflection_prompt = ReflectionPromptBlock()
    knowledge_check = KnowledgeCheckBlock()
    h5p_activity = H5PActivityBlock()
    facilitation_note = FacilitationNoteBlock()
