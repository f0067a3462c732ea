from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "participation"
    verbose_name = _("Participation projects and feedback stories")

    def ready(self):
        from notifications.delivery import register

        from . import signals  # noqa: F401 - connects the receivers
        from .models import FeedbackEmail
        from .tasks import send_feedback_email

        register(FeedbackEmail, send_feedback_email)
