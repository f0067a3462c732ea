"""The feedback loop: residents who took part and asked for news get one e-mail per
published feedback story about it, in their language, with a one-click unsubscribe."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from initiatives import signups
from notifications import subscriptions
from notifications.models import Subscription
from participation.models import FeedbackEmail
from tests import factories


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """publish(page): publish the page's latest state as an editor would, running what waits for the commit."""

    def publish(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        page.refresh_from_db()
        return page

    return publish


@pytest.fixture
def new_story(site_tree, django_capture_on_commit_callbacks):
    def new_story(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return factories.PolicyFeedbackStoryPageFactory(
                parent=site_tree.stories,
                decision="<p>De gemeente legt de moestuin aan.</p>",
                **kwargs,
            )

    return new_story


def sign_up(event, email, *, wants_updates=True, language="nl"):
    with translation.override(language):
        outcome = signups.sign_up(
            event, name="Fatima", email=email, seats=1, language=language, wants_updates=wants_updates
        )
    assert outcome.ok
    mail.outbox.clear()  # the sign-up's own confirmation
    return outcome.signup


def test_opting_in_on_the_signup_form_subscribes(client, event_page, django_capture_on_commit_callbacks):
    data = {
        "name": "Fatima",
        "email": "Fatima@Example.org",
        "seats": "1",
        "role": "attend",
        "consent": "on",
        "wants_updates": "on",
    }
    with django_capture_on_commit_callbacks(execute=True):
        with translation.override("nl"):  # the route's path is translated: /nl/.../aanmelden/
            signup_path = event_page.url + event_page.reverse_subpage("signup")
        response = client.post(signup_path, data)
    assert response.status_code == 200
    subscription = Subscription.objects.get()
    assert (subscription.email, subscription.language, subscription.source) == ("fatima@example.org", "nl", "signup")
    assert subscription.page_key == event_page.translation_key


def test_no_subscription_without_opting_in(event_page):
    sign_up(event_page, "jan@example.org", wants_updates=False)
    assert not Subscription.objects.exists()


def test_a_story_about_the_initiative_on_stage_mails_once(event_page, initiative_page, new_story, publish):
    sign_up(event_page, "fatima@example.org")
    story = new_story(title="Jij zei: een moestuin", initiative=initiative_page)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["fatima@example.org"]
    assert "Jij zei: een moestuin" in message.subject
    assert "http://testserver" + story.url in message.body
    assert "De gemeente legt de moestuin aan." in message.body
    token = subscriptions.unsubscribe_token(Subscription.objects.get())
    unsubscribe_url = "http://testserver" + reverse("feedback_unsubscribe", args=[token])
    assert unsubscribe_url in message.body
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe_url}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert FeedbackEmail.objects.get().sent_at is not None

    # Republishing (a correction, a translation) mails nobody again.
    story.summary = "Bijgewerkt."
    publish(story)
    assert len(mail.outbox) == 1
    assert FeedbackEmail.objects.count() == 1


def test_one_email_per_person_however_many_subscriptions(event_page, initiative_page, new_story):
    sign_up(event_page, "fatima@example.org")
    subscriptions.subscribe("FATIMA@example.org", "nl", initiative_page, "pitch")
    assert Subscription.objects.count() == 2
    new_story(initiative=initiative_page)
    assert len(mail.outbox) == 1


def test_the_email_is_in_the_residents_language(event_page, initiative_page, new_story):
    sign_up(event_page, "sam@example.org", language="en")
    sign_up(event_page, "fatima@example.org", language="nl")
    new_story(title="Jij zei: een moestuin", initiative=initiative_page)
    by_address = {message.to[0]: message for message in mail.outbox}
    assert by_address["sam@example.org"].subject == "We report back: Jij zei: een moestuin"
    assert "/en/updates/stop/" in by_address["sam@example.org"].body
    assert by_address["fatima@example.org"].subject == "We laten weten wat we deden: Jij zei: een moestuin"
    assert "/nl/" in by_address["fatima@example.org"].body


def test_a_story_about_the_project_reaches_its_subscribers_and_its_events(
    site_tree, project_page, event_page, new_story, publish
):
    project_page.related_events.add(event_page)
    publish(project_page)
    sign_up(event_page, "via-event@example.org")
    subscriptions.subscribe("via-pitch@example.org", "nl", project_page, "pitch")
    subscriptions.subscribe(
        "elsewhere@example.org", "nl", factories.InitiativePageFactory(parent=site_tree.initiatives), "pitch"
    )
    new_story(project=project_page)
    assert sorted(m.to[0] for m in mail.outbox) == ["via-event@example.org", "via-pitch@example.org"]


def test_a_draft_story_mails_nobody(event_page, initiative_page, site_tree):
    sign_up(event_page, "fatima@example.org")
    factories.PolicyFeedbackStoryPageFactory(parent=site_tree.stories, initiative=initiative_page, live=False)
    assert mail.outbox == []


def test_unsubscribe_with_one_click_and_no_account(client, event_page, initiative_page, new_story):
    sign_up(event_page, "fatima@example.org")
    subscriptions.subscribe("fatima@example.org", "nl", initiative_page, "pitch")
    url = reverse("feedback_unsubscribe", args=[subscriptions.unsubscribe_token(Subscription.objects.first())])

    response = client.get(url)  # a link checker in a mail server follows links: nothing happens
    assert response.status_code == 200
    assert Subscription.objects.count() == 2
    assert b'method="post"' in response.content

    response = client.post(url)  # the button, or the mail client's one-click POST (no CSRF token)
    assert response.status_code == 200
    assert not Subscription.objects.exists()
    new_story(initiative=initiative_page)
    assert mail.outbox == []

    assert client.post(url).status_code == 404  # used


@pytest.mark.parametrize("token", ["1-forged", "abc", "99999999-x", "1"])
def test_a_forged_unsubscribe_link_does_nothing(client, event_page, token):
    sign_up(event_page, "fatima@example.org")
    response = client.post(reverse("feedback_unsubscribe", args=[token]))
    assert response.status_code == 404
    assert Subscription.objects.count() == 1


def test_failed_emails_are_retried(event_page, initiative_page, new_story, monkeypatch):
    sign_up(event_page, "fatima@example.org")

    def refuse(self, *args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    with monkeypatch.context() as patched:
        patched.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
        new_story(initiative=initiative_page)
    email = FeedbackEmail.objects.get()
    assert email.sent_at is None and email.attempts == 1 and "mail server down" in email.last_error

    FeedbackEmail.objects.update(created_at=timezone.now() - timedelta(minutes=5))
    call_command("send_pending_messages", stdout=open("/dev/null", "w"))  # noqa: SIM115
    email.refresh_from_db()
    assert email.sent_at is not None and email.attempts == 2
    assert len(mail.outbox) == 1


def test_unsubscribed_before_sending_means_never_sent(event_page, initiative_page, new_story, monkeypatch):
    sign_up(event_page, "fatima@example.org")
    with monkeypatch.context() as patched:
        patched.setattr("django.core.mail.EmailMultiAlternatives.send", lambda self: 1 / 0)
        new_story(initiative=initiative_page)
    subscriptions.unsubscribe(Subscription.objects.get())
    FeedbackEmail.objects.update(created_at=timezone.now() - timedelta(minutes=5))
    call_command("send_pending_messages", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert mail.outbox == []
    assert FeedbackEmail.objects.get().sent_at is not None  # done with: not retried forever


def test_personal_data_and_erasure_cover_subscriptions(event_page, initiative_page, new_story):
    sign_up(event_page, "fatima@example.org")
    new_story(initiative=initiative_page)
    data = signups.personal_data("fatima@example.org")
    assert data["subscriptions_to_updates"] == [
        {
            "about": event_page.title,
            "language": "nl",
            "source": "signup",
            "since": Subscription.objects.get().created_at.isoformat(),
        }
    ]
    signups.erase("fatima@example.org")
    assert not Subscription.objects.exists()
    assert not FeedbackEmail.objects.exists()
    assert signups.personal_data("fatima@example.org")["subscriptions_to_updates"] == []


def test_retention_ends_old_subscriptions(event_page, settings):
    sign_up(event_page, "fatima@example.org")
    subscriptions.subscribe("jan@example.org", "nl", event_page, "pitch")
    Subscription.objects.filter(email="jan@example.org").update(
        created_at=timezone.now() - timedelta(days=settings.MEEDOEN_SUBSCRIPTION_RETENTION_DAYS + 1)
    )
    signups.purge()
    assert list(Subscription.objects.values_list("email", flat=True)) == ["fatima@example.org"]


def test_subscriptions_never_reach_public_pages(client, event_page):
    sign_up(event_page, "fatima@example.org")
    assert b"fatima@example.org" not in client.get(event_page.url).content
