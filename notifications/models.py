"""What every app's e-mail to residents builds on: the outbox every e-mail waits in until
it has been sent, and residents' subscriptions to updates (news about a project, an
initiative or an event they took part in)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Outbox(models.Model):
    """An e-mail waiting to go out: written with the change it reports, sent after commit
    (`delivery.deliver`), and retried by `send_pending_messages` while it fails."""

    #: Never shown in public: writing it keeps the public cache (pages/publiccache.py).
    changes_public_output = False

    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    #: While a worker sends it: no other worker or retry takes it until then (a lease that
    #: a worker which died mid-send leaves behind, so the e-mail is not dropped).
    sending_until = models.DateTimeField(_("being sent until"), null=True, blank=True, editable=False)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=255, blank=True)

    class Meta:
        abstract = True


class Subscription(models.Model):
    """A resident who asked for news about a project, an initiative or an event (when they
    signed up or pitched): they get an e-mail when a feedback story about it is published.
    Personal data: never on public pages, in the search index or the API."""

    class Source(models.TextChoices):
        SIGNUP = "signup", _("Sign-up for an event")
        PITCH = "pitch", _("Pitch")

    #: Never shown in public: writing it keeps the public cache (pages/publiccache.py).
    changes_public_output = False

    email = models.EmailField(_("e-mail address"), max_length=254)
    language = models.CharField(_("language"), max_length=10)
    page_key = models.UUIDField(_("about"), db_index=True, help_text=_("The translation key of the page."))
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("page")
    )
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        # Made by the participation app, which held subscriptions first (migrations
        # notifications 0001 and participation 0003 moved the model, not the table).
        db_table = "participation_subscription"
        verbose_name = _("subscription to updates")
        verbose_name_plural = _("subscriptions to updates")
        constraints = [models.UniqueConstraint(fields=["email", "page_key"], name="one_subscription_per_page")]

    def __str__(self):
        return f"{self.source} {self.page_key}"
