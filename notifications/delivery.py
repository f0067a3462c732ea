"""Sending one e-mail of an outbox (models.Outbox) and the retry of those that failed.

Each app keeps its own e-mail models (subclasses of Outbox) and tasks, and names them in
its AppConfig.ready() with `register(model, task)`; `send_pending_messages` retries every
registered outbox."""

import logging

from django.conf import settings
from django.utils import timezone

logger = logging.getLogger(__name__)

#: Outbox model -> (the django-tasks task that sends one row by primary key, the function
#: that deletes rows past their retention or None), in the order registered.
_outboxes = {}


def register(model, send, purge=None):
    """Retry `model`'s unsent rows with `send`; `purge()`, if given, deletes the rows kept
    long enough and returns how many (run by `send_pending_messages` too)."""
    _outboxes[model] = (send, purge)


def outboxes():
    """[(model, send, purge)] of every registered outbox."""
    return [(model, send, purge) for model, (send, purge) in _outboxes.items()]


def public_url(page, subpath=""):
    """The address of `page` for an e-mail: BASE_URL (the portal's public address) plus
    the page's path, whatever host name the Site record happens to carry."""
    _site_id, _root_url, path = page.get_url_parts()
    return settings.WAGTAILADMIN_BASE_URL + path + subpath


def deliver(outbox, compose, description):
    """Send the e-mail `compose()` returns for an Outbox row and record the attempt: sent,
    or the error, which leaves the row for a retry. Any failure counts, from a missing
    address to a mail server that hangs up."""
    outbox.attempts += 1
    try:
        compose().send()
    except Exception as error:  # noqa: BLE001 - any mail failure must leave the e-mail for a retry
        outbox.last_error = f"{type(error).__name__}: {error}"[:255]
        outbox.save(update_fields=["attempts", "last_error"])
        logger.warning("Sending %s failed (attempt %s): %s", description, outbox.attempts, error)
        return "failed"
    outbox.sent_at = timezone.now()
    outbox.last_error = ""
    outbox.save(update_fields=["attempts", "sent_at", "last_error"])
    return "sent"
