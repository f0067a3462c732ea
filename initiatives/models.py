"""Resident initiatives and changemaker pitch events."""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from pages.blocks import RICH_TEXT_FEATURES, BaseStreamBlock, LinkBlock
from pages.models import BasePage, TaxonomyMixin, live_pages
from pages.signed_links import pk_of_signed_token, signed_token
from search import listings

from . import contact, pitches, signups
from .forms import ChangeSeatsForm, InitiativeContactForm, PitchAnswerForm, PitchForm, SignUpForm

#: A resident's manage link works until this long after the event has ended.
SIGNUP_LINK_VALID_AFTER_EVENT = timedelta(days=1)


class InitiativeIndexPage(BasePage):
    """The list of all initiatives of one language."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["initiatives.InitiativePage", "initiatives.PitchSubmissionPage"]
    max_count_per_parent = 1

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
        context.update(listings.initiatives(request, self))
        return context


class InitiativePageTag(TaggedItemBase):
    content_object = ParentalKey("initiatives.InitiativePage", on_delete=models.CASCADE, related_name="tagged_items")


class FormRoutesMixin(RoutablePageMixin):
    """Routes that answer a form: `render(..., status=400)` shows the page again with the
    form's errors under the status code that says what happened."""

    def render(self, request, *args, status=200, **kwargs):
        response = super().render(request, *args, **kwargs)
        response.status_code = status
        return response


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
        InlinePanel("needs", label=_("What the initiative needs"), heading=_("Marketplace: what is needed")),
        *TaxonomyMixin.taxonomy_panels,
        FieldPanel("tags"),
        FieldPanel("links"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("public_owner"),
        index.FilterField("status"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        *TaxonomyMixin.taxonomy_search_fields,
    ]

    parent_page_types = ["initiatives.InitiativeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        # The overview's status filter: the status of each initiative of a theme is read
        # from this index instead of the row, which also holds the whole story.
        indexes = [models.Index(fields=["status", "page_ptr"], name="meedoen_initiative_status")]

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
        if contact.is_rate_limited(request):
            form.add_error(None, contact.RATE_LIMIT_MESSAGE)
            return self.render(request, context_overrides={"contact_form": form}, status=429)
        contact.submit_message(self, form.cleaned_data, language=get_language())
        messages.success(request, _("Thank you. Your message has been sent to the initiative."))
        return redirect(self.get_url(request) + "#contact")

    def pitch_events(self):
        """The live pitch events this initiative pitched (or will pitch) at, newest first."""
        return (
            PitchEventPage.objects.live()
            .public()
            .filter(programme__initiative__translation_key=self.translation_key, locale_id=self.locale_id)
            .distinct()
            .order_by("-start")
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


class PitchEventIndexPage(BasePage):
    """The list of pitch events of one language: upcoming first, then past."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["initiatives.PitchEventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("pitch events overview")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(listings.pitch_events(request, self))
        return context


class PitchEventPage(FormRoutesMixin, TaxonomyMixin, BasePage):
    """A changemaker pitch event: when and where, who pitches, and how many seats there are."""

    edition = models.PositiveSmallIntegerField(_("edition"), null=True, blank=True)
    summary = models.TextField(_("short summary"), max_length=300)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("description"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    start = models.DateTimeField(_("starts at"))
    end = models.DateTimeField(_("ends at"))
    venue_name = models.CharField(_("venue"), max_length=120)
    street_address = models.CharField(_("street and number"), max_length=120, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("town"), max_length=80, blank=True)
    accessibility_info = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_("Step-free access, hearing loop, quiet room, sign language interpreter, parking…"),
    )
    capacity = models.PositiveIntegerField(_("number of seats"), default=80)
    max_seats_per_signup = models.PositiveSmallIntegerField(
        _("maximum seats per sign-up"), default=2, help_text=_("How many seats one resident may ask for.")
    )
    waiting_list_enabled = models.BooleanField(_("waiting list when full"), default=True)
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(
        _("registration closes"), null=True, blank=True, help_text=_("Leave empty to close when the event starts.")
    )

    # An address and a venue's name read the same in every language.
    override_translatable_fields = TaxonomyMixin.override_translatable_fields + [
        SynchronizedField("venue_name"),
        SynchronizedField("street_address"),
        SynchronizedField("postal_code"),
        SynchronizedField("city"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("edition"),
        FieldPanel("summary"),
        FieldPanel("image"),
        MultiFieldPanel([FieldRowPanel([FieldPanel("start"), FieldPanel("end")])], heading=_("Date and time")),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")]),
                FieldPanel("accessibility_info"),
            ],
            heading=_("Location"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("max_seats_per_signup")]),
                FieldPanel("waiting_list_enabled"),
                FieldRowPanel([FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]),
            ],
            heading=_("Seats and registration"),
        ),
        InlinePanel("programme", label=_("Pitch"), heading=_("Programme: initiatives on stage")),
        FieldPanel("body"),
        *TaxonomyMixin.taxonomy_panels,
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("venue_name"),
        index.FilterField("start"),
        index.FilterField("end"),
        *TaxonomyMixin.taxonomy_search_fields,
    ]

    parent_page_types = ["initiatives.PitchEventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("pitch event")
        verbose_name_plural = _("pitch events")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The end must be after the start.")
        closes = self.registration_closes_at or self.start
        if self.registration_opens_at and closes and closes <= self.registration_opens_at:
            if self.registration_closes_at:
                errors["registration_closes_at"] = _("Registration must close after it opens.")
            else:
                errors["registration_opens_at"] = _("Registration must open before the event starts.")
        if self.registration_closes_at and self.end and self.registration_closes_at > self.end:
            errors["registration_closes_at"] = _("Registration cannot close after the event has ended.")
        if self.max_seats_per_signup is not None and self.max_seats_per_signup < 1:
            errors["max_seats_per_signup"] = _("Allow at least one seat per sign-up.")
        if errors:
            raise ValidationError(errors)

    @property
    def card_summary(self):
        return self.summary

    @property
    def card_image(self):
        return self.image

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def registration_closes(self):
        return self.registration_closes_at or self.start

    @property
    def registration_state(self):
        """'not_open', 'open', 'closed' or 'past'."""
        now = timezone.now()
        if self.is_past:
            return "past"
        if self.registration_opens_at and now < self.registration_opens_at:
            return "not_open"
        if now >= self.registration_closes:
            return "closed"
        return "open"

    @property
    def duration(self):
        return self.end - self.start if self.start and self.end else timedelta(0)

    def programme_items(self):
        """The pitches on stage whose initiative is published: a slot staff added for a
        draft initiative (an accepted pitch) shows once an editor publishes the initiative."""
        return self.programme.filter(initiative__live=True).select_related("initiative", "initiative__image")

    # --- Signing up (the rules are in initiatives/signups.py) ---------------------------

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if not self.is_past:
            context["availability"] = signups.availability(self)
            context.setdefault("signup_form", SignUpForm(max_seats=self.max_seats_per_signup))
        return context

    @path(_("signup/"), name="signup")
    def signup_route(self, request):
        """The sign-up form posts here; the answer is shown at once, on the event page."""
        if request.method != "POST":
            return redirect(self.get_url(request) + "#registration")
        form = SignUpForm(request.POST, max_seats=self.max_seats_per_signup)
        if not form.is_valid():
            return self.render(request, context_overrides={"signup_form": form}, status=400)
        if signups.is_rate_limited(request, form.cleaned_data["email"]):
            form.add_error(None, signups.RATE_LIMIT_MESSAGE)
            return self.render(request, context_overrides={"signup_form": form}, status=429)
        data = form.cleaned_data
        outcome = signups.sign_up(
            self,
            name=data["name"],
            email=data["email"],
            seats=data["seats"],
            role=data["role"],
            accessibility_needs=data["accessibility_needs"],
            wants_updates=data["wants_updates"],
            language=get_language(),
        )
        # A duplicate reads like a success: the page never tells whether an address signed up.
        return self.render(
            request,
            template="initiatives/signup_result.html",
            context_overrides={"outcome": outcome, "email": data["email"]},
            status=200 if outcome.ok or outcome.reason == signups.DUPLICATE else 409,
        )

    @path(_("signup/<str:token>/"), name="signup_manage")
    def manage_route(self, request, token):
        """A resident's personal page: see, change or cancel the sign-up, no account needed."""
        signup = SignUp.from_manage_token(token)
        context = {"signup": signup, "manage_url": request.path}
        if signup is None or signup.event_key != self.translation_key:
            return self.render(
                request, template="initiatives/signup_manage.html", context_overrides=context, status=404
            )
        if self.end + SIGNUP_LINK_VALID_AFTER_EVENT < timezone.now():
            context.update(expired=True, signup=None)
            return self.render(
                request, template="initiatives/signup_manage.html", context_overrides=context, status=410
            )
        form = ChangeSeatsForm(max_seats=self.max_seats_per_signup, initial={"seats": signup.seats})
        if request.method == "POST":
            action = request.POST.get("action")
            if action == "cancel":
                context["outcome"] = signups.cancel(signup.pk)
            elif action == "change":
                form = ChangeSeatsForm(request.POST, max_seats=self.max_seats_per_signup)
                if form.is_valid():
                    context["outcome"] = signups.change_seats(signup.pk, form.cleaned_data["seats"])
            signup.refresh_from_db()
        context.update(change_form=form, position=signup.waiting_position())
        status = 400 if form.errors else 200
        return self.render(request, template="initiatives/signup_manage.html", context_overrides=context, status=status)


class PitchSlot(TranslatableMixin, Orderable):
    """One initiative on the stage of a pitch event, in programme order."""

    event = ParentalKey(PitchEventPage, on_delete=models.CASCADE, related_name="programme")
    initiative = models.ForeignKey(
        InitiativePage, on_delete=models.CASCADE, related_name="pitch_slots", verbose_name=_("initiative")
    )
    starts_at = models.TimeField(_("time"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    panels = [PageChooserPanel("initiative"), FieldRowPanel([FieldPanel("starts_at"), FieldPanel("note")])]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("pitch")
        verbose_name_plural = _("programme")


class Outbox(models.Model):
    """An e-mail waiting to go out: written with the change it reports, sent after commit
    (initiatives/tasks.py), and retried by `send_pending_messages` while it fails."""

    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=255, blank=True)

    class Meta:
        abstract = True


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


class EventSeats(models.Model):
    """The row that every sign-up for one pitch event locks while seats are handed out.

    An event and its translations share one set of seats, so the row is keyed by the
    event's translation key. Locking it (`select_for_update`) serialises sign-ups,
    cancellations and promotions per event on PostgreSQL; on SQLite every write
    transaction is already serialised (`transaction_mode: IMMEDIATE`)."""

    event_key = models.UUIDField(_("event"), unique=True)

    class Meta:
        verbose_name = _("seats of an event")
        verbose_name_plural = _("seats of events")

    def __str__(self):
        return str(self.event_key)


class SignUp(models.Model):
    """A resident's sign-up for a pitch event: confirmed seats or a place on the waiting
    list. Personal data: never shown on public pages, in the search index or the API."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    class Role(models.TextChoices):
        ATTEND = "attend", _("I come to watch and listen")
        HELP = "help", _("I want to help the initiatives on stage")

    event_key = models.UUIDField(_("event"), db_index=True)
    event = models.ForeignKey(
        PitchEventPage,
        null=True,
        on_delete=models.SET_NULL,
        related_name="signups",
        verbose_name=_("signed up on"),
        help_text=_("The event page (in the resident's language) the sign-up was made on."),
    )
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("e-mail address"), max_length=254)
    seats = models.PositiveSmallIntegerField(_("seats"))
    role = models.CharField(_("comes to"), max_length=10, choices=Role.choices, default=Role.ATTEND)
    accessibility_needs = models.TextField(_("accessibility needs"), max_length=500, blank=True)
    wants_updates = models.BooleanField(_("wants updates"), default=False)
    language = models.CharField(_("language"), max_length=10)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    created_at = models.DateTimeField(_("signed up"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    anonymised_at = models.DateTimeField(
        _("personal data removed"),
        null=True,
        blank=True,
        help_text=_("Name and e-mail address are removed after the retention period; the counts stay."),
    )

    class Meta:
        verbose_name = _("sign-up")
        verbose_name_plural = _("sign-ups")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event_key", "email"],
                condition=~models.Q(status="cancelled"),
                name="one_active_signup_per_address",
            ),
            models.CheckConstraint(condition=models.Q(seats__gte=1), name="signup_has_seats"),
        ]
        indexes = [models.Index(fields=["event_key", "status", "created_at"])]

    def __str__(self):
        return f"{self.get_status_display()}: {self.seats} ({timezone.localtime(self.created_at):%Y-%m-%d %H:%M})"

    def waiting_position(self):
        """1 for the first on the waiting list (in order of arrival), None when not waiting."""
        if self.status != self.Status.WAITING:
            return None
        earlier = models.Q(created_at__lt=self.created_at) | models.Q(created_at=self.created_at, pk__lt=self.pk)
        waiting = SignUp.objects.filter(event_key=self.event_key, status=self.Status.WAITING)
        return waiting.filter(earlier).count() + 1

    def manage_token(self):
        """The token of this sign-up's personal manage link (see pages/signed_links.py)."""
        return signed_token(self.pk, MANAGE_TOKEN_SALT)

    @classmethod
    def from_manage_token(cls, token):
        """The sign-up of a manage token, or None for a forged or mangled one."""
        pk = pk_of_signed_token(token, MANAGE_TOKEN_SALT)
        return None if pk is None else cls.objects.filter(pk=pk).select_related("event").first()


MANAGE_TOKEN_SALT = "meedoen.signup.manage"  # noqa: S105 - a signing salt, not a secret


class SignUpEmail(Outbox):
    """An e-mail to a resident about their sign-up, written in the same transaction as the
    change it reports, so none is ever lost."""

    class Kind(models.TextChoices):
        CONFIRMED = "confirmed", _("Seats confirmed")
        WAITING = "waiting", _("On the waiting list")
        PROMOTED = "promoted", _("Moved up from the waiting list")
        CHANGED = "changed", _("Seats changed")
        CANCELLED = "cancelled", _("Cancelled")
        DUPLICATE = "duplicate", _("Signed up already")

    signup = models.ForeignKey(SignUp, on_delete=models.CASCADE, related_name="emails", verbose_name=_("sign-up"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("e-mail about a sign-up")
        verbose_name_plural = _("e-mails about sign-ups")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["sent_at", "created_at"])]

    def __str__(self):
        return f"{self.kind} {self.signup_id}"


# --- Pitches: changemakers hand in their initiative (rules in initiatives/pitches.py) ------


def pitch_image_storage():
    """Where pitch images wait for review: the "pitch_uploads" storage of STORAGES, outside
    the public media, so nothing a founder uploads is public before an editor accepts it."""
    from django.core.files.storage import storages

    return storages["pitch_uploads"]


class PitchSubmissionPage(FormRoutesMixin, BasePage):
    """The form changemakers use to pitch their initiative, with the editors' introduction."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    privacy_note = RichTextField(
        _("privacy note"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Shown above the consent box: what is kept, who sees it, for how long."),
    )
    thank_you = RichTextField(
        _("thank-you text"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Shown after sending, above the personal status link."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("privacy_note"), FieldPanel("thank_you")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["initiatives.InitiativeIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("pitch form")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.setdefault("form", PitchForm(locale=self.locale))
        return context

    @path("")
    def form_route(self, request):
        """The form, and where it posts to: a pitch is stored before anything is sent."""
        if request.method != "POST":
            return self.render(request)
        form = PitchForm(request.POST, request.FILES, locale=self.locale)
        if not form.is_valid():
            return self.render(request, context_overrides={"form": form}, status=400)
        if pitches.is_rate_limited(request, form.cleaned_data["email"]):
            form.add_error(None, pitches.RATE_LIMIT_MESSAGE)
            return self.render(request, context_overrides={"form": form}, status=429)
        pitch = pitches.submit(self, form.cleaned_data, language=get_language())
        return self.render(
            request,
            template="initiatives/pitch_thanks.html",
            context_overrides={"pitch": pitch, "status_url": self.status_url(pitch, request)},
        )

    def status_url(self, pitch, request=None):
        return self.get_url(request) + self.reverse_subpage("pitch_status", args=[pitch.status_token()])

    @path(_("status/<str:token>/"), name="pitch_status")
    def status_route(self, request, token):
        """The founder's personal page: the status, the questions of staff and the answers,
        and withdrawing the pitch. No account needed: the signed link is the key."""
        pitch = Pitch.from_status_token(token)
        context = {"pitch": pitch, "status_path": request.path}
        if pitch is None:
            return self.render(request, template="initiatives/pitch_status.html", context_overrides=context, status=404)
        form = PitchAnswerForm()
        status = 200
        if request.method == "POST":
            action = request.POST.get("action")
            if action == "withdraw":
                context["outcome"] = pitches.withdraw(pitch.pk)
            elif action == "answer":
                form = PitchAnswerForm(request.POST)
                if form.is_valid():
                    context["outcome"] = pitches.answer(pitch.pk, form.cleaned_data["message"])
                    form = PitchAnswerForm()
                else:
                    status = 400
            pitch.refresh_from_db()
        context.update(answer_form=form, thread=pitch.messages.all())
        return self.render(request, template="initiatives/pitch_status.html", context_overrides=context, status=status)


class Pitch(models.Model):
    """A changemaker's pitch for an initiative, as typed in the pitch form. Staff review it
    in the admin; an accepted pitch becomes a draft InitiativePage. Personal data: only the
    Moderatoren group sees the founder's contact details; never public, never indexed."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        IN_REVIEW = "in_review", _("In review")
        INFO_REQUESTED = "info_requested", _("More information asked")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Stage(models.TextChoices):
        IDEA = "idea", _("An idea")
        RUNNING = "running", _("Already running")

    page = models.ForeignKey(
        PitchSubmissionPage,
        null=True,
        on_delete=models.SET_NULL,
        related_name="pitches",
        verbose_name=_("sent with"),
    )
    initiative_name = models.CharField(_("name of the initiative"), max_length=120)
    summary = models.CharField(_("summary in one line"), max_length=200)
    description = models.TextField(_("description"), max_length=5000)
    themes = models.ManyToManyField("pages.Theme", blank=True, related_name="pitches", verbose_name=_("themes"))
    neighbourhoods = models.ManyToManyField(
        "pages.Neighbourhood", blank=True, related_name="pitches", verbose_name=_("neighbourhoods")
    )
    stage = models.CharField(_("stage"), max_length=10, choices=Stage.choices, default=Stage.IDEA)
    needs = models.JSONField(_("needs"), default=list, blank=True, help_text=_("Kinds of InitiativeNeed."))
    needs_explanation = models.TextField(_("what is needed, explained"), max_length=1000, blank=True)
    wished_event = models.ForeignKey(
        PitchEventPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="wished_pitches",
        verbose_name=_("wished pitch event"),
    )
    founder_name = models.CharField(_("founder's name"), max_length=100)
    email = models.EmailField(_("e-mail address"), max_length=254)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    organisation = models.CharField(_("organisation"), max_length=120, blank=True)
    website = models.URLField(_("website"), max_length=300, blank=True)
    image = models.ImageField(
        _("image"),
        storage=pitch_image_storage,
        upload_to="pitches/%Y/%m/",
        blank=True,
        width_field="image_width",
        height_field="image_height",
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    wants_updates = models.BooleanField(_("wants updates"), default=False)
    language = models.CharField(_("language"), max_length=10)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    decline_reason = models.TextField(_("reason for declining"), max_length=2000, blank=True)
    initiative = models.ForeignKey(
        InitiativePage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pitches",
        verbose_name=_("initiative page"),
    )
    created_at = models.DateTimeField(_("received"), default=timezone.now)
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now)

    class Meta:
        verbose_name = _("pitch")
        verbose_name_plural = _("pitches")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["status", "status_changed_at"]), models.Index(fields=["email"])]
        permissions = [("view_pitch_contact", _("Can see the founder's contact details"))]

    def __str__(self):
        return self.initiative_name

    @property
    def is_open(self):
        return self.status in {self.Status.RECEIVED, self.Status.IN_REVIEW, self.Status.INFO_REQUESTED}

    def get_needs_display(self):
        labels = dict(InitiativeNeed.Kind.choices)
        return [labels.get(kind, kind) for kind in self.needs]

    def status_token(self):
        """The token of the founder's status link (see pages/signed_links.py)."""
        return signed_token(self.pk, PITCH_TOKEN_SALT)

    @classmethod
    def from_status_token(cls, token):
        """The pitch of a status token, or None for a forged or mangled one."""
        pk = pk_of_signed_token(token, PITCH_TOKEN_SALT)
        return None if pk is None else cls.objects.filter(pk=pk).first()


PITCH_TOKEN_SALT = "meedoen.pitch.status"  # noqa: S105 - a signing salt, not a secret


class PitchMessage(models.Model):
    """One message in the thread between staff and the founder of a pitch."""

    class Author(models.TextChoices):
        STAFF = "staff", _("Municipality")
        FOUNDER = "founder", _("Founder")

    pitch = models.ForeignKey(Pitch, on_delete=models.CASCADE, related_name="messages", verbose_name=_("pitch"))
    author = models.CharField(_("from"), max_length=10, choices=Author.choices)
    staff_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("message"), max_length=4000)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("message about a pitch")
        verbose_name_plural = _("messages about pitches")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.author} {self.created_at:%Y-%m-%d %H:%M}"


class PitchEmail(Outbox):
    """An e-mail to a founder about their pitch, written in the same transaction as the
    change it reports (see SignUpEmail)."""

    pitch = models.ForeignKey(Pitch, on_delete=models.CASCADE, related_name="emails", verbose_name=_("pitch"))
    kind = models.CharField(_("kind"), max_length=20, choices=Pitch.Status.choices)
    message = models.ForeignKey(PitchMessage, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("e-mail about a pitch")
        verbose_name_plural = _("e-mails about pitches")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["sent_at", "created_at"])]

    def __str__(self):
        return f"{self.kind} {self.pitch_id}"
