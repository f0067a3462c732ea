"""Background work of the initiatives app (django-tasks). Tasks take primary keys, so a
retry always reads fresh data."""

from email.utils import formataddr

from django.apps import apps
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.utils import translation
from django_tasks import task
from wagtail.models import Site

from notifications.delivery import deliver, public_url, render_email

from .calendar import event_calendar


def _recipient(initiative):
    """The initiative's own address, or the municipality's general one (the page says which:
    InitiativePage.contact_goes_to_municipality)."""
    if not initiative.contact_goes_to_municipality:
        return initiative.contact_email
    site = Site.find_for_request(None) or Site.objects.filter(is_default_site=True).first()
    municipality = apps.get_model("pages", "MunicipalitySettings").for_site(site) if site else None
    return municipality.contact_email if municipality else ""


@task()
def send_contact_message(message_id):
    """Send one relayed message; on failure record the error and leave it for a retry."""
    Message = apps.get_model("initiatives", "InitiativeContactMessage")  # noqa: N806
    message = Message.objects.select_related("initiative").filter(pk=message_id, sent_at__isnull=True).first()
    if message is None:
        return "nothing to send"

    def compose():
        initiative = message.initiative
        recipient = _recipient(initiative)
        if not recipient:
            raise ValueError("initiative has no contact address and the site has no general one")
        # The initiative reads the message in the language of its page.
        with translation.override(initiative.locale.language_code):
            context = {
                "message": message,
                "initiative": initiative,
                "initiative_url": public_url(initiative),
                "site_name": settings.WAGTAIL_SITE_NAME,
            }
            subject, body = render_email("emails/initiative_contact", context)
        # formataddr quotes the name, so "Jansen, Piet" or "Piet <x@y>" stays one address:
        # the sender's own. A name is one line, like any header.
        sender = formataddr((" ".join(message.sender_name.split()), message.sender_email))
        return EmailMultiAlternatives(subject=subject, body=body, to=[recipient], reply_to=[sender])

    return deliver(message, compose, f"contact message {message.pk}")


#: E-mails that confirm seats carry the event for the calendar.
WITH_CALENDAR = {"confirmed", "promoted", "changed"}


@task()
def send_signup_email(email_id):
    """Send one e-mail about a sign-up, in the resident's language; on failure record the
    error and leave it for a retry (manage.py send_pending_messages)."""
    SignUpEmail = apps.get_model("initiatives", "SignUpEmail")  # noqa: N806
    email = SignUpEmail.objects.select_related("signup", "signup__event").filter(pk=email_id, sent_at=None).first()
    if email is None:
        return "nothing to send"
    signup = email.signup

    def compose():
        event = signup.event
        if event is None:
            raise ValueError("the event page of this sign-up no longer exists")
        with translation.override(signup.language):
            event_url = public_url(event)
            manage_url = public_url(event, event.reverse_subpage("signup_manage", args=[signup.manage_token()]))
            context = {
                "signup": signup,
                "event": event,
                "event_url": event_url,
                "manage_url": manage_url,
                "position": signup.waiting_position(),
                "site_name": settings.WAGTAIL_SITE_NAME,
            }
            subject, body = render_email(f"emails/signup_{email.kind}", context)
            message = EmailMultiAlternatives(subject=subject, body=body, to=[signup.email])
            if email.kind in WITH_CALENDAR:
                message.attach(f"{event.slug}.ics", event_calendar(event, event_url), "text/calendar; charset=utf-8")
        return message

    return deliver(email, compose, f"e-mail {email.pk} about sign-up {signup.pk}")


@task()
def send_pitch_email(email_id):
    """Send one e-mail to a founder about their pitch, in the founder's language, with the
    personal status link; on failure record the error and leave it for a retry."""
    PitchEmail = apps.get_model("initiatives", "PitchEmail")  # noqa: N806
    email = (
        PitchEmail.objects.select_related("pitch", "pitch__page", "message").filter(pk=email_id, sent_at=None).first()
    )
    if email is None:
        return "nothing to send"
    pitch = email.pitch

    def compose():
        page = pitch.page or _pitch_page(pitch.language)
        with translation.override(pitch.language):
            context = {
                "pitch": pitch,
                "kind": email.kind,
                "question": email.message.body if email.message else "",
                "status_url": public_url(page, page.reverse_subpage("pitch_status", args=[pitch.status_token()]))
                if page
                else "",
                "initiative_url": public_url(pitch.initiative) if pitch.initiative and pitch.initiative.live else "",
                "site_name": settings.WAGTAIL_SITE_NAME,
            }
            subject, body = render_email("emails/pitch", context)
        return EmailMultiAlternatives(subject=subject, body=body, to=[pitch.email])

    return deliver(email, compose, f"e-mail {email.pk} about pitch {pitch.pk}")


def _pitch_page(language):
    """A live pitch form in `language` for the status link, when the pitch's own form is gone."""
    Page = apps.get_model("initiatives", "PitchSubmissionPage")  # noqa: N806
    return Page.objects.live().filter(locale__language_code=language).first() or Page.objects.live().first()
