from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Site search")

    def ready(self):
        from . import checks  # noqa: F401 - registers the system checks
        from .compounds import index_parts_of_compounds
        from .indexing import take_over_index_updates

        index_parts_of_compounds()
        # Before wagtail.search (later in INSTALLED_APPS) connects modelsearch's handlers.
        take_over_index_updates()
