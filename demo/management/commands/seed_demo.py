"""Fill the database with the demo municipality Gemeente Meerwijk (idempotent)."""

import logging

from django.core.management.base import BaseCommand, CommandError

from demo.loader import Loader


class Command(BaseCommand):
    help = (
        "Create the demo site 'Meedoen Meerwijk' from demo/data/: themes, neighbourhoods, general pages, "
        "initiatives, pitch events, participation projects and feedback stories, in Dutch with English "
        "translations (wagtail-localize), plus an admin user. Safe to run again: only what is missing is created."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--initiatives",
            type=int,
            metavar="N",
            help="Also generate initiatives (Dutch, no revisions) until there are N in total, for load tests.",
        )

    def handle(self, *args, initiatives=None, **options):
        if initiatives is not None and initiatives < 0:
            raise CommandError("--initiatives must be zero or more.")
        loader = Loader(initiatives_total=initiatives)
        # Wagtail logs every page action at INFO; show only warnings unless asked (-v 2).
        quiet = options["verbosity"] < 2
        if quiet:
            logging.disable(logging.INFO)
        try:
            loader.run()
        finally:
            if quiet:
                logging.disable(logging.NOTSET)
        self.print_summary(loader)

    def print_summary(self, loader):
        write, report = self.stdout.write, loader.report
        write(self.style.MIGRATE_HEADING("Meedoen Meerwijk demo content"))
        for line in report.lines():
            write(line)
        for name, translator in loader.translators:
            if translator.strings or translator.fallbacks:
                write(
                    f"  {name} strings: {translator.strings} translated, {len(translator.fallbacks)} "
                    f"without {name} text (shown in Dutch until translated)"
                )
                for obj, path, text in translator.fallbacks[:20]:
                    write(f"    {obj} [{path}]: {text[:60]}")
        for note in report.notes:
            write(f"  {note}")
        write(self.style.SUCCESS("Changed the database." if report.changed else "Nothing to do: all present."))
        admin_url, user, password_file = f"{loader.base_url}/admin/", loader.admin_name, loader.password_file
        if password_file.exists():
            write(f"Admin: {admin_url}  user: {user}  password: {password_file.read_text().strip()}")
        else:
            write(
                f"Admin: {admin_url}  user: {user}  password: unchanged ({password_file} is missing); "
                f"set a new one with: python manage.py changepassword {user}"
            )
