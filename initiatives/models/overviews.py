"""The overview pages of initiatives and of pitch events."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from initiatives import filters
from pages.blocks import RICH_TEXT_FEATURES
from pages.models import BasePage, live_pages

from .initiatives import InitiativePage
from .pitches import PitchSubmissionPage


class InitiativeIndexPage(BasePage):
    """The list of all initiatives of one language."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["initiatives.InitiativePage", "initiatives.PitchSubmissionPage"]
    max_count_per_parent = 1

    type_label = _("Overview")
    index_kind = "initiatives"
    feed_groups = ("initiatives",)

    class Meta:
        verbose_name = _("initiatives overview")

    def pitch_form(self, private=None):
        """The live pitch form under this overview, if editors placed one (linked from the
        overview). `private` is `Page.objects.all().private_q()`, for a caller that
        makes several lists in one request (see pages.models.live_pages)."""
        # By page type as well: an index finds the form among the initiatives next to it,
        # where SQLite walked all of them (2 ms on 10,000) looking for the one form.
        forms = PitchSubmissionPage.objects.child_of(self).type(PitchSubmissionPage).live()
        return (forms.public() if private is None else forms.exclude(private)).first()

    def initiatives(self):
        """The live initiatives of this overview, newest first (as pages of Wagtail's page table)."""
        return live_pages(InitiativePage, self.locale_id, child_of=self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(filters.initiatives(request, self))
        return context


class PitchEventIndexPage(BasePage):
    """The list of pitch events of one language: upcoming first, then past."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["initiatives.PitchEventPage"]
    max_count_per_parent = 1

    type_label = _("Overview")
    index_kind = "events"
    feed_groups = ("events",)

    class Meta:
        verbose_name = _("pitch events overview")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(filters.pitch_events(request, self))
        return context
