"""Resident initiatives and changemaker pitch events: one module per subject, every model
importable from here (`from initiatives.models import InitiativePage`), as migrations and
the other apps expect."""

from .events import SIGNUP_LINK_VALID_AFTER_EVENT, PitchEventPage, PitchSlot
from .initiatives import InitiativeContactMessage, InitiativeNeed, InitiativePage, InitiativePageTag
from .overviews import InitiativeIndexPage, PitchEventIndexPage
from .pitches import PITCH_TOKEN_SALT, Pitch, PitchEmail, PitchMessage, PitchSubmissionPage, pitch_image_storage
from .routes import FormRoutesMixin
from .signups import MANAGE_TOKEN_SALT, EventSeats, SignUp, SignUpEmail

__all__ = [
    "MANAGE_TOKEN_SALT",
    "PITCH_TOKEN_SALT",
    "SIGNUP_LINK_VALID_AFTER_EVENT",
    "EventSeats",
    "FormRoutesMixin",
    "InitiativeContactMessage",
    "InitiativeIndexPage",
    "InitiativeNeed",
    "InitiativePage",
    "InitiativePageTag",
    "Pitch",
    "PitchEmail",
    "PitchEventIndexPage",
    "PitchEventPage",
    "PitchMessage",
    "PitchSlot",
    "PitchSubmissionPage",
    "SignUp",
    "SignUpEmail",
    "pitch_image_storage",
]
