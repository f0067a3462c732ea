"""Residents write to an initiative through the portal: the message is stored, relayed by
e-mail after commit with the sender as reply-to, and never lost when the mail server fails."""

from smtplib import SMTPServerDisconnected

import pytest
from django.core import mail
from django.core.management import call_command

from initiatives.models import InitiativeContactMessage

pytestmark = pytest.mark.django_db


VALID = {
    "name": "Fatima",
    "email": "fatima@bewoner.example.org",
    "message": "Ik wil graag op zaterdag komen helpen in de tuin.",
    "consent": "on",
    "website": "",
}


def contact_url(page):
    return page.url + "contact/"


def test_the_initiative_page_shows_the_form_but_never_the_address(client, post, initiative_page):
    response = client.get(initiative_page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'action="' + contact_url(initiative_page) in html
    assert initiative_page.contact_email not in html


def test_a_valid_message_is_stored_and_relayed_with_the_sender_as_reply_to(client, post, initiative_page):
    response = post(contact_url(initiative_page), VALID)

    assert response.status_code == 302
    message = InitiativeContactMessage.objects.get()
    assert message.sent_at is not None and message.attempts == 1
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [initiative_page.contact_email]
    assert email.reply_to == ["Fatima <fatima@bewoner.example.org>"]
    assert VALID["message"] in email.body
    assert initiative_page.title in email.subject
    # The initiative's page is Dutch, so the relayed e-mail is too.
    assert "stuurde een bericht" in email.body or "bericht" in email.subject.lower()
    assert initiative_page.contact_email not in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"email": "geen-adres"}, "email"),
        ({"message": "kort"}, "message"),
        ({"message": "x" * 2001}, "message"),
        ({"name": "n" * 101}, "name"),
        ({"consent": ""}, "consent"),
    ],
    ids=["bad-email", "too-short", "too-long", "long-name", "no-consent"],
)
def test_bad_input_is_refused_in_dutch_and_changes_nothing(client, post, initiative_page, changes, field):
    response = post(contact_url(initiative_page), {**VALID, **changes})

    assert response.status_code == 400
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert f'href="#id_{field}"' in html  # the error summary links to the field
    assert "Controleer" in html or "controleer" in html  # the summary heading, in Dutch
    assert InitiativeContactMessage.objects.count() == 0
    assert mail.outbox == []


def test_form_errors_are_in_english_on_the_english_site(client, post, initiative_page, site_tree, translate):
    english = translate(initiative_page, site_tree.en)
    response = post(contact_url(english), {**VALID, "email": "not-an-address"})
    assert response.status_code == 400
    assert "Enter a valid email address." in response.content.decode()


def test_the_honeypot_stops_scripts(client, post, initiative_page):
    response = post(contact_url(initiative_page), {**VALID, "website": "https://spam.example"})
    assert response.status_code == 400
    assert InitiativeContactMessage.objects.count() == 0
    assert mail.outbox == []


def test_the_rate_limit_stops_a_flood_from_one_address(client, post, initiative_page, settings):
    settings.MEEDOEN_CONTACT_RATE_LIMIT = 2
    codes = [post(contact_url(initiative_page), VALID).status_code for _ in range(3)]
    assert codes == [302, 302, 429]
    assert InitiativeContactMessage.objects.count() == 2


def test_a_failing_mail_server_loses_nothing_and_the_retry_sends_it(client, post, initiative_page, monkeypatch):
    def broken_send(self, *args, **kwargs):
        raise SMTPServerDisconnected("mail server went away")

    with monkeypatch.context() as patched:
        patched.setattr("django.core.mail.EmailMessage.send", broken_send)
        response = post(contact_url(initiative_page), VALID)

    assert response.status_code == 302  # the resident is not bothered with our mail problem
    message = InitiativeContactMessage.objects.get()
    assert message.sent_at is None
    assert message.attempts == 1
    assert "SMTPServerDisconnected" in message.last_error

    InitiativeContactMessage.objects.filter(pk=message.pk).update(created_at=message.created_at.replace(year=2000))
    call_command("send_pending_messages")

    message.refresh_from_db()
    assert message.sent_at is not None
    assert message.attempts == 2
    assert [email.to for email in mail.outbox] == [[initiative_page.contact_email]]


def test_get_on_the_contact_route_leads_back_to_the_form(client, post, initiative_page):
    response = client.get(contact_url(initiative_page))
    assert response.status_code == 302
    assert response["Location"].endswith(initiative_page.url + "#contact")
