from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Pages and taxonomy")

    def ready(self):
        from .translation import synchronise_many_to_many_fields

        synchronise_many_to_many_fields()
