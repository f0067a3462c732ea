from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "initiatives"
    verbose_name = _("Initiatives and pitch events")

    def ready(self):
        from notifications.delivery import register

        from . import contact
        from .models import InitiativeContactMessage, PitchEmail, SignUpEmail
        from .tasks import send_contact_message, send_pitch_email, send_signup_email

        # The e-mails `send_pending_messages` retries (and the relayed messages it deletes).
        register(InitiativeContactMessage, send_contact_message, purge=contact.purge)
        register(SignUpEmail, send_signup_email)
        register(PitchEmail, send_pitch_email)
