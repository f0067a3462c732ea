from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "participation"
    verbose_name = _("Participation projects and feedback stories")

    def ready(self):
        from . import signals  # noqa: F401 - connects the receivers
