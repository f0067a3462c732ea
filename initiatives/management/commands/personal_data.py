"""Show, or erase, everything Meedoen holds about one e-mail address (a resident's request
under the GDPR): `python manage.py personal_data fatima@example.org [--erase]`."""

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from initiatives import pitches, signups


class Command(BaseCommand):
    help = "Print as JSON everything held about an e-mail address; with --erase, remove it."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument(
            "--erase", action="store_true", help="cancel and anonymise sign-ups, delete messages and pitches"
        )

    def handle(self, *args, email, erase, **options):
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"not an e-mail address: {email!r}") from error
        data = {**signups.personal_data(email), "pitches": pitches.personal_data(email)}
        self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
        if erase:
            erased, deleted = signups.erase(email)
            removed = pitches.erase(email)
            self.stdout.write(f"erased {erased} sign-ups, {deleted} messages to initiatives and {removed} pitches")
