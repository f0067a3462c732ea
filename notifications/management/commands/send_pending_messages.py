"""Retry e-mail that could not be sent (every outbox an app registered in
notifications/delivery.py: messages to initiatives, e-mails about sign-ups, pitches and
feedback stories), and delete old relayed messages. Run from cron, e.g. every 10 minutes:
`python manage.py send_pending_messages`."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from notifications.delivery import outboxes

MAX_ATTEMPTS = 20


class Command(BaseCommand):
    help = "Send e-mail that is still waiting (messages to initiatives, sign-ups, pitches), and delete old messages."

    def handle(self, *args, **options):
        sent = failed = deleted = 0
        for model, send, purge in outboxes():
            pending = model.objects.filter(
                sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS, created_at__lte=timezone.now() - timedelta(minutes=1)
            ).values_list("pk", flat=True)
            for pk in list(pending):
                result = send.call(pk)
                sent += result == "sent"
                failed += result == "failed"
            if purge is not None:
                deleted += purge()
        self.stdout.write(f"sent {sent}, failed {failed}, deleted {deleted} old messages")
