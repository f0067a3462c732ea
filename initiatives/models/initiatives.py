"""Resident initiatives: the page, what it needs, and residents' messages to it."""

from django.contrib import messages
from django.db import models
from django.shortcuts import redirect
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from initiatives import contact
from initiatives.forms import InitiativeContactForm
from notifications.models import Outbox
from pages.blocks import BaseStreamBlock, LinkBlock
from pages.models import SUMMARY_BOOST, BasePage, TaxonomyMixin

from .events import PitchEventPage, PitchSlot
from .routes import FormRoutesMixin


class InitiativePageTag(TaggedItemBase):
    content_object = ParentalKey("initiatives.InitiativePage", on_delete=models.CASCADE, related_name="tagged_items")


class InitiativePage(FormRoutesMixin, TaxonomyMixin, BasePage):
    """A resident initiative: what it is, who runs it, what it needs and how to help."""

    class Status(models.TextChoices):
        IDEA = "idea", _("Idea")
        LOOKING_FOR_HELP = "looking_for_help", _("Looking for help")
        RUNNING = "running", _("Running")
        COMPLETED = "completed", _("Completed")

    summary = models.TextField(_("short summary"), max_length=300, help_text=_("One or two sentences for cards."))
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("story"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.IDEA)
    public_owner = models.CharField(
        _("founder or organisation (public)"),
        max_length=120,
        help_text=_("The name residents see, e.g. 'Buurtvereniging De Linde' or a first name."),
    )
    contact_email = models.EmailField(
        _("contact e-mail (never shown)"),
        blank=True,
        help_text=_("Messages from the contact form are sent here. Never shown on the site or in the API."),
    )
    website = models.URLField(_("website"), blank=True)
    needs_explanation = models.TextField(
        _("what is needed, explained"),
        max_length=1000,
        blank=True,
        help_text=_("Shown under 'What we need', above the list. A pitch's explanation lands here."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    links = StreamField([("link", LinkBlock())], blank=True, verbose_name=_("links"))
    tags = ClusterTaggableManager(through=InitiativePageTag, blank=True, verbose_name=_("tags"))

    override_translatable_fields = TaxonomyMixin.override_translatable_fields + [
        SynchronizedField("public_owner"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("public_owner"), FieldPanel("contact_email"), FieldPanel("website")],
            heading=_("Status and contact"),
        ),
        FieldPanel("needs_explanation"),
        InlinePanel("needs", label=_("What the initiative needs"), heading=_("Marketplace: what is needed")),
        *TaxonomyMixin.taxonomy_panels,
        FieldPanel("tags"),
        FieldPanel("links"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=SUMMARY_BOOST),
        index.SearchField("body"),
        index.SearchField("public_owner"),
        index.FilterField("status"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        *TaxonomyMixin.taxonomy_search_fields,
    ]

    parent_page_types = ["initiatives.InitiativeIndexPage"]
    subpage_types = []

    type_label = _("Initiative")
    search_type = ("initiative", _("Initiatives"))
    search_order = 10
    home_section = "newest_initiatives"
    feed_groups = ("initiatives",)
    og_type = "article"

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        # The overview's status filter: the status of each initiative of a theme is read
        # from this index instead of the row, which also holds the whole story.
        indexes = [models.Index(fields=["status", "page_ptr"], name="meedoen_initiative_status")]

    @classmethod
    def home_section_pages(cls, shown):
        return cls.objects.filter(pk__in=shown[:6]).order_by("-first_published_at", "-pk").select_related("image")

    @property
    def card_summary(self):
        return self.summary

    @property
    def card_image(self):
        return self.image

    @path("")
    def index_route(self, request, *args, **kwargs):
        return self.render(request, context_overrides={"contact_form": InitiativeContactForm()})

    @path("contact/", name="contact")
    def contact_route(self, request):
        """Residents write to the initiative here; the message is relayed by e-mail
        without revealing the initiative's address (and the sender's only as reply-to)."""
        if request.method != "POST":
            return redirect(self.get_url(request) + "#contact")
        form = InitiativeContactForm(request.POST)
        if not form.is_valid():
            return self.render(request, context_overrides={"contact_form": form}, status=400)
        if retry_after := contact.is_rate_limited(request):
            form.add_error(None, contact.RATE_LIMIT_MESSAGE)
            response = self.render(request, context_overrides={"contact_form": form}, status=429)
            response["Retry-After"] = retry_after
            return response
        contact.submit_message(self, form.cleaned_data, language=get_language())
        if self.contact_goes_to_municipality:
            sent = _("Thank you. Your message is on its way to the municipality. They pass it on to the initiative.")
        else:
            sent = _("Thank you. Your message is on its way to the initiative.")
        messages.success(request, sent)
        return redirect(self.get_url(request) + "#contact")

    @property
    def contact_goes_to_municipality(self):
        """True when the initiative has no contact address of its own: the contact form's
        messages then go to the municipality's general address (tasks._recipient asks this), and the
        page says so instead of promising the initiative reads them."""
        return not self.contact_email

    def pitch_events(self):
        """The live pitch events this initiative pitched (or will pitch) at, newest first."""
        # Through the programme slots of this initiative and its translations (the pages
        # with its translation key, by that key's index): joined by the key instead, the
        # planner looked for events among all pages of the language (2-5 ms on 10,000
        # initiatives).
        translations = Page.objects.filter(translation_key=self.translation_key).values("pk")
        on_stage = PitchSlot.objects.filter(initiative_id__in=translations).values("event_id")
        return (
            PitchEventPage.objects.live().public().filter(pk__in=on_stage, locale_id=self.locale_id).order_by("-start")
        )


class InitiativeNeed(TranslatableMixin, Orderable):
    """Something an initiative asks for on the societal marketplace."""

    class Kind(models.TextChoices):
        VOLUNTEERS = "volunteers", _("Volunteers")
        SPACE = "space", _("A space")
        FUNDING = "funding", _("Funding")
        EXPERTISE = "expertise", _("Expertise")
        NETWORK = "network", _("Network")

    page = ParentalKey(InitiativePage, on_delete=models.CASCADE, related_name="needs")
    kind = models.CharField(_("what"), max_length=20, choices=Kind.choices)
    description = models.CharField(
        _("explanation"), max_length=255, blank=True, help_text=_("E.g. 'Three people on Saturday mornings'.")
    )

    panels = [FieldRowPanel([FieldPanel("kind"), FieldPanel("description")])]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("need")
        verbose_name_plural = _("needs")


class InitiativeContactMessage(Outbox):
    """A resident's message to an initiative, kept until it has been relayed by e-mail
    and then for a short retention period (CONTACT_MESSAGE_RETENTION_DAYS)."""

    initiative = models.ForeignKey(
        InitiativePage, on_delete=models.CASCADE, related_name="contact_messages", verbose_name=_("initiative")
    )
    sender_name = models.CharField(_("name"), max_length=100)
    sender_email = models.EmailField(_("e-mail address"))
    message = models.TextField(_("message"), max_length=2000)
    language = models.CharField(_("language"), max_length=10)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        verbose_name = _("message to an initiative")
        verbose_name_plural = _("messages to initiatives")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["sent_at", "created_at"])]

    def __str__(self):
        return f"{self.initiative_id} {self.created_at:%Y-%m-%d %H:%M}"
