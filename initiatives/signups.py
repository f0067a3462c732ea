"""Seats for pitch events: who gets a seat, who waits, and who moves up.

Every decision is taken inside one database transaction that first locks the event's
EventSeats row, so two residents can never both get the last seat, on PostgreSQL
(`select_for_update`) as on SQLite (one writer at a time). Views, the admin and tests
call these functions; none of them decides about seats itself.

The rules:
- A sign-up gets its seats when they fit in what is left; otherwise it joins the waiting
  list (when the event has one) or is refused as full.
- Registration must be open: not before `registration_opens_at`, not after it closes,
  never once the event has ended.
- One active sign-up per e-mail address per event (the same address again is refused as a
  duplicate, so a second sign-up never takes a second set of seats).
- When seats come free (a cancellation, fewer seats), the waiting list is walked in order
  of arrival and everyone whose request fits moves up.
- Asking for more seats succeeds only when they fit; otherwise the sign-up keeps what it
  has. A waiting sign-up keeps its place in the queue.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from notifications import subscriptions
from pages import ratelimit

# The event page's routes call this module, so it refers to the models through their
# module (imported by then) rather than importing names from it.
from . import models
from .tasks import send_signup_email

# SignUp.Status values.
CONFIRMED, WAITING, CANCELLED = "confirmed", "waiting", "cancelled"

# Why a request changed nothing.
NOT_OPEN, CLOSED, PAST, FULL, DUPLICATE, TOO_MANY, ALREADY_CANCELLED = (
    "not_open",
    "closed",
    "past",
    "full",
    "duplicate",
    "too_many",
    "already_cancelled",
)


@dataclass
class Outcome:
    """What happened: `status` of the sign-up afterwards (or None when nothing was made),
    `reason` when the request was refused, the waiting-list `position` (1 is next), and the
    sign-ups that moved up from the waiting list as a result (`promoted`, primary keys)."""

    signup: "models.SignUp | None" = None
    reason: str = ""
    position: int | None = None
    promoted: list = field(default_factory=list)

    @property
    def status(self):
        return self.signup.status if self.signup else None

    @property
    def ok(self):
        return not self.reason


RATE_LIMIT_MESSAGE = _("There have been many sign-ups from you in a short time. Please try again in an hour.")


def is_rate_limited(request, email):
    """Count one sign-up attempt for the client's address and for the e-mail address: 0
    while both are within their limit this hour (SIGNUP_RATE_LIMIT_PER_IP,
    SIGNUP_RATE_LIMIT_PER_EMAIL), else the seconds until both are again (for Retry-After).
    Shared by every app server when Redis is configured."""
    per_ip = ratelimit.hit("signup-ip", ratelimit.client_ip(request), settings.MEEDOEN_SIGNUP_RATE_LIMIT_PER_IP, 3600)
    per_email = ratelimit.hit(
        "signup-email", normalise_email(email), settings.MEEDOEN_SIGNUP_RATE_LIMIT_PER_EMAIL, 3600
    )
    return max(per_ip, per_email)


def _notify(signup, kind):
    """Write the e-mail about this change in the same transaction, send it after commit."""
    email = models.SignUpEmail.objects.create(signup=signup, kind=kind)
    transaction.on_commit(lambda: send_signup_email.enqueue(email.pk))


def normalise_email(email):
    return email.strip().lower()


def _lock(event_key):
    """Lock the event's seats row for the rest of the transaction (created on first use)."""
    models.EventSeats.objects.get_or_create(event_key=event_key)
    return models.EventSeats.objects.select_for_update().get(event_key=event_key)


def _event_for(event_key):
    """An event page of this translation key (its capacity and rules are synchronised
    across translations, so any will do): the first one made, normally the source."""
    return models.PitchEventPage.objects.filter(translation_key=event_key).order_by("pk").first()


def seats_taken(event_key):
    return models.SignUp.objects.filter(event_key=event_key, status=CONFIRMED).aggregate(n=Sum("seats"))["n"] or 0


def waiting_list(event_key):
    return models.SignUp.objects.filter(event_key=event_key, status=WAITING).order_by("created_at", "pk")


@dataclass(frozen=True)
class Availability:
    capacity: int
    taken: int
    waiting: int

    @property
    def left(self):
        return max(self.capacity - self.taken, 0)


def availability(event):
    """Seats taken and left, and the length of the waiting list, for an event page."""
    waiting = waiting_list(event.translation_key).count()
    return Availability(capacity=event.capacity, taken=seats_taken(event.translation_key), waiting=waiting)


def _promote(event, now):
    """Move up everyone on the waiting list whose request fits, in order of arrival.
    Call with the event's row locked."""
    free = event.capacity - seats_taken(event.translation_key)
    promoted = []
    for waiting in waiting_list(event.translation_key):
        if free <= 0:
            break
        if waiting.seats <= free:
            waiting.status, waiting.confirmed_at = CONFIRMED, now
            waiting.save(update_fields=["status", "confirmed_at"])
            _notify(waiting, models.SignUpEmail.Kind.PROMOTED)
            free -= waiting.seats
            promoted.append(waiting.pk)
    return promoted


def sign_up(event, *, name, email, seats, language, role="attend", accessibility_needs="", wants_updates=False):
    """Sign up for `event` (a PitchEventPage in any language). Returns an Outcome."""
    state = event.registration_state
    if state != "open":
        return Outcome(reason={"not_open": NOT_OPEN, "closed": CLOSED, "past": PAST}[state])
    if not 1 <= seats <= event.max_seats_per_signup:
        return Outcome(reason=TOO_MANY)
    email = normalise_email(email)
    key = event.translation_key
    try:
        with transaction.atomic():
            _lock(key)
            now = timezone.now()  # taken under the lock: the order of arrival is the order of decision
            # Seats an editor added since the last sign-up go to the waiting list first.
            promoted = _promote(event, now)
            existing = models.SignUp.objects.filter(event_key=key, email=email).exclude(status=CANCELLED).first()
            if existing is not None:
                # The page never says whether an address signed up; the e-mail tells its owner.
                _notify(existing, models.SignUpEmail.Kind.DUPLICATE)
                return Outcome(reason=DUPLICATE, promoted=promoted)
            # Nobody waiting fits in what is left (see _promote), so a request that fits
            # takes no one's turn.
            fits = seats_taken(key) + seats <= event.capacity
            if not fits and not event.waiting_list_enabled:
                return Outcome(reason=FULL, promoted=promoted)
            signup = models.SignUp.objects.create(
                event_key=key,
                event=event,
                name=name,
                email=email,
                seats=seats,
                role=role,
                accessibility_needs=accessibility_needs,
                wants_updates=wants_updates,
                language=language,
                status=CONFIRMED if fits else WAITING,
                created_at=now,
                confirmed_at=now if fits else None,
            )
            _notify(signup, models.SignUpEmail.Kind.CONFIRMED if fits else models.SignUpEmail.Kind.WAITING)
            if wants_updates:
                # The feedback loop: news when a story reports on this event's initiatives or project.
                subscriptions.subscribe(email, language, event, source="signup")
            return Outcome(signup=signup, position=signup.waiting_position(), promoted=promoted)
    except IntegrityError:
        # The database's own guard (one active sign-up per address) caught a race the
        # check above could not see, e.g. on a database without row locks.
        return Outcome(reason=DUPLICATE)


def _locked(signup_pk):
    """The sign-up, read again after locking its event's row, and its event; (None, None)
    when there is no such sign-up. Call inside a transaction."""
    signup = models.SignUp.objects.filter(pk=signup_pk).first()
    if signup is None:
        return None, None
    _lock(signup.event_key)
    signup.refresh_from_db()
    return signup, signup.event or _event_for(signup.event_key)


def cancel(signup_pk):
    """Cancel a sign-up and let the waiting list move up. Cancelling twice changes nothing."""
    now = timezone.now()
    with transaction.atomic():
        signup, event = _locked(signup_pk)
        if signup is None or signup.status == CANCELLED:
            return Outcome(signup=signup, reason=ALREADY_CANCELLED)
        signup.status, signup.cancelled_at = CANCELLED, now
        signup.save(update_fields=["status", "cancelled_at"])
        _notify(signup, models.SignUpEmail.Kind.CANCELLED)
        promoted = _promote(event, now) if event is not None else []
        return Outcome(signup=signup, promoted=promoted)


def change_seats(signup_pk, seats):
    """Ask for a different number of seats. Fewer always works and may move others up;
    more works when the extra seats fit, otherwise the sign-up keeps what it has."""
    now = timezone.now()
    with transaction.atomic():
        signup, event = _locked(signup_pk)
        if signup is None or signup.status == CANCELLED or event is None:
            return Outcome(signup=signup, reason=ALREADY_CANCELLED)
        if event.is_past:
            return Outcome(signup=signup, reason=PAST)
        if not 1 <= seats <= event.max_seats_per_signup:
            return Outcome(signup=signup, reason=TOO_MANY, position=signup.waiting_position())
        if signup.status == CONFIRMED and seats > signup.seats:
            if seats_taken(signup.event_key) - signup.seats + seats > event.capacity:
                return Outcome(signup=signup, reason=FULL)
        if seats == signup.seats:
            return Outcome(signup=signup, position=signup.waiting_position())
        signup.seats = seats
        signup.save(update_fields=["seats"])
        _notify(signup, models.SignUpEmail.Kind.CHANGED)
        promoted = _promote(event, now)
        signup.refresh_from_db()
        return Outcome(signup=signup, position=signup.waiting_position(), promoted=promoted)


def move_up(signup_pk):
    """Staff move one waiting sign-up up, out of turn, when its seats fit."""
    now = timezone.now()
    with transaction.atomic():
        signup, event = _locked(signup_pk)
        if signup is None or signup.status != WAITING or event is None:
            return Outcome(signup=signup, reason=ALREADY_CANCELLED)
        if seats_taken(signup.event_key) + signup.seats > event.capacity:
            return Outcome(signup=signup, reason=FULL, position=signup.waiting_position())
        signup.status, signup.confirmed_at = CONFIRMED, now
        signup.save(update_fields=["status", "confirmed_at"])
        _notify(signup, models.SignUpEmail.Kind.PROMOTED)
        return Outcome(signup=signup, promoted=[signup.pk])


# --- Privacy: keeping personal data no longer than needed ---------------------------------


def anonymise(signup, now=None):
    """Remove the personal data of a sign-up, keep what reports count (seats, status, role,
    language, dates). Its e-mails go too: they name the resident."""
    now = now or timezone.now()
    signup.name, signup.email = "", f"removed-{signup.pk}@invalid"
    signup.accessibility_needs, signup.wants_updates, signup.anonymised_at = "", False, now
    signup.save(update_fields=["name", "email", "accessibility_needs", "wants_updates", "anonymised_at"])
    signup.emails.all().delete()


def purge(now=None):
    """The retention rules, for a daily cron job (manage.py purge_signups): accessibility
    needs go the day after the event, everything personal SIGNUP_RETENTION_DAYS after it.
    Returns (needs cleared, sign-ups anonymised)."""
    now = now or timezone.now()
    keep_until = now - timedelta(days=settings.MEEDOEN_SIGNUP_RETENTION_DAYS)
    ended = models.PitchEventPage.objects.filter(end__lt=now - timedelta(days=1)).values("translation_key")
    expired = models.PitchEventPage.objects.filter(end__lt=keep_until).values("translation_key")
    known = models.PitchEventPage.objects.values("translation_key")
    active = models.SignUp.objects.filter(anonymised_at=None)
    # Sign-ups whose event page was deleted count from the day they were made.
    old = active.filter(Q(event_key__in=expired) | (~Q(event_key__in=known) & Q(created_at__lt=keep_until)))
    anonymised = 0
    for signup in list(old):
        with transaction.atomic():
            anonymise(signup, now)
        anonymised += 1
    cleared = active.filter(event_key__in=ended).exclude(accessibility_needs="").update(accessibility_needs="")
    subscriptions.purge(now)
    return cleared, anonymised


def personal_data(email):
    """Everything held about one e-mail address: its sign-ups and its messages to initiatives."""
    email = normalise_email(email)
    signups = models.SignUp.objects.filter(email=email, anonymised_at=None).select_related("event")
    messages = models.InitiativeContactMessage.objects.filter(sender_email__iexact=email).select_related("initiative")
    return {
        "email": email,
        "signups": [
            {
                "event": s.event.title if s.event else str(s.event_key),
                "name": s.name,
                "seats": s.seats,
                "status": s.status,
                "role": s.role,
                "accessibility_needs": s.accessibility_needs,
                "wants_updates": s.wants_updates,
                "language": s.language,
                "signed_up": s.created_at.isoformat(),
            }
            for s in signups
        ],
        "messages_to_initiatives": [
            {
                "initiative": m.initiative.title,
                "name": m.sender_name,
                "message": m.message,
                "received": m.created_at.isoformat(),
            }
            for m in messages
        ],
        "subscriptions_to_updates": subscriptions.personal_data(email),
    }


def erase(email):
    """Erase everything held about one e-mail address: sign-ups are cancelled (their seats
    go to the waiting list) and anonymised, messages to initiatives deleted. Returns
    (sign-ups erased, messages deleted)."""
    email = normalise_email(email)
    erased = 0
    for pk in list(models.SignUp.objects.filter(email=email, anonymised_at=None).values_list("pk", flat=True)):
        with transaction.atomic():
            signup, event = _locked(pk)
            if signup.status != CANCELLED:
                signup.status, signup.cancelled_at = CANCELLED, timezone.now()
                signup.save(update_fields=["status", "cancelled_at"])
                if event is not None and not event.is_past:
                    _promote(event, timezone.now())
            anonymise(signup)
        erased += 1
    deleted, _ = models.InitiativeContactMessage.objects.filter(sender_email__iexact=email).delete()
    subscriptions.erase(email)
    return erased, deleted
