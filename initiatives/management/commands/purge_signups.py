"""Apply the retention rules to sign-ups. Run daily from cron:
`python manage.py purge_signups`."""

from django.core.management.base import BaseCommand

from initiatives import signups


class Command(BaseCommand):
    help = (
        "Clear accessibility needs the day after each event, and remove the personal data of sign-ups "
        "SIGNUP_RETENTION_DAYS after it (the counts stay)."
    )

    def handle(self, *args, **options):
        cleared, anonymised = signups.purge()
        self.stdout.write(f"accessibility needs cleared: {cleared}, sign-ups anonymised: {anonymised}")
