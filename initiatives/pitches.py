"""Pitches: a changemaker hands in an initiative, staff review it, and an accepted pitch
becomes a draft initiative page and, if staff want, a slot on a pitch event's stage.

The status flow (every change e-mails the founder, in the founder's language):

    received ──► in review ──► accepted (a draft InitiativePage, never published here)
        │            │  ▲   └─► declined (with a reason)
        │            ▼  │
        └──────► more information asked (the founder answers on the status page)

A pitch that is still open (received, in review, more information asked) can be withdrawn
by its founder, and accepted or declined by staff from any open status.

Each change is made in one transaction that locks the pitch's row, so two moderators
cannot both accept a pitch; the e-mail is written in the same transaction and sent after
commit, and a failed e-mail is retried (manage.py send_pending_messages). Views, the admin
and tests all call these functions.
"""

import io
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from notifications import subscriptions
from pages import ratelimit

from . import models, uploads
from .tasks import send_pitch_email

RECEIVED, IN_REVIEW, INFO_REQUESTED, ACCEPTED, DECLINED, WITHDRAWN = (
    "received",
    "in_review",
    "info_requested",
    "accepted",
    "declined",
    "withdrawn",
)
OPEN = {RECEIVED, IN_REVIEW, INFO_REQUESTED}

#: The statuses a pitch may come from, per status it goes to.
ALLOWED_FROM = {
    IN_REVIEW: {RECEIVED, INFO_REQUESTED},
    INFO_REQUESTED: OPEN,
    ACCEPTED: OPEN,
    DECLINED: OPEN,
    WITHDRAWN: OPEN,
}

RATE_LIMIT_MESSAGE = _("There have been many pitches from you in a short time. Please try again tomorrow.")
CLOSED_MESSAGE = _("This pitch is closed: it can no longer be changed.")


@dataclass
class Result:
    """What a request did: `ok`, and a `message` to show (in the active language)."""

    ok: bool
    message: str = ""


class Refused(Exception):
    """A change the status flow does not allow; `str(error)` says why, for the user."""


def is_rate_limited(request, email):
    """Count one pitch for the client's address and the e-mail address: 0 while both are
    within their limit for the day (PITCH_RATE_LIMIT_PER_IP, PITCH_RATE_LIMIT_PER_EMAIL),
    else the seconds until both are again (for Retry-After)."""
    day = 24 * 3600
    per_ip = ratelimit.hit("pitch-ip", ratelimit.client_ip(request), settings.MEEDOEN_PITCH_RATE_LIMIT_PER_IP, day)
    per_email = ratelimit.hit("pitch-email", email.strip().lower(), settings.MEEDOEN_PITCH_RATE_LIMIT_PER_EMAIL, day)
    return max(per_ip, per_email)


def _notify(pitch, kind, message=None):
    email = models.PitchEmail.objects.create(pitch=pitch, kind=kind, message=message)
    transaction.on_commit(lambda: send_pitch_email.enqueue(email.pk))


def submit(page, data, *, language):
    """Store a pitch from the cleaned PitchForm `data`, sent with `page`, and queue the
    confirmation. The image (already re-encoded) is stored first and removed again if the
    pitch cannot be saved, so no file is left behind."""
    pitch = models.Pitch(
        page=page,
        initiative_name=data["initiative_name"],
        summary=data["summary"],
        description=data["description"],
        stage=data["stage"],
        needs=list(data["needs"]),
        needs_explanation=data["needs_explanation"],
        wished_event=data["wished_event"],
        founder_name=data["founder_name"],
        email=data["email"].strip().lower(),
        phone=data["phone"],
        organisation=data["organisation"],
        website=data["website"],
        wants_updates=data["wants_updates"],
        language=language,
    )
    if data.get("image"):
        pitch.image.save(data["image"].name, data["image"], save=False)
    try:
        with transaction.atomic():
            pitch.save()
            pitch.themes.set(data["themes"])
            pitch.neighbourhoods.set(data["neighbourhoods"])
            _notify(pitch, RECEIVED)
    except Exception:
        if pitch.image:
            pitch.image.delete(save=False)
        raise
    return pitch


def _locked(pitch_pk):
    return models.Pitch.objects.select_for_update().get(pk=pitch_pk)


def _move(pitch, status, **fields):
    if pitch.status not in ALLOWED_FROM[status]:
        raise Refused(CLOSED_MESSAGE if not pitch.is_open else _("This step is not possible now."))
    pitch.status, pitch.status_changed_at = status, timezone.now()
    for name, value in fields.items():
        setattr(pitch, name, value)
    pitch.save(update_fields=["status", "status_changed_at", *fields])


def start_review(pitch_pk, user):
    """Staff take a pitch into review."""
    with transaction.atomic():
        pitch = _locked(pitch_pk)
        _move(pitch, IN_REVIEW)
        _notify(pitch, IN_REVIEW)
    return pitch


def ask_information(pitch_pk, user, question):
    """Staff ask the founder a question; it is e-mailed and shown on the status page."""
    with transaction.atomic():
        pitch = _locked(pitch_pk)
        _move(pitch, INFO_REQUESTED)
        message = pitch.messages.create(author=models.PitchMessage.Author.STAFF, staff_user=user, body=question)
        _notify(pitch, INFO_REQUESTED, message)
    return pitch


def answer(pitch_pk, text):
    """The founder adds to an open pitch; an answer to a question puts it back in review."""
    with transaction.atomic():
        pitch = _locked(pitch_pk)
        if not pitch.is_open:
            return Result(False, str(CLOSED_MESSAGE))
        pitch.messages.create(author=models.PitchMessage.Author.FOUNDER, body=text)
        if pitch.status == INFO_REQUESTED:
            _move(pitch, IN_REVIEW)
            _notify(pitch, IN_REVIEW)
    return Result(True, str(_("Thank you. Your answer has been sent to the municipality.")))


def withdraw(pitch_pk):
    """The founder withdraws an open pitch. Its data is deleted after the retention period."""
    with transaction.atomic():
        pitch = _locked(pitch_pk)
        if not pitch.is_open:
            return Result(False, str(CLOSED_MESSAGE))
        _move(pitch, WITHDRAWN)
        _notify(pitch, WITHDRAWN)
    return Result(True, str(_("Your pitch has been withdrawn.")))


def decline(pitch_pk, user, reason):
    """Staff decline a pitch; the founder reads the reason in the e-mail and on the status page."""
    with transaction.atomic():
        pitch = _locked(pitch_pk)
        _move(pitch, DECLINED, decline_reason=reason)
        _notify(pitch, DECLINED)
    return pitch


# --- Accepting: a draft initiative page, filled from the pitch -----------------------------


def _index_for(pitch):
    """The initiatives overview the draft goes under: the form's parent, else the first
    overview in the pitch's language."""
    if pitch.page is not None:
        parent = pitch.page.get_parent().specific
        if isinstance(parent, models.InitiativeIndexPage):
            return parent
    index = models.InitiativeIndexPage.objects.filter(locale__language_code=pitch.language).order_by("path").first()
    if index is None:
        raise Refused(_("There is no initiatives overview in this language to put the initiative under."))
    return index


def _free_slug(parent, name, fallback):
    base = slugify(name, allow_unicode=True)[:70].strip("-") or fallback
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _story(pitch):
    """The description as paragraphs of escaped text: nothing a founder typed becomes markup.
    What is needed is not part of the story: it goes to the page's own `needs_explanation`,
    shown in the page's "What we need" section (as a heading in the story it showed twice)."""
    paragraphs = [p.strip() for p in pitch.description.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return [("paragraph", RichText(format_html("<p>{}</p>", p))) for p in paragraphs]


def _library_image(pitch, user):
    """The pitch's (already re-encoded) image as an image in Wagtail's library, with the
    initiative's name as title and as alt text for the editor to improve.

    Its original lands in the public media (/media/original_images/) while the initiative
    is still a draft, so its file name is random: 128 bits nobody can guess, and nothing
    public links to it before the page is published (pages show renditions, whose names
    start with the same random part). Never the founder's file name."""
    Image = get_image_model()  # noqa: N806
    with pitch.image.open("rb") as f:
        data = f.read()
    extension = pitch.image.name.rsplit(".", 1)[-1].lower()  # set by uploads.clean_image
    image = Image(title=pitch.initiative_name[:255], description=pitch.initiative_name[:255], uploaded_by_user=user)
    image.file = ImageFile(io.BytesIO(data), name=uploads.unguessable_name(extension))
    image.file_size = len(data)
    image._set_file_hash()
    image.save()
    return image


def accept(pitch_pk, user):
    """Accept a pitch: a draft InitiativePage under the initiatives overview, with the
    pitch's text, themes, neighbourhoods, needs and image, linked back to the pitch. It is
    not published: an editor improves it and publishes it through the moderation workflow."""
    with transaction.atomic():
        pitch = _locked(pitch_pk)
        if pitch.status not in ALLOWED_FROM[ACCEPTED]:
            raise Refused(CLOSED_MESSAGE)
        index = _index_for(pitch)
        Status = models.InitiativePage.Status  # noqa: N806
        page = models.InitiativePage(
            title=pitch.initiative_name,
            slug=_free_slug(index, pitch.initiative_name, f"initiatief-{pitch.pk}"),
            summary=pitch.summary,
            body=_story(pitch),
            status=Status.RUNNING if pitch.stage == "running" else Status.IDEA,
            public_owner=(pitch.organisation or pitch.founder_name.split(" ")[0])[:120],
            website=pitch.website,
            needs_explanation=pitch.needs_explanation.strip(),
            live=False,
            owner=user,
        )
        page.themes.set(list(pitch.themes.filter(locale=index.locale)))
        page.neighbourhoods.set(list(pitch.neighbourhoods.filter(locale=index.locale)))
        page.needs = [models.InitiativeNeed(kind=kind, locale=index.locale) for kind in pitch.needs]
        if pitch.image:
            page.image = _library_image(pitch, user)
        index.add_child(instance=page)
        page.save_revision(user=user, log_action=True)
        _move(pitch, ACCEPTED, initiative=page)
        _notify(pitch, ACCEPTED)
        if pitch.wants_updates:
            # The feedback loop: news when a feedback story reports on this initiative.
            subscriptions.subscribe(pitch.email, pitch.language, page, source="pitch")
    return page


def add_to_programme(pitch_pk, event, user, starts_at=None, note=""):
    """Put the initiative of an accepted pitch on `event`'s programme: on the event's page
    and on a draft of it waiting for moderation alike, publishing nothing else
    (PitchEventPage.add_to_programme). Returns True when the event is live: the slot shows
    there once the initiative is published."""
    pitch = models.Pitch.objects.select_related("initiative").get(pk=pitch_pk)
    if pitch.status != ACCEPTED or pitch.initiative is None:
        raise Refused(_("Only an accepted pitch with an initiative page can go on a programme."))
    if not event.add_to_programme(pitch.initiative, user, starts_at, note):
        raise Refused(_("This initiative is on the programme of this event already."))
    return event.live


# --- Privacy ------------------------------------------------------------------------------


def _delete(pitches):
    """Delete pitches with their messages and e-mails, and their images once committed."""
    names = [p.image.name for p in pitches if p.image]
    storage = models.Pitch._meta.get_field("image").storage
    count = models.Pitch.objects.filter(pk__in=[p.pk for p in pitches]).delete()[1].get("initiatives.Pitch", 0)
    transaction.on_commit(lambda: [storage.delete(name) for name in names])
    return count


def purge(now=None):
    """Delete declined and withdrawn pitches PITCH_RETENTION_DAYS after that decision
    (manage.py purge_signups runs it daily). Returns the number deleted."""
    now = now or timezone.now()
    keep_until = now - timedelta(days=settings.MEEDOEN_PITCH_RETENTION_DAYS)
    old = models.Pitch.objects.filter(status__in=[DECLINED, WITHDRAWN], status_changed_at__lt=keep_until)
    with transaction.atomic():
        return _delete(list(old))


def personal_data(email):
    """Every pitch of one e-mail address, as the founder typed it, with its thread."""
    pitches = models.Pitch.objects.filter(email=email.strip().lower()).prefetch_related("messages", "themes")
    return [
        {
            "initiative_name": p.initiative_name,
            "summary": p.summary,
            "description": p.description,
            "themes": [t.name for t in p.themes.all()],
            "needs": [str(label) for label in p.get_needs_display()],
            "needs_explanation": p.needs_explanation,
            "founder_name": p.founder_name,
            "email": p.email,
            "phone": p.phone,
            "organisation": p.organisation,
            "website": p.website,
            "has_image": bool(p.image),
            "wants_updates": p.wants_updates,
            "status": p.get_status_display(),
            "decline_reason": p.decline_reason,
            "language": p.language,
            "received": p.created_at.isoformat(),
            "messages": [
                {"from": m.author, "message": m.body, "sent": m.created_at.isoformat()} for m in p.messages.all()
            ],
        }
        for p in pitches
    ]


def erase(email):
    """Delete every pitch of one e-mail address (an initiative page made from one stays:
    it is an editor's page by then). Returns the number deleted."""
    with transaction.atomic():
        return _delete(list(models.Pitch.objects.filter(email=email.strip().lower())))
