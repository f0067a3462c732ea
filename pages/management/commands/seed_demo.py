"""Fill the database with the demo municipality Gemeente Meerwijk (idempotent)."""

from django.core.management.base import BaseCommand, CommandError

from pages.demo.seed import Seeder


class Command(BaseCommand):
    help = (
        "Create the demo site 'Meedoen Meerwijk': themes, neighbourhoods, general pages, initiatives, "
        "pitch events, participation projects and feedback stories, in Dutch with English translations "
        "(wagtail-localize), plus an admin user. Safe to run again: only what is missing is created."
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
        Seeder(self.stdout, self.style, initiatives_total=initiatives, verbosity=options["verbosity"]).run()
