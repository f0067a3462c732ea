"""Retry relayed messages that could not be sent, and delete old ones. Run from cron,
e.g. every 10 minutes: `python manage.py send_pending_messages`."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from initiatives.models import InitiativeContactMessage
from initiatives.tasks import send_contact_message

MAX_ATTEMPTS = 20


class Command(BaseCommand):
    help = "Send messages to initiatives that are still waiting, and delete old sent ones."

    def handle(self, *args, **options):
        pending = InitiativeContactMessage.objects.filter(
            sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS, created_at__lte=timezone.now() - timedelta(minutes=1)
        ).values_list("pk", flat=True)
        sent = failed = 0
        for pk in list(pending):
            result = send_contact_message.call(pk)
            sent += result == "sent"
            failed += result == "failed"
        cutoff = timezone.now() - timedelta(days=settings.MEEDOEN_CONTACT_MESSAGE_RETENTION_DAYS)
        deleted, _ = InitiativeContactMessage.objects.filter(sent_at__lt=cutoff).delete()
        self.stdout.write(f"sent {sent}, failed {failed}, deleted {deleted} old messages")
