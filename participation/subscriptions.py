"""The feedback loop ("Jij zei, wij deden"): residents who took part and asked for news
hear when a feedback story about their project or initiative is published.

- `subscribe(email, language, page, source)`: a resident opts in, for a participation
  project, an initiative or a pitch event (called by the sign-up flow, and by the pitch
  flow with the initiative). Once per address and page.
- When a story is published (participation/wagtail_hooks.py), `notify(story)` writes one
  FeedbackEmail per resident who asked for news about its project or initiative, or about
  an event of that project or with that initiative on stage; the e-mails go out after
  commit through django-tasks (participation/tasks.py) and are retried by
  `send_pending_messages`. A resident is mailed once per story, however often it is
  republished or translated.
- Every e-mail carries a signed one-click unsubscribe link (no account needed).
- Privacy: `personal_data`, `erase` and `purge` are called by initiatives/signups.py's
  functions of the same name, so a resident's request or the retention job covers them.

Models are looked up by name: the sign-up rules (initiatives/signups.py) call this module
while the apps' models are still loading.
"""

import hashlib
import hmac
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from .tasks import send_feedback_email
from .tokens import from_unsubscribe_token, unsubscribe_token  # noqa: F401 - part of this module's interface


def _model(name):
    return apps.get_model("participation", name)


def normalise_email(email):
    return email.strip().lower()


def recipient_key(email):
    """A keyed hash of an address: the sent-log knows whom it mailed without keeping the address."""
    return hmac.new(settings.SECRET_KEY.encode(), normalise_email(email).encode(), hashlib.sha256).hexdigest()


def subscribe(email, language, page, source):
    """`email` wants news about `page` (a project, initiative or event page, any language),
    in `language`. Returns the Subscription (the existing one when asked before)."""
    Subscription = _model("Subscription")  # noqa: N806
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
    deleted, _ = _model("Subscription").objects.filter(email=subscription.email).delete()
    return deleted


def pages_about(story):
    """The translation keys a story reports on: its project and initiative, and the pitch
    events of that project or with that initiative on stage (residents who signed up for
    such an event asked for news about it)."""
    PitchEventPage = apps.get_model("initiatives", "PitchEventPage")  # noqa: N806
    keys = set()
    if story.project_id:
        project = story.project
        keys.add(project.translation_key)
        keys.update(project.related_events.values_list("translation_key", flat=True))
    if story.initiative_id:
        initiative = story.initiative
        keys.add(initiative.translation_key)
        keys.update(
            PitchEventPage.objects.filter(
                programme__initiative__translation_key=initiative.translation_key
            ).values_list("translation_key", flat=True)
        )
    return keys


def notify(story):
    """Write an e-mail about `story` (a live PolicyFeedbackStoryPage) for every resident who
    asked for news about what it reports on and was not mailed about it yet; each goes out
    after commit. Returns the number of new e-mails."""
    FeedbackEmail = _model("FeedbackEmail")  # noqa: N806
    keys = pages_about(story)
    if not keys:
        return 0
    subscriptions = _model("Subscription").objects.filter(page_key__in=keys).order_by("created_at", "pk")
    new = []
    with transaction.atomic():
        for subscription in subscriptions:
            try:
                with transaction.atomic():
                    email, created = FeedbackEmail.objects.get_or_create(
                        recipient_key=recipient_key(subscription.email),
                        story_key=story.translation_key,
                        defaults={"subscription": subscription, "story": story},
                    )
            except IntegrityError:
                continue  # another worker wrote it a moment ago
            if created:
                new.append(email.pk)
        transaction.on_commit(lambda: [send_feedback_email.enqueue(pk) for pk in new])
    return len(new)


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
        for s in _model("Subscription").objects.filter(email=email).select_related("page")
    ]


def erase(email):
    """End every subscription of an address and forget whom the sent-log mailed. Returns
    the number of subscriptions erased."""
    _model("FeedbackEmail").objects.filter(recipient_key=recipient_key(email)).delete()
    deleted, _ = _model("Subscription").objects.filter(email=normalise_email(email)).delete()
    return deleted


def purge(now=None):
    """Subscriptions end SUBSCRIPTION_RETENTION_DAYS after they were made, and when the page
    they were about is deleted. Returns the number removed."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.MEEDOEN_SUBSCRIPTION_RETENTION_DAYS)
    Subscription = _model("Subscription")  # noqa: N806
    deleted, _ = Subscription.objects.filter(created_at__lt=cutoff).delete()
    orphaned, _ = Subscription.objects.filter(page=None).delete()
    return deleted + orphaned
