"""Changemaker pitch events and their programme (signing up: signups.py)."""

import re
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.log_actions import log
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from initiatives import signups
from initiatives.forms import ChangeSeatsForm, SignUpForm
from pages import opendata
from pages.blocks import BaseStreamBlock
from pages.models import SUMMARY_BOOST, BasePage, MunicipalitySettings, TaxonomyMixin

from .routes import FormRoutesMixin
from .signups import SignUp

#: A resident's manage link works until this long after the event has ended.
SIGNUP_LINK_VALID_AFTER_EVENT = timedelta(days=1)

#: Hand-written claims about how full an event is ("De zaal is bijna vol", "Only 5 seats
#: left"), in Dutch and English. Next to the live number of seats left such a line goes
#: stale the moment it is written and then contradicts the figure ("bijna vol" with 60 of
#: 60 seats free): the live figure wins, so the event page leaves these sentences out.
SEAT_CLAIM = re.compile(
    r"""
    \b(?:bijna|al|helemaal|zo\s+goed\s+als|vrijwel)\s+(?:vol|volgeboekt|uitverkocht)\b
    | \b(?:is|zijn|raakt|raken|loopt|lopen)\s+(?:al\s+)?(?:snel\s+)?vol\b
    | \b(?:uitverkocht|volgeboekt)\b
    | \b(?:nog\s+(?:maar\s+)?|slechts\s+)(?:\d+|een\s+paar|enkele|weinig|genoeg|veel)\s+
      (?:vrije\s+)?(?:plaatsen|plekken|stoelen)\b
    | \b(?:almost|nearly|practically|virtually)\s+(?:full|sold\s+out|booked\s+up|fully\s+booked)\b
    | \b(?:fully\s+booked|sold\s+out|booked\s+up|filling\s+up)\b
    | \b(?:is|are)\s+(?:already\s+)?full\b
    | \b(?:only\s+)?(?:\d+|a\s+few|few|plenty\s+of)\s+(?:seats|places|tickets)\s+(?:left|remaining|available)\b
    """,
    re.IGNORECASE | re.VERBOSE,
)

#: A heading in an event's description that starts the editor's own programme (the
#: evening's schedule). The page has one "Programme" section: that part of the description
#: is shown there, under the live list of pitches, instead of under a second "Programme".
PROGRAMME_HEADINGS = {"programma", "programme", "program", "het programma", "the programme"}


def without_seat_claims(text):
    """`text` without its sentences that claim how full the event is (SEAT_CLAIM)."""
    sentences = re.split(r"(?<=[.!?])\s+", text.strip())
    return " ".join(sentence for sentence in sentences if not SEAT_CLAIM.search(sentence))


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
        index.SearchField("summary", boost=SUMMARY_BOOST),
        index.SearchField("body"),
        index.SearchField("venue_name"),
        index.FilterField("start"),
        index.FilterField("end"),
        *TaxonomyMixin.taxonomy_search_fields,
    ]

    parent_page_types = ["initiatives.PitchEventIndexPage"]
    subpage_types = []

    type_label = _("Pitch event")
    search_type = ("event", _("Pitch events"))
    search_over = {"end__lt": timezone.now}
    search_order = 20
    home_section = "upcoming_events"
    feed_groups = ("events",)

    class Meta:
        verbose_name = _("pitch event")
        verbose_name_plural = _("pitch events")
        # The events that have not ended, found without walking the others (upcoming()).
        indexes = [models.Index(fields=["end", "page_ptr"], name="meedoen_event_end")]

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

    @classmethod
    def home_section_pages(cls, shown):
        return cls.objects.filter(pk__in=shown, end__gte=timezone.now()).order_by("start").select_related("image")[:3]

    @classmethod
    def upcoming(cls, locale, limit=3):
        """The next live, public events in `locale`, soonest first (for a search that
        found nothing); all of them with `limit=None`."""
        # From the events that have not ended (the `end` index): filtered on the page
        # table alone, the planner walked every page of the language looking for events
        # (3.5 ms on 10,000 initiatives).
        not_ended = cls.objects.filter(end__gte=timezone.now()).values("pk")
        return (
            cls.objects.live()
            .public()
            .filter(pk__in=not_ended, locale=locale)
            .order_by("start")
            .select_related("image")[:limit]
        )

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

    def json_ld(self, request):
        """A schema.org Event, with an Offer of the seats while it has not taken place."""
        location = {"@type": "Place", "name": self.venue_name}
        address = {
            "@type": "PostalAddress",
            "streetAddress": self.street_address,
            "postalCode": self.postal_code,
            "addressLocality": self.city,
            "addressCountry": "NL",
        }
        location["address"] = {key: value for key, value in address.items() if value}
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": self.summary,
            "startDate": timezone.localtime(self.start).isoformat(),
            "endDate": timezone.localtime(self.end).isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": location,
            "organizer": MunicipalitySettings.organization(request),
            "url": self.get_full_url(request),
            "inLanguage": self.locale.language_code,
            "image": [opendata.share_image(request, self)[0]],
            "isAccessibleForFree": True,
        }
        state = self.registration_state
        if state != "past":
            left = signups.availability(self).left
            if state == "open":
                availability = "InStock" if left > 0 else "SoldOut"
            elif state == "not_open":
                availability = "PreOrder"
            else:
                availability = "SoldOut" if left == 0 else "Discontinued"
            offer = {
                "@type": "Offer",
                "url": self.get_full_url(request) + "#registration",
                "price": "0",
                "priceCurrency": "EUR",
                "availability": f"https://schema.org/{availability}",
                "inventoryLevel": {"@type": "QuantitativeValue", "value": left},
            }
            if self.registration_opens_at:
                offer["validFrom"] = timezone.localtime(self.registration_opens_at).isoformat()
            data["offers"] = offer
            data["maximumAttendeeCapacity"] = self.capacity
            data["remainingAttendeeCapacity"] = left
        return data

    @property
    def summary_beside_live_figures(self):
        """The summary as the event page shows it next to the live number of seats left:
        without hand-written claims about how full it is (SEAT_CLAIM). Cards and feeds,
        which show no live figure, keep the summary as written."""
        return without_seat_claims(self.summary)

    def body_parts(self):
        """The description in two parts: {"about": blocks, "programme": blocks}. The
        programme part is the editor's own schedule, the blocks under a "Programme"
        heading up to the next heading; the page shows it in its one Programme section."""
        about, programme = [], []
        names = PROGRAMME_HEADINGS | {gettext("Programme").casefold()}
        in_programme = False
        for block in self.body:
            if block.block_type == "heading":
                in_programme = str(block.value).strip().rstrip(":").casefold() in names
                if in_programme:
                    continue
            (programme if in_programme else about).append(block)
        return {"about": about, "programme": programme}

    def programme_items(self):
        """The pitches on stage whose initiative is published: a slot staff added for a
        draft initiative (an accepted pitch) shows once an editor publishes the initiative."""
        return self.programme.filter(initiative__live=True).select_related("initiative", "initiative__image")

    # --- Staff changes that publish nothing else --------------------------------------
    #
    # Staff put a pitch on the programme and close registration outside the page editor,
    # while an editor's draft of the event may be waiting for moderation. Such a change is
    # made on the page's row (the live page, or the unpublished page itself) and on the
    # waiting draft alike, as a new revision on top of it: the draft stays the latest
    # revision and unpublished, and its workflow goes on, as after an editor's own save
    # during moderation (an approval publishes the latest revision). Nothing is built
    # from the live page into a revision, and nothing is published.

    def _locked_with_draft(self):
        """This page's row, locked until the transaction ends, and the draft waiting on
        it (its latest revision, newer than what is live) or None."""
        page = type(self).objects.select_for_update().get(pk=self.pk)
        draft = None
        if page.has_unpublished_changes and page.latest_revision_id is not None:
            draft = page.get_latest_revision_as_object()
        return page, draft

    def _record(self, draft, user):
        """Save the change to the draft as a new revision, or note it in the history."""
        if draft is None:
            log(instance=self, action="wagtail.edit", user=user)
        else:
            draft.save_revision(user=user, log_action=True, clean=False)

    def close_registration(self, user):
        """Close registration now. Returns False when it was not open."""
        with transaction.atomic():
            page, draft = self._locked_with_draft()
            if page.registration_state != "open":
                return False
            page.registration_closes_at = timezone.now()
            page.save(update_fields=["registration_closes_at"], clean=False)
            if draft is not None:
                draft.registration_closes_at = page.registration_closes_at
            page._record(draft, user)
        return True

    def add_to_programme(self, initiative, user, starts_at=None, note=""):
        """Put `initiative` last on the programme. Returns False when it is on the
        programme already (on the page or in the draft)."""
        with transaction.atomic():
            page, draft = self._locked_with_draft()
            versions = [page] if draft is None else [page, draft]
            slots = [slot for version in versions for slot in version.programme.all()]
            if any(slot.initiative_id == initiative.pk for slot in slots):
                return False
            slot = PitchSlot.objects.create(
                event=page,
                initiative=initiative,
                starts_at=starts_at,
                note=note,
                locale_id=page.locale_id,
                sort_order=_next_position(page),
            )
            if draft is not None:
                # The same slot (its id), last in the draft's own order.
                slot.sort_order = _next_position(draft)
                draft.programme.add(slot)
            page._record(draft, user)
        return True

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
        if retry_after := signups.is_rate_limited(request, form.cleaned_data["email"]):
            form.add_error(None, signups.RATE_LIMIT_MESSAGE)
            response = self.render(request, context_overrides={"signup_form": form}, status=429)
            response["Retry-After"] = retry_after
            return response
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
        # A link of another event's sign-up shows nothing of that sign-up: `signup` is
        # only put in the context once it belongs here.
        context = {"signup": None, "manage_url": request.path}
        if signup is None or signup.event_key != self.translation_key:
            return self.render(
                request, template="initiatives/signup_manage.html", context_overrides=context, status=404
            )
        if self.end + SIGNUP_LINK_VALID_AFTER_EVENT < timezone.now():
            context.update(expired=True)
            return self.render(
                request, template="initiatives/signup_manage.html", context_overrides=context, status=410
            )
        context["signup"] = signup
        form = ChangeSeatsForm(max_seats=self.max_seats_per_signup, initial={"seats": signup.seats})
        if request.method == "POST":
            action = request.POST.get("action")
            if action == "cancel" and not request.POST.get("confirm") and signup.status != signups.CANCELLED:
                # A first click only asks: cancelling cannot be undone.
                context["confirm_cancel"] = True
            elif action == "cancel":
                context["outcome"] = signups.cancel(signup.pk)
            elif action == "change":
                form = ChangeSeatsForm(request.POST, max_seats=self.max_seats_per_signup)
                if form.is_valid():
                    context["outcome"] = signups.change_seats(signup.pk, form.cleaned_data["seats"])
            signup.refresh_from_db()
        context.update(change_form=form, position=signup.waiting_position())
        status = 400 if form.errors else 200
        return self.render(request, template="initiatives/signup_manage.html", context_overrides=context, status=status)


def _next_position(event):
    return max((slot.sort_order or 0 for slot in event.programme.all()), default=-1) + 1


class PitchSlot(TranslatableMixin, Orderable):
    """One initiative on the stage of a pitch event, in programme order."""

    event = ParentalKey(PitchEventPage, on_delete=models.CASCADE, related_name="programme")
    initiative = models.ForeignKey(
        "initiatives.InitiativePage", on_delete=models.CASCADE, related_name="pitch_slots", verbose_name=_("initiative")
    )
    starts_at = models.TimeField(_("time"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    panels = [PageChooserPanel("initiative"), FieldRowPanel([FieldPanel("starts_at"), FieldPanel("note")])]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("pitch")
        verbose_name_plural = _("programme")
