"""Personal links without an account: a sign-up's manage link, a pitch's status link, the
one-click unsubscribe link of updates. The token is the row's key and an HMAC of it."""

from django.core import signing
from django.utils.crypto import constant_time_compare


def signed_token(pk, salt):
    """The token of a personal link (a sign-up's manage link, a pitch's status link): the
    row's key and an HMAC of it (Django's signing with a salt of its own per kind of link),
    letters, digits, - and _ only, as Wagtail's page addresses allow. Unguessable without
    the SECRET_KEY."""
    return f"{pk}-{signing.Signer(salt=salt).signature(str(pk))}"


def pk_of_signed_token(token, salt):
    """The key in a token made by signed_token with `salt`, or None for a forged or mangled one."""
    pk, _sep, signature = str(token).partition("-")
    if not pk.isdigit() or len(pk) > 18:
        return None
    if not constant_time_compare(signature, signing.Signer(salt=salt).signature(pk)):
        return None
    return int(pk)
