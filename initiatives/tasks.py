"""Background work of the initiatives app (django-tasks). Tasks take primary keys, so a
retry always reads fresh data."""

import logging

from django.apps import apps
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task
from wagtail.models import Site

logger = logging.getLogger(__name__)


def _recipient(initiative):
    if initiative.contact_email:
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
    initiative = message.initiative
    recipient = _recipient(initiative)
    message.attempts += 1
    try:
        if not recipient:
            raise ValueError("initiative has no contact address and the site has no general one")
        # The initiative reads the message in the language of its page.
        with translation.override(initiative.locale.language_code):
            context = {
                "message": message,
                "initiative": initiative,
                "initiative_url": initiative.full_url,
                "site_name": settings.WAGTAIL_SITE_NAME,
            }
            subject = render_to_string("emails/initiative_contact_subject.txt", context).strip()
            body = render_to_string("emails/initiative_contact_body.txt", context)
        email = EmailMultiAlternatives(
            subject=" ".join(subject.split()),
            body=body,
            to=[recipient],
            reply_to=[f"{message.sender_name} <{message.sender_email}>"],
        )
        email.send()
    except Exception as error:  # noqa: BLE001 - any mail failure must leave the message for a retry
        message.last_error = f"{type(error).__name__}: {error}"[:255]
        message.save(update_fields=["attempts", "last_error"])
        logger.warning("Relaying contact message %s failed (attempt %s): %s", message.pk, message.attempts, error)
        return "failed"
    message.sent_at = timezone.now()
    message.last_error = ""
    message.save(update_fields=["attempts", "sent_at", "last_error"])
    return "sent"
