"""Sign-ups for pitch events and the e-mails about them (the rules are in initiatives/signups.py)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from notifications.models import Outbox
from pages.signed_links import pk_of_signed_token, signed_token


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
        "initiatives.PitchEventPage",
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
