"""Pitches: changemakers hand in their initiative (the rules are in initiatives/pitches.py)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from initiatives import pitches
from initiatives.forms import PitchAnswerForm, PitchForm
from notifications.models import Outbox
from pages.blocks import RICH_TEXT_FEATURES
from pages.models import SUMMARY_BOOST, BasePage
from pages.signed_links import pk_of_signed_token, signed_token

from .initiatives import InitiativeNeed
from .routes import FormRoutesMixin


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
    search_fields = Page.search_fields + [index.SearchField("intro", boost=SUMMARY_BOOST)]

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
        if retry_after := pitches.is_rate_limited(request, form.cleaned_data["email"]):
            form.add_error(None, pitches.RATE_LIMIT_MESSAGE)
            response = self.render(request, context_overrides={"form": form}, status=429)
            response["Retry-After"] = retry_after
            return response
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

    #: Never shown in public: writing it keeps the public cache (pages/publiccache.py).
    changes_public_output = False

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
        "initiatives.PitchEventPage",
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
        "initiatives.InitiativePage",
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

    #: Never shown in public: writing it keeps the public cache (pages/publiccache.py).
    changes_public_output = False

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
