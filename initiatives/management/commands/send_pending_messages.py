"""Retry e-mail that could not be sent (messages to initiatives, e-mails about sign-ups,
pitches and feedback stories), and delete old relayed messages. Run from cron, e.g. every 10 minutes:
`python manage.py send_pending_messages`."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from initiatives.models import InitiativeContactMessage, PitchEmail, SignUpEmail
from initiatives.tasks import send_contact_message, send_pitch_email, send_signup_email
from participation.models import FeedbackEmail
from participation.tasks import send_feedback_email

MAX_ATTEMPTS = 20


class Command(BaseCommand):
    help = "Send e-mail that is still waiting (messages to initiatives, sign-ups, pitches), and delete old messages."

    def handle(self, *args, **options):
        sent = failed = 0
        for model, send in [
            (InitiativeContactMessage, send_contact_message),
            (SignUpEmail, send_signup_email),
            (PitchEmail, send_pitch_email),
            (FeedbackEmail, send_feedback_email),  # the feedback loop (participation/subscriptions.py)
        ]:
            pending = model.objects.filter(
                sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS, created_at__lte=timezone.now() - timedelta(minutes=1)
            ).values_list("pk", flat=True)
            for pk in list(pending):
                result = send.call(pk)
                sent += result == "sent"
                failed += result == "failed"
        cutoff = timezone.now() - timedelta(days=settings.MEEDOEN_CONTACT_MESSAGE_RETENTION_DAYS)
        deleted, _ = InitiativeContactMessage.objects.filter(sent_at__lt=cutoff).delete()
        self.stdout.write(f"sent {sent}, failed {failed}, deleted {deleted} old messages")
