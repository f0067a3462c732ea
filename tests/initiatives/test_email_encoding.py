"""E-mails are plain text (notifications/delivery.py's render_email): subjects and bodies
carry what was typed, never HTML escapes ("Wonen &amp; energie"), and the Reply-To of a
relayed message is exactly the sender's one address, whatever their name holds."""

import email
import email.policy
from email.utils import getaddresses

import pytest
from django.conf import settings
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from initiatives import signups
from initiatives.models import InitiativeContactMessage
from tests import factories

pytestmark = pytest.mark.django_db

TITLE = "Wonen & energie <script>alert(1)</script>"


def contact(post, page, name, email="piet@example.org"):
    data = {"name": name, "email": email, "message": "Ik help graag mee in de tuin.", "consent": "on", "website": ""}
    response = post(page.url + "contact/", data)
    assert response.status_code == 302
    assert InitiativeContactMessage.objects.get().sent_at is not None
    (message,) = mail.outbox
    return message


@pytest.mark.parametrize(
    "name, shown",
    [
        ("Jansen, Piet", "Jansen, Piet"),
        ("Piet <boef@example.org>", "Piet <boef@example.org>"),
        ('Piet "de Tuinman" Jansen', 'Piet "de Tuinman" Jansen'),
        ("Piet\r\nBcc: boef@example.org", "Piet Bcc: boef@example.org"),
        ("Jérôme Ölçek", "Jérôme Ölçek"),
    ],
    ids=["comma", "angle-brackets", "quotes", "line-break", "accents"],
)
def test_the_reply_to_is_the_senders_one_address(post, initiative_page, name, shown):
    message = contact(post, initiative_page, name)

    assert [address for _name, address in getaddresses(message.reply_to)] == ["piet@example.org"]
    # And so a mail client reads it in the message that goes out (non-ASCII names encoded).
    sent = email.message_from_bytes(message.message().as_bytes(), policy=email.policy.default)
    (reply_to,) = sent["Reply-To"].addresses
    assert (reply_to.display_name, reply_to.addr_spec) == (shown, "piet@example.org")


def test_a_relayed_message_subject_is_the_initiatives_title_as_typed(post, site_tree):
    page = factories.InitiativePageFactory(
        parent=site_tree.initiatives, title=TITLE, contact_email="initiatief@example.org"
    )
    message = contact(post, page, "Fatima & Joost")

    with translation.override("nl"):
        expected = gettext('Message about "%(title)s" via %(site_name)s')
    assert message.subject == expected % {"title": TITLE, "site_name": settings.WAGTAIL_SITE_NAME}
    assert "Fatima & Joost" in message.body


def test_a_sign_up_subject_is_the_events_title_as_typed(site_tree, django_capture_on_commit_callbacks):
    event = factories.PitchEventPageFactory(parent=site_tree.events, title=TITLE, capacity=5)
    with django_capture_on_commit_callbacks(execute=True):
        outcome = signups.sign_up(event, name="Piet & Co", email="piet@example.org", seats=1, language="nl")
    assert outcome.ok

    (message,) = mail.outbox
    with translation.override("nl"):
        assert message.subject == gettext("You are signed up for %(title)s") % {"title": TITLE}
    assert "Piet & Co" in message.body and TITLE in message.body


def test_a_feedback_email_has_the_story_as_typed(
    site_tree, event_page, initiative_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        signups.sign_up(
            event_page, name="Fatima", email="fatima@example.org", seats=1, language="nl", wants_updates=True
        )
    mail.outbox.clear()  # the sign-up's own confirmation

    with django_capture_on_commit_callbacks(execute=True):
        factories.PolicyFeedbackStoryPageFactory(
            parent=site_tree.stories,
            title=TITLE,
            initiative=initiative_page,
            # Rich text keeps "&" as an entity; the e-mail shows the character.
            decision="<p>Wonen &amp; energie gaan samen.</p><p>&lt;Dat&gt; besloot de raad.</p>",
        )

    (message,) = mail.outbox
    with translation.override("nl"):
        assert message.subject == gettext("We report back: %(title)s") % {"title": TITLE}
    assert "Wonen & energie gaan samen. <Dat> besloot de raad." in message.body
    assert "&amp;" not in message.body and "&lt;" not in message.body
