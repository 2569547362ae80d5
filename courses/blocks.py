"""StreamField blocks for module and live-session pages.

Each block names its icon, template, description and a preview value, so editors see what it
is for in the block picker. Quiz grading and saving reflections belong to ``learners``: the
templates render the questions and prompt, and show a submit control only when the learner
side supplies an ``action_url`` in the context.
"""

import hashlib
import json

from django import forms
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from home.cache import LocalValues

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "components/blocks/paragraph_block.html"
        description = _("Text with headings, lists and links.")
        preview_value = (
            "<h2>The 5R framework</h2><p>Recognise, reduce and redistribute unpaid care "
            "work; reward and represent care workers.</p>"
        )


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)
    decorative = blocks.BooleanBlock(
        label=_("Decorative"),
        required=False,
        help_text=_("Tick if the image adds nothing for someone who cannot see it."),
    )

    class Meta:
        icon = "image"
        template = "components/blocks/image_block.html"
        description = _("An image with a caption. Its alt text comes from the image library.")


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video address"), help_text=_("A YouTube or Vimeo address."))
    title = blocks.CharBlock(label=_("Title"), max_length=255)
    transcript = blocks.RichTextBlock(
        label=_("Transcript"),
        required=False,
        features=["bold", "italic", "ol", "ul", "link"],
        help_text=_("A transcript helps learners on slow connections and screen readers."),
    )

    class Meta:
        icon = "media"
        template = "components/blocks/video_block.html"
        description = _("An embedded video with a title, a link and an optional transcript.")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    description = blocks.CharBlock(label=_("Description"), required=False, max_length=255)

    class Meta:
        icon = "doc-full"
        template = "components/blocks/document_block.html"
        description = _("A document to download, such as a reading or a worksheet.")


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[
            ("note", _("Note")),
            ("key_fact", _("Key fact")),
            ("content_note", _("Content note")),
            ("activity", _("Activity")),
        ],
        default="note",
    )
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    body = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "ul", "ol", "link"])

    class Meta:
        icon = "warning"
        template = "components/blocks/callout_block.html"
        description = _("A highlighted box: a note, a key fact, an activity or a content note.")
        preview_value = {
            "kind": "key_fact",
            "heading": "76.2%",
            "body": "<p>Share of unpaid care work done by women worldwide.</p>",
        }


class QuizChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=300)
    is_correct = blocks.BooleanBlock(label=_("Correct"), required=False)

    class Meta:
        icon = "tick"


class QuizQuestionValue(blocks.StructValue):
    @property
    def allows_several_answers(self) -> bool:
        """More than one correct answer: learners choose all that apply (checkboxes)."""
        return sum(1 for choice in self["choices"] if choice["is_correct"]) > 1


class QuizQuestionBlock(blocks.StructBlock):
    prompt = blocks.CharBlock(label=_("Question"), max_length=500)
    choices = blocks.ListBlock(QuizChoiceBlock(), label=_("Answers"), min_num=2, max_num=8)
    explanation = blocks.TextBlock(
        label=_("Explanation"),
        required=False,
        help_text=_("Shown after the learner answers."),
    )

    class Meta:
        icon = "help"
        value_class = QuizQuestionValue

    def clean(self, value):
        value = super().clean(value)
        if not any(choice["is_correct"] for choice in value["choices"]):
            raise StructBlockValidationError(
                block_errors={
                    "choices": forms.ValidationError(_("Mark at least one answer as correct."))
                }
            )
        return value


# Quiz blocks as rendered by this process (``QuizBlock.render``), least recently used first out
# past 4 MB: about 3 KB each, a course's quizzes as not yet answered and after common answers.
RENDERED_QUIZZES = LocalValues(max_bytes=4 * 1024 * 1024)
# What a rendering is kept for: nothing it shows changes (its key holds it all), so a long while.
RENDERED_QUIZ_SECONDS = 3600
# Where the page's CSRF token goes in a kept rendering (each response gets its own).
CSRF_TOKEN_SLOT = "aula-csrf-token-slot"  # noqa: S105 - a placeholder, not a secret


class QuizBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Title"), max_length=200, default=_("Check your understanding")
    )
    pass_mark = blocks.IntegerBlock(
        label=_("Pass mark (%)"),
        min_value=0,
        max_value=100,
        default=70,
        help_text=_("The share of correct answers a learner needs to pass."),
    )
    questions = blocks.ListBlock(QuizQuestionBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "components/blocks/quiz_block.html"
        description = _("Multiple-choice questions, graded on the server, with a pass mark.")
        preview_value = {
            "title": "Check your understanding",
            "pass_mark": 70,
            "questions": [
                {
                    "prompt": "Which R stands for making care work visible?",
                    "choices": [
                        {"text": "Recognise", "is_correct": True},
                        {"text": "Reduce", "is_correct": False},
                    ],
                    "explanation": "",
                }
            ],
        }

    def render(self, value, context=None):
        """The quiz's template, rendered once per process for each set of what it shows
        (``_shown``): its questions, the language, whether it is a form, and the learner's
        attempts, best score and last answers. Learners who have not answered a quiz yet, and
        those who gave the same answers, see the same quiz: a module page's quiz was a third of
        rendering it. The CSRF token, the same form for everyone, is put in afterwards."""
        if context is None:
            return super().render(value, context)
        # Django's token is lazy: asking whether it is there must not draw one (it would set
        # the CSRF cookie on a visitor's page, which the anonymous page cache then never keeps).
        token = context.get("csrf_token")
        has_token = token is not None
        key = self._shown(value, context, has_token=has_token)
        html = RENDERED_QUIZZES.get(key, ())
        if html is None:
            html = super().render(
                value, {**context, "csrf_token": CSRF_TOKEN_SLOT if has_token else token}
            )
            RENDERED_QUIZZES.put(key, (), str(html), RENDERED_QUIZ_SECONDS)
        if CSRF_TOKEN_SLOT in html:  # asked for only where the form is shown, as the tag does
            html = html.replace(CSRF_TOKEN_SLOT, str(token))
        return mark_safe(html)  # noqa: S308 - the block's own template, rendered above

    def _shown(self, value, context, *, has_token: bool) -> str:
        """A digest of everything components/blocks/quiz_block.html shows but the CSRF token:
        the quiz's content, the block's id, the language, the form's address and
        the learner's state of this quiz (``learner_blocks``, set by learners_tags'
        ``module_progress``: the results it holds follow from the quiz and the last answers,
        and are in the key all the same)."""
        # Its content without the ids that a list stored without them gets anew on each call.
        content = self.get_api_representation(value)
        stored = json.dumps(content, sort_keys=True, cls=DjangoJSONEncoder)
        bid = context.get("id") or context.get("block_id") or "q"
        state = (context.get("learner_blocks") or {}).get(bid) or {}
        chosen = tuple(
            sorted((n, tuple(answers)) for n, answers in state.get("chosen", {}).items())
        )
        results = tuple(
            sorted((n, result.correct) for n, result in state.get("results", {}).items())
        )
        shown = (
            str(bid),
            get_language(),
            context.get("quiz_action_url"),
            has_token,
            (state.get("attempts"), state.get("passed"), state.get("best"), chosen, results),
        )
        return hashlib.sha256(f"{stored}{shown!r}".encode()).hexdigest()


class ReflectionPromptBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(label=_("Prompt"))
    guidance = blocks.RichTextBlock(
        label=_("Guidance"), required=False, features=["bold", "italic", "ul", "link"]
    )

    class Meta:
        icon = "edit"
        template = "components/blocks/reflection_prompt_block.html"
        description = _("A question the learner answers in writing; the cohort's tutors read it.")
        preview_value = {
            "prompt": "Who does the care work in your household, and who decides?",
            "guidance": "",
        }


class ModuleBodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    image = ImageBlock()
    video = VideoBlock()
    document = DocumentBlock()
    callout = CalloutBlock()
    quiz = QuizBlock()
    reflection = ReflectionPromptBlock()


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=255)
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        template = "components/blocks/link_block.html"
        description = _("A link to a resource on another site.")


class MaterialsBlock(blocks.StreamBlock):
    document = DocumentBlock()
    link = LinkBlock()
