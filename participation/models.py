"""Participation projects run by the municipality and the feedback stories
("Jij zei, wij deden") that report back on them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from notifications.models import Outbox, Subscription
from pages import opendata
from pages.blocks import RICH_TEXT_FEATURES, BaseStreamBlock, FeedbackStreamBlock
from pages.models import SUMMARY_BOOST, BasePage, MunicipalitySettings, TaxonomyMixin

from . import filters


class LadderRung(models.TextChoices):
    """The participation ladder: how much say residents have."""

    INFORM = "inform", _("Inform")
    CONSULT = "consult", _("Consult")
    ADVISE = "advise", _("Advise")
    COPRODUCE = "coproduce", _("Co-produce")
    CODECIDE = "codecide", _("Co-decide")


LADDER_EXPLANATIONS = {
    LadderRung.INFORM: _("The municipality tells you what it plans and why."),
    LadderRung.CONSULT: _("The municipality asks your opinion; it decides itself."),
    LadderRung.ADVISE: _("Residents give advice; the municipality explains what it does with it."),
    LadderRung.COPRODUCE: _("Residents and the municipality make the plan together."),
    LadderRung.CODECIDE: _("Residents decide together with the municipality."),
}


class ParticipationProjectIndexPage(BasePage):
    """The list of participation projects of one language."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["participation.ParticipationProjectPage"]
    max_count_per_parent = 1

    type_label = _("Overview")
    index_kind = "projects"

    class Meta:
        verbose_name = _("participation projects overview")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(filters.participation_projects(request, self))
        return context


class ParticipationProjectPage(TaxonomyMixin, BasePage):
    """A question the municipality puts to residents, with its phases and how to take part."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Coming soon")
        OPEN = "open", _("Open: take part")
        PROCESSING = "processing", _("Being processed")
        COMPLETED = "completed", _("Completed")

    question = models.TextField(_("the question to residents"), max_length=400)
    summary = models.TextField(_("short summary"), max_length=300)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("background"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    ladder_rung = models.CharField(
        _("participation ladder"),
        max_length=20,
        choices=LadderRung.choices,
        default=LadderRung.CONSULT,
        help_text=_("How much say residents have in this project."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    how_to_take_part = RichTextField(_("how to take part"), features=RICH_TEXT_FEATURES, blank=True)
    related_events = ParentalManyToManyField(
        "initiatives.PitchEventPage",
        blank=True,
        related_name="participation_projects",
        verbose_name=_("related events"),
    )

    override_translatable_fields = TaxonomyMixin.override_translatable_fields + [
        SynchronizedField("related_events"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("question"),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldRowPanel([FieldPanel("ladder_rung"), FieldPanel("status")]),
        FieldPanel("how_to_take_part"),
        InlinePanel("phases", label=_("Phase"), heading=_("Phases")),
        FieldPanel("body"),
        FieldPanel("related_events"),
        *TaxonomyMixin.taxonomy_panels,
    ]
    search_fields = Page.search_fields + [
        index.SearchField("question", boost=SUMMARY_BOOST),
        index.SearchField("summary", boost=SUMMARY_BOOST),
        index.SearchField("body"),
        index.FilterField("status"),
        index.FilterField("ladder_rung"),
        *TaxonomyMixin.taxonomy_search_fields,
    ]

    parent_page_types = ["participation.ParticipationProjectIndexPage"]
    subpage_types = []

    type_label = _("Participation project")
    search_type = ("project", _("Participation projects"))
    search_over = {"status": Status.COMPLETED}
    search_order = 30

    class Meta:
        verbose_name = _("participation project")
        verbose_name_plural = _("participation projects")

    @property
    def card_summary(self):
        return self.summary

    @property
    def card_image(self):
        return self.image

    @classmethod
    def status_ordering(cls):
        """Open projects first, then coming, being processed, completed."""
        order = [cls.Status.OPEN, cls.Status.PLANNED, cls.Status.PROCESSING, cls.Status.COMPLETED]
        return Case(*[When(status=s, then=Value(i)) for i, s in enumerate(order)], default=Value(len(order)))

    @property
    def ladder_explanation(self):
        return LADDER_EXPLANATIONS.get(self.ladder_rung, "")

    @property
    def ladder_position(self):
        """1 (inform) to 5 (co-decide), for the ladder graphic."""
        return list(LadderRung.values).index(self.ladder_rung) + 1

    def current_phase(self):
        today = timezone.localdate()
        for phase in self.phases.all():
            if phase.starts_on <= today and (phase.ends_on is None or today <= phase.ends_on):
                return phase
        return None

    def live_feedback_stories(self):
        """Stories about this project in this language. A translated story may still point
        at the project in the source language, so match on the translation key."""
        # The stories about the pages with this key first, then those in this language:
        # joined by the key instead, the planner looked for stories among all pages of
        # the language (2-5 ms on 10,000 initiatives).
        translations = Page.objects.filter(translation_key=self.translation_key).values("pk")
        about = PolicyFeedbackStoryPage.objects.filter(project_id__in=translations).values("pk")
        return (
            PolicyFeedbackStoryPage.objects.live()
            .public()
            .filter(pk__in=about, locale_id=self.locale_id)
            .order_by("-date", "-pk")
        )


class ProjectPhase(TranslatableMixin, Orderable):
    """One phase of a participation project, such as 'Ideas' or 'Decision by the council'."""

    page = ParentalKey(ParticipationProjectPage, on_delete=models.CASCADE, related_name="phases")
    title = models.CharField(_("title"), max_length=120)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    is_participation = models.BooleanField(
        _("residents take part in this phase"),
        default=False,
        help_text=_("Used to remind staff to report back once this phase is over."),
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldPanel("description"),
        FieldPanel("is_participation"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("phase")
        verbose_name_plural = _("phases")

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A phase cannot end before it starts.")})

    @property
    def state(self):
        """'past', 'current' or 'future' relative to today."""
        today = timezone.localdate()
        if self.ends_on and self.ends_on < today:
            return "past"
        if self.starts_on > today:
            return "future"
        return "current"


class PolicyFeedbackStoryIndexPage(BasePage):
    """The list of feedback stories ("Jij zei, wij deden") of one language."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["participation.PolicyFeedbackStoryPage"]
    max_count_per_parent = 1

    type_label = _("Overview")
    index_kind = "stories"
    feed_groups = ("stories",)

    class Meta:
        verbose_name = _("feedback stories overview")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(filters.feedback_stories(request, self))
        return context


class PolicyFeedbackStoryPage(TaxonomyMixin, BasePage):
    """'Jij zei, wij deden': what residents said, what was decided and why, and what is next."""

    date = models.DateField(_("date"), default=timezone.localdate)
    summary = models.TextField(_("short summary"), max_length=300)
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    project = models.ForeignKey(
        ParticipationProjectPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback_stories",
        verbose_name=_("participation project"),
    )
    initiative = models.ForeignKey(
        "initiatives.InitiativePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback_stories",
        verbose_name=_("initiative"),
        help_text=_("Or the initiative this story reports on."),
    )
    participant_count = models.PositiveIntegerField(_("number of residents who took part"), null=True, blank=True)
    participation_methods = models.TextField(
        _("how residents took part"),
        blank=True,
        help_text=_("E.g. 'an online survey and two evenings in the community centre'."),
    )
    what_residents_said = StreamField(FeedbackStreamBlock(), blank=True, verbose_name=_("what residents said"))
    decision = RichTextField(_("what we decided"), features=RICH_TEXT_FEATURES)
    decision_reasons = RichTextField(_("why"), features=RICH_TEXT_FEATURES, blank=True)
    not_adopted = RichTextField(_("what we did not adopt, and why"), features=RICH_TEXT_FEATURES, blank=True)
    next_steps = RichTextField(_("next steps"), features=RICH_TEXT_FEATURES, blank=True)
    next_step_date = models.DateField(_("date of the next step"), null=True, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("image"),
        MultiFieldPanel([PageChooserPanel("project"), PageChooserPanel("initiative")], heading=_("Reports on")),
        MultiFieldPanel(
            [FieldPanel("participant_count"), FieldPanel("participation_methods"), FieldPanel("what_residents_said")],
            heading=_("You said"),
        ),
        MultiFieldPanel(
            [FieldPanel("decision"), FieldPanel("decision_reasons"), FieldPanel("not_adopted")],
            heading=_("We did"),
        ),
        MultiFieldPanel([FieldPanel("next_steps"), FieldPanel("next_step_date")], heading=_("What happens next")),
        *TaxonomyMixin.taxonomy_panels,
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=SUMMARY_BOOST),
        index.SearchField("what_residents_said"),
        index.SearchField("decision"),
        index.SearchField("decision_reasons"),
        index.SearchField("not_adopted"),
        index.SearchField("next_steps"),
        index.FilterField("date"),
        *TaxonomyMixin.taxonomy_search_fields,
    ]

    parent_page_types = ["participation.PolicyFeedbackStoryIndexPage"]
    subpage_types = []

    # One name for these stories everywhere: the menu's, the home page's, the filters'.
    type_label = _("You said, we did")
    search_type = ("story", _("You said, we did"))
    search_order = 40
    home_section = "latest_stories"
    feed_groups = ("stories",)
    og_type = "article"

    class Meta:
        verbose_name = _("feedback story")
        verbose_name_plural = _("feedback stories")

    @classmethod
    def home_section_pages(cls, shown):
        return cls.objects.filter(pk__in=shown).order_by("-date", "-pk").select_related("image")[:3]

    @property
    def card_summary(self):
        return self.summary

    @property
    def card_image(self):
        return self.image

    def json_ld(self, request):
        """A schema.org Article."""
        organization = MunicipalitySettings.organization(request)
        return {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": self.title[:110],
            "description": self.summary,
            "datePublished": self.date.isoformat(),
            "dateModified": timezone.localtime(self.last_published_at or timezone.now()).isoformat(),
            "author": organization,
            "publisher": organization,
            "mainEntityOfPage": self.get_full_url(request),
            "url": self.get_full_url(request),
            "inLanguage": self.locale.language_code,
            "image": [opendata.share_image(request, self)[0]],
        }


# --- The feedback loop: what was sent (to notifications.Subscription), what happened when ---


class FeedbackEmail(Outbox):
    """One e-mail about one feedback story to one resident. `recipient_key` (a keyed hash
    of the address) is unique per story, so nobody is mailed twice about the same story,
    however often it is republished; the address itself stays on the subscription."""

    subscription = models.ForeignKey(
        Subscription, null=True, on_delete=models.SET_NULL, related_name="emails", verbose_name=_("subscription")
    )
    recipient_key = models.CharField(_("recipient"), max_length=64)
    story_key = models.UUIDField(_("feedback story"))
    story = models.ForeignKey(
        PolicyFeedbackStoryPage, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("story")
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("e-mail about a feedback story")
        verbose_name_plural = _("e-mails about feedback stories")
        constraints = [models.UniqueConstraint(fields=["recipient_key", "story_key"], name="one_email_per_story")]
        indexes = [models.Index(fields=["sent_at", "created_at"])]

    def __str__(self):
        return f"{self.story_key} {self.pk}"


class StatusChange(models.Model):
    """A published change of an initiative's or a project's status, for its timeline.
    Keyed by translation key: translations share one history."""

    page_key = models.UUIDField(_("page"), db_index=True)
    status = models.CharField(_("status"), max_length=20)
    changed_at = models.DateTimeField(_("changed"), default=timezone.now)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.page_key} {self.status}"
