"""Residents who asked for news (the feedback loop, "Jij zei, wij deden").

- `subscribe(email, language, page, source)`: a resident opts in, for a participation
  project, an initiative or a pitch event (called by the sign-up flow, and by the pitch
  flow with the initiative). Once per address and page.
- The apps that write news read the subscriptions (participation's feedback stories:
  participation/subscriptions.py), with `recipient_key` to know whom they mailed without
  keeping the address.
- Every e-mail carries a signed one-click unsubscribe link (`unsubscribe_token`, the view
  in views.py; no account needed).
- Privacy: `personal_data`, `erase` and `purge` are called by initiatives/signups.py's
  functions of the same name, so a resident's request or the retention job covers them;
  `erase` sends `address_erased`, so the apps forget whom they mailed too.
"""

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.dispatch import Signal
from django.utils import timezone

from pages.signed_links import pk_of_signed_token, signed_token

from .models import Subscription

UNSUBSCRIBE_SALT = "meedoen.subscription.unsubscribe"  # noqa: S105 - a signing salt, not a secret

#: Sent by `erase(email)` with `email`: forget everything kept about whom was mailed.
address_erased = Signal()


def normalise_email(email):
    return email.strip().lower()


def recipient_key(email):
    """A keyed hash of an address: a sent-log knows whom it mailed without keeping the address."""
    return hmac.new(settings.SECRET_KEY.encode(), normalise_email(email).encode(), hashlib.sha256).hexdigest()


def subscribe(email, language, page, source):
    """`email` wants news about `page` (a project, initiative or event page, any language),
    in `language`. Returns the Subscription (the existing one when asked before)."""
    email = normalise_email(email)
    defaults = {"language": language, "page": page, "source": source}
    try:
        with transaction.atomic():
            subscription, _created = Subscription.objects.get_or_create(
                email=email, page_key=page.translation_key, defaults=defaults
            )
    except IntegrityError:
        # Asked twice at the same moment: the other request made it.
        subscription = Subscription.objects.get(email=email, page_key=page.translation_key)
    return subscription


def unsubscribe(subscription):
    """Stop every update to this subscription's address. Returns how many subscriptions ended."""
    deleted, _ = Subscription.objects.filter(email=subscription.email).delete()
    return deleted


def unsubscribe_token(subscription):
    """The token of the subscription's unsubscribe link (see pages/signed_links.py)."""
    return signed_token(subscription.pk, UNSUBSCRIBE_SALT)


def from_unsubscribe_token(token):
    """The subscription of an unsubscribe token, or None for a forged, mangled or used one."""
    pk = pk_of_signed_token(token, UNSUBSCRIBE_SALT)
    return None if pk is None else Subscription.objects.filter(pk=pk).first()


# --- Privacy --------------------------------------------------------------------------------


def personal_data(email):
    email = normalise_email(email)
    return [
        {
            "about": s.page.title if s.page else str(s.page_key),
            "language": s.language,
            "source": s.source,
            "since": s.created_at.isoformat(),
        }
        for s in Subscription.objects.filter(email=email).select_related("page")
    ]


def erase(email):
    """End every subscription of an address and let the apps forget whom they mailed
    (`address_erased`). Returns the number of subscriptions erased."""
    address_erased.send(sender=Subscription, email=email)
    deleted, _ = Subscription.objects.filter(email=normalise_email(email)).delete()
    return deleted


def purge(now=None):
    """Subscriptions end SUBSCRIPTION_RETENTION_DAYS after they were made, and when the page
    they were about is deleted. Returns the number removed."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.MEEDOEN_SUBSCRIPTION_RETENTION_DAYS)
    deleted, _ = Subscription.objects.filter(created_at__lt=cutoff).delete()
    orphaned, _ = Subscription.objects.filter(page=None).delete()
    return deleted + orphaned
