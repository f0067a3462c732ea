"""The signed one-click unsubscribe link of a subscription to updates."""

from django.apps import apps
from django.core import signing
from django.utils.crypto import constant_time_compare

UNSUBSCRIBE_SALT = "meedoen.subscription.unsubscribe"


def unsubscribe_token(subscription):
    """The key of the subscription and an HMAC of it (Django's signing, a salt of its own):
    letters, digits, - and _ only, unguessable without the SECRET_KEY."""
    return f"{subscription.pk}-{signing.Signer(salt=UNSUBSCRIBE_SALT).signature(str(subscription.pk))}"


def from_unsubscribe_token(token):
    """The subscription of an unsubscribe token, or None for a forged, mangled or used one."""
    pk, _sep, signature = str(token).partition("-")
    if not pk.isdigit() or len(pk) > 18:
        return None
    if not constant_time_compare(signature, signing.Signer(salt=UNSUBSCRIBE_SALT).signature(pk)):
        return None
    return apps.get_model("participation", "Subscription").objects.filter(pk=int(pk)).first()
