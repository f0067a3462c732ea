"""What publishing a page sets in motion: the feedback loop's e-mails for a story, and a
line on the status timeline of an initiative or project whose status changed; and when a
resident's data is erased, the feedback e-mails' log forgets their address."""

from django.apps import apps
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone
from django_tasks import task
from wagtail.signals import page_published

from notifications.subscriptions import address_erased

from . import subscriptions

#: Page types with a status timeline (app label, model name).
TIMELINE_MODELS = {("initiatives", "initiativepage"), ("participation", "participationprojectpage")}


@task()
def notify_subscribers(story_id):
    """Write and send the e-mails about a published feedback story (see subscriptions.notify)."""
    story = apps.get_model("participation", "PolicyFeedbackStoryPage").objects.live().filter(pk=story_id).first()
    if story is None:
        return "not live"
    return f"{subscriptions.notify(story)} e-mails"


@receiver(page_published)
def page_was_published(sender, instance, **kwargs):
    meta = instance._meta
    if (meta.app_label, meta.model_name) == ("participation", "policyfeedbackstorypage"):
        # After commit, in the background: publishing stays fast however many subscribed.
        transaction.on_commit(lambda: notify_subscribers.enqueue(instance.pk))
    elif (meta.app_label, meta.model_name) in TIMELINE_MODELS:
        record_status(instance)


def record_status(page):
    """A timeline line when `page` was published with another status than before."""
    StatusChange = apps.get_model("participation", "StatusChange")  # noqa: N806
    last = StatusChange.objects.filter(page_key=page.translation_key).order_by("changed_at", "pk").last()
    if last is None or last.status != page.status:
        StatusChange.objects.create(page_key=page.translation_key, status=page.status, changed_at=timezone.now())


@receiver(address_erased)
def address_was_erased(sender, email, **kwargs):
    subscriptions.forget(email)
