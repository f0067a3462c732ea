"""Apply the retention rules to sign-ups and pitches. Run daily from cron:
`python manage.py purge_signups`."""

from django.core.management.base import BaseCommand

from initiatives import pitches, signups


class Command(BaseCommand):
    help = (
        "Clear accessibility needs the day after each event, and remove the personal data of sign-ups "
        "SIGNUP_RETENTION_DAYS after it (the counts stay); delete declined and withdrawn pitches "
        "PITCH_RETENTION_DAYS after that decision."
    )

    def handle(self, *args, **options):
        cleared, anonymised = signups.purge()
        deleted = pitches.purge()
        self.stdout.write(
            f"accessibility needs cleared: {cleared}, sign-ups anonymised: {anonymised}, pitches deleted: {deleted}"
        )
