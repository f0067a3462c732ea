"""The signed one-click unsubscribe link of a subscription to updates."""

from django.apps import apps

from pages.signed_links import pk_of_signed_token, signed_token

UNSUBSCRIBE_SALT = "meedoen.subscription.unsubscribe"


def unsubscribe_token(subscription):
    """The token of the subscription's unsubscribe link (see pages/signed_links.py)."""
    return signed_token(subscription.pk, UNSUBSCRIBE_SALT)


def from_unsubscribe_token(token):
    """The subscription of an unsubscribe token, or None for a forged, mangled or used one."""
    pk = pk_of_signed_token(token, UNSUBSCRIBE_SALT)
    return None if pk is None else apps.get_model("participation", "Subscription").objects.filter(pk=pk).first()
