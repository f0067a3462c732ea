"""Background work of the participation app (django-tasks): the e-mails of the feedback
loop. Tasks take primary keys, so a retry always reads fresh data."""

from django.apps import apps
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task
from wagtail.models import Locale
from wagtail.rich_text import get_text_for_indexing

from notifications.delivery import deliver, public_url, render_email
from notifications.subscriptions import unsubscribe_token


def story_for(story, language):
    """The live translation of `story` in `language`, or the story itself."""
    locale = Locale.objects.filter(language_code=language).first()
    if locale is not None and locale.pk != story.locale_id:
        translated = type(story).objects.live().filter(translation_key=story.translation_key, locale=locale).first()
        if translated is not None:
            return translated
    return story


@task()
def send_feedback_email(email_id):
    """Send one e-mail about a published feedback story, in the resident's language, with
    a link to the story and a one-click unsubscribe link; on failure record the error and
    leave it for a retry (manage.py send_pending_messages)."""
    FeedbackEmail = apps.get_model("participation", "FeedbackEmail")  # noqa: N806
    email = FeedbackEmail.objects.select_related("subscription", "story").filter(pk=email_id, sent_at=None).first()
    if email is None:
        return "nothing to send"
    subscription = email.subscription
    if subscription is None or email.story is None:
        # Unsubscribed (or the story was deleted) before it went out: nothing to send, ever.
        email.sent_at, email.last_error = timezone.now(), "not sent: unsubscribed or story deleted"
        email.save(update_fields=["sent_at", "last_error"])
        return "cancelled"

    def compose():
        with translation.override(subscription.language):
            story = story_for(email.story, subscription.language)
            unsubscribe_url = settings.WAGTAILADMIN_BASE_URL + reverse(
                "feedback_unsubscribe", args=[unsubscribe_token(subscription)]
            )
            context = {
                "story": story,
                "story_url": public_url(story),
                "about": subscription.page,
                # Plain text of the rich text: tags gone, and entities ("&amp;") read back.
                "decision": " ".join(get_text_for_indexing(story.decision).split()),
                "unsubscribe_url": unsubscribe_url,
                "site_name": settings.WAGTAIL_SITE_NAME,
            }
            subject, body = render_email("participation/emails/feedback_story", context)
        return EmailMultiAlternatives(
            subject=subject,
            body=body,
            to=[subscription.email],
            headers={
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )

    return deliver(email, compose, f"e-mail {email.pk} about feedback story {email.story_key}")
