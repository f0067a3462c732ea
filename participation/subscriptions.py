"""The feedback loop ("Jij zei, wij deden"): residents who took part and asked for news
(notifications/subscriptions.py: who, about what, unsubscribing, privacy) hear when a
feedback story about their project or initiative is published.

- When a story is published (participation/signals.py), `notify(story)` writes one
  FeedbackEmail per resident who asked for news about its project or initiative, or about
  an event of that project or with that initiative on stage; the e-mails go out after
  commit through django-tasks (participation/tasks.py) and are retried by
  `send_pending_messages`. A resident is mailed once per story, however often it is
  republished or translated.
- When a resident's data is erased (notifications' `address_erased`), `forget` removes
  the sent-log's lines about their address.
"""

from django.db import IntegrityError, transaction

from initiatives.models import PitchEventPage
from notifications.models import Subscription
from notifications.subscriptions import recipient_key

from .models import FeedbackEmail
from .tasks import send_feedback_email


def pages_about(story):
    """The translation keys a story reports on: its project and initiative, and the pitch
    events of that project or with that initiative on stage (residents who signed up for
    such an event asked for news about it)."""
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
    keys = pages_about(story)
    if not keys:
        return 0
    subscriptions = Subscription.objects.filter(page_key__in=keys).order_by("created_at", "pk")
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


def forget(email):
    """Forget whom the sent-log mailed at `email` (a resident's data is erased)."""
    FeedbackEmail.objects.filter(recipient_key=recipient_key(email)).delete()
