"""Relaying residents' messages to initiatives without exposing anyone's address."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pages import ratelimit

from . import models
from .tasks import send_contact_message

RATE_LIMIT_MESSAGE = _("You have sent several messages in a short time. Please try again in an hour.")


def is_rate_limited(request):
    """Count one message from the client's address: 0 within CONTACT_RATE_LIMIT an hour,
    else the seconds until it may write again (for Retry-After)."""
    return ratelimit.hit("initiative-contact", ratelimit.client_ip(request), settings.MEEDOEN_CONTACT_RATE_LIMIT, 3600)


def submit_message(initiative, data, language):
    """Store the message, then relay it by e-mail once the transaction has committed.
    A failing mail server never loses the message: it stays unsent and is retried by
    `manage.py send_pending_messages`."""
    with transaction.atomic():
        message = initiative.contact_messages.create(
            sender_name=data["name"],
            sender_email=data["email"],
            message=data["message"],
            language=language,
        )
        transaction.on_commit(lambda: send_contact_message.enqueue(message.pk))
    return message


def purge():
    """Relayed messages are deleted CONTACT_MESSAGE_RETENTION_DAYS after they were sent (by
    `send_pending_messages`). Returns the number deleted."""
    cutoff = timezone.now() - timedelta(days=settings.MEEDOEN_CONTACT_MESSAGE_RETENTION_DAYS)
    deleted, _ = models.InitiativeContactMessage.objects.filter(sent_at__lt=cutoff).delete()
    return deleted
