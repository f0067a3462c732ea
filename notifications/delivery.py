"""Sending one e-mail of an outbox (models.Outbox) and the retry of those that failed.

Each app keeps its own e-mail models (subclasses of Outbox) and tasks, and names them in
its AppConfig.ready() with `register(model, task)`; `send_pending_messages` retries every
registered outbox."""

import logging
import time
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.db import InterfaceError, OperationalError, connections
from django.db.models import F, Q
from django.template import Context
from django.template.loader import get_template
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


def render_email(name, context):
    """(subject, body) of the e-mail `name`: the templates `<name>_subject.txt` and
    `<name>_body.txt`, rendered as plain text. Text e-mails and subjects are no HTML, so
    they are rendered without the template engine's HTML escaping, whatever the template
    says: "Wonen & energie" stays itself instead of "Wonen &amp; energie". The subject is
    one line (a header cannot hold a line break)."""
    subject, body = (
        get_template(f"{name}_{part}.txt").template.render(Context(context, autoescape=False))
        for part in ("subject", "body")
    )
    return " ".join(subject.split()), body


#: How long a worker may take to send one e-mail before another may try it again.
SENDING_LEASE = timedelta(minutes=10)
#: How long a worker keeps trying to record an e-mail it sent, while the database is away.
RECORD_PATIENCE = timedelta(minutes=5)


def deliver(outbox, compose, description):
    """Send the e-mail `compose()` returns for an Outbox row and record the attempt: sent,
    or the error, which leaves the row for a retry. Any failure counts, from a missing
    address to a mail server that hangs up.

    Exactly once, as far as the worker can tell: the row is claimed first (`sending_until`,
    in one UPDATE), so a retry or a second worker never takes an e-mail that is being
    sent; once sent, recording it is retried until the database answers again (a restart),
    rather than leaving it to look unsent. Only a worker that dies between sending and
    recording leaves an e-mail that is sent again when its lease ends; its fixed
    Message-ID lets mail programs show it once."""
    model, now = type(outbox), timezone.now()
    free = Q(sending_until__isnull=True) | Q(sending_until__lt=now)
    claimed = model.objects.filter(free, pk=outbox.pk, sent_at__isnull=True).update(
        sending_until=now + SENDING_LEASE, attempts=F("attempts") + 1
    )
    if not claimed:
        return "taken"  # sent already, or being sent by another worker
    outbox.attempts += 1
    try:
        message = compose()
        message.extra_headers.setdefault("Message-ID", message_id(outbox))
        message.send()
    except Exception as error:  # noqa: BLE001 - any mail failure must leave the e-mail for a retry
        error_text = f"{type(error).__name__}: {error}"[:255]
        model.objects.filter(pk=outbox.pk).update(sending_until=None, last_error=error_text)
        logger.warning("Sending %s failed (attempt %s): %s", description, outbox.attempts, error)
        return "failed"
    _record(model.objects.filter(pk=outbox.pk), sent_at=timezone.now(), sending_until=None, last_error="")
    return "sent"


def message_id(outbox):
    """The same Message-ID for every attempt at one e-mail."""
    domain = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"
    return f"<{outbox._meta.label_lower}.{outbox.pk}@{domain}>"


def _record(queryset, **values):
    """queryset.update(**values), tried again on a new connection while the database
    cannot be reached, for up to RECORD_PATIENCE."""
    deadline = time.monotonic() + RECORD_PATIENCE.total_seconds()
    while True:
        try:
            return queryset.update(**values)
        except (OperationalError, InterfaceError):
            if time.monotonic() > deadline:
                raise
            logger.warning("The database cannot record a sent e-mail yet; trying again")
            connections[queryset.db].close()
            time.sleep(1)
