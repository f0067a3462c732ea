"""Residents sign up on the event page: the answer they get, the e-mail with its calendar
file and personal link, the manage page (change, cancel), bad input, abuse, and a mail
server that fails."""

from datetime import timedelta
from smtplib import SMTPServerDisconnected

import icalendar
import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from initiatives.models import SignUp, SignUpEmail
from tests import factories
from tests.helpers import soup_of, text_of

pytestmark = pytest.mark.django_db

VALID = {
    "name": "Fatima el Amrani",
    "email": "fatima@bewoner.example.org",
    "seats": "2",
    "role": "attend",
    "accessibility_needs": "",
    "consent": "on",
    "website": "",
}


@pytest.fixture
def event(site_tree):
    start = (timezone.now() + timedelta(days=10)).replace(hour=18, minute=30, second=0, microsecond=0)
    return factories.PitchEventPageFactory(
        parent=site_tree.events, title="Pitchavond Groen", slug="pitchavond-groen", capacity=3, start=start
    )


def signup_url(page):
    return page.url + ("aanmelden/" if page.url.startswith("/nl/") else "signup/")


def manage_link(email):
    return next(line for line in email.body.splitlines() if "/aanmelden/" in line or "/signup/" in line).strip()


def path_of(url):
    return "/" + url.split("/", 3)[3]


# --- The event page -----------------------------------------------------------------------


def test_the_event_page_shows_seats_left_and_the_form(client, event):
    page = soup_of(client.get(event.url))
    assert "Nog 3 plaatsen vrij" in page.get_text()
    form = page.find("form", class_="signup-form")
    assert form is not None and form["action"] == signup_url(event) + "#registration"
    assert [o["value"] for o in form.find("select", attrs={"name": "seats"}).find_all("option")] == ["1", "2"]


@pytest.mark.parametrize(
    "fields",
    [
        {"registration_opens_at": "future"},
        {"start": "past"},
    ],
    ids=["not-open-yet", "past"],
)
def test_no_form_outside_the_registration_window(client, site_tree, fields):
    now = timezone.now()
    times = {"registration_opens_at": now + timedelta(days=1)} if "registration_opens_at" in fields else {}
    if "start" in fields:
        times = {"start": now - timedelta(days=2), "end": now - timedelta(days=2) + timedelta(hours=2)}
    page = soup_of(client.get(factories.PitchEventPageFactory(parent=site_tree.events, **times).url))
    assert page.find("form", class_="signup-form") is None


# --- Signing up ------------------------------------------------------------------------------


def test_signing_up_confirms_the_seats_and_mails_a_calendar_file_and_a_personal_link(client, post, event):
    response = post(signup_url(event), VALID)

    assert response.status_code == 200
    assert "Je bent aangemeld: er zijn 2 plaatsen voor je gereserveerd." in text_of(response)
    signup = SignUp.objects.get()
    assert (signup.status, signup.seats, signup.language) == ("confirmed", 2, "nl")
    assert "Nog 1 plaats vrij" in text_of(client.get(event.url))

    [email] = mail.outbox
    assert email.to == ["fatima@bewoner.example.org"]
    assert email.subject == "Je bent aangemeld voor Pitchavond Groen"
    assert "Beste Fatima el Amrani," in email.body
    name, content, mimetype = email.attachments[0]
    assert name == "pitchavond-groen.ics" and mimetype.startswith("text/calendar")
    [entry] = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert entry.decoded("dtstart") == event.start
    assert str(entry.decoded("dtstart").tzinfo) == "Europe/Amsterdam"
    assert str(entry["url"]) == "http://testserver" + event.url  # BASE_URL, the public address
    assert "Wijkcentrum De Schakel" in str(entry["location"])
    assert SignUpEmail.objects.get().sent_at is not None


def test_a_full_event_puts_the_next_resident_on_the_waiting_list(client, post, event):
    post(signup_url(event), {**VALID, "email": "a@example.org", "seats": "2"})
    post(signup_url(event), {**VALID, "email": "b@example.org", "seats": "1"})

    response = post(signup_url(event), {**VALID, "email": "c@example.org", "seats": "1"})

    assert "De pitchavond is vol. Je staat op de wachtlijst, op nummer 1." in text_of(response)
    assert mail.outbox[-1].subject == "Je staat op de wachtlijst voor Pitchavond Groen"
    assert mail.outbox[-1].attachments == []
    page = text_of(client.get(event.url))
    assert "Alle plaatsen zijn bezet." in page and "1 persoon staat op de wachtlijst." in page


def test_full_without_a_waiting_list_says_so(client, post, site_tree):
    event = factories.PitchEventPageFactory(parent=site_tree.events, capacity=1, waiting_list_enabled=False)
    post(signup_url(event), {**VALID, "email": "a@example.org", "seats": "1"})

    assert soup_of(client.get(event.url)).find("form", class_="signup-form") is None
    response = post(signup_url(event), {**VALID, "email": "b@example.org", "seats": "1"})

    assert response.status_code == 409
    assert "Sorry, de pitchavond is vol en er is geen wachtlijst. Je bent niet aangemeld." in text_of(response)
    assert SignUp.objects.count() == 1


def test_signing_up_twice_takes_no_seats_reveals_nothing_and_mails_the_link_again(client, post, event):
    first = post(signup_url(event), VALID)
    again = post(signup_url(event), {**VALID, "email": "Fatima@Bewoner.example.org", "name": "Iemand anders"})
    stranger = post(signup_url(event), {**VALID, "email": "nieuw@example.org", "seats": "1"})

    assert again.status_code == 200
    assert "Je bent aangemeld" not in text_of(again)
    assert "Fatima el Amrani" not in again.content.decode()
    assert SignUp.objects.filter(email="fatima@bewoner.example.org").count() == 1
    assert SignUp.objects.get(email="fatima@bewoner.example.org").seats == 2
    duplicate_mail = mail.outbox[1]
    assert duplicate_mail.subject == "Je was al aangemeld voor Pitchavond Groen"
    assert manage_link(duplicate_mail) == manage_link(mail.outbox[0])
    assert first.status_code == stranger.status_code == 200


def test_english_sign_up_gets_english_answers_and_mail(client, post, event, site_tree, translate):
    english = translate(event, site_tree.en)

    response = post(signup_url(english), {**VALID, "seats": "1"})

    assert "You are signed up: 1 seat is reserved for you." in text_of(response)
    [email] = mail.outbox
    assert email.subject.startswith("You are signed up for")
    assert "/en/" in manage_link(email) and "/signup/" in manage_link(email)
    assert SignUp.objects.get().language == "en"


# --- Bad input and abuse ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "changes, field, dutch",
    [
        ({"email": "geen-adres"}, "email", "Voer een geldig e-mailadres in."),
        ({"name": ""}, "name", "Dit is een verplicht veld."),
        ({"name": "n" * 101}, "name", "Zorg dat deze waarde niet meer dan 100 tekens bevat"),
        ({"seats": "3"}, "seats", "Kies tussen 1 en 2 plaatsen."),
        ({"seats": "twee"}, "seats", "Kies tussen 1 en 2 plaatsen."),
        ({"role": "vip"}, "role", "Selecteer een geldige keuze."),
        ({"accessibility_needs": "x" * 501}, "accessibility_needs", "niet meer dan 500 tekens"),
        ({"consent": ""}, "consent", "We kunnen je alleen aanmelden als je daar toestemming voor geeft."),
    ],
    ids=[
        "bad-email",
        "no-name",
        "long-name",
        "too-many-seats",
        "seats-not-a-number",
        "unknown-role",
        "long-needs",
        "no-consent",
    ],
)
def test_bad_input_is_refused_in_dutch_keeps_the_values_and_changes_nothing(post, event, changes, field, dutch):
    response = post(signup_url(event), {**VALID, **changes})

    assert response.status_code == 400
    page = soup_of(response)
    summary = page.find(class_="error-summary")
    target = f"#id_{field}_0" if field == "role" else f"#id_{field}"
    assert summary is not None and summary.find("a", href=target) is not None
    assert page.find(id=target[1:]) is not None
    assert dutch in summary.get_text()
    assert page.find(attrs={"name": field, "aria-invalid": "true"}) is not None or field == "role"
    if field != "name":
        assert page.find("input", attrs={"name": "name"})["value"] == VALID["name"]
    assert not SignUp.objects.exists() and mail.outbox == []


def test_errors_are_in_english_on_the_english_page(post, event, site_tree, translate):
    english = translate(event, site_tree.en)
    response = post(signup_url(english), {**VALID, "email": "nope"})
    assert response.status_code == 400
    assert "Enter a valid email address." in text_of(response)


def test_the_honeypot_stops_scripts(post, event):
    response = post(signup_url(event), {**VALID, "website": "https://spam.example"})
    assert response.status_code == 400
    assert not SignUp.objects.exists()


def test_an_unknown_event_is_404(post, site_tree):
    assert post(site_tree.events.url + "bestaat-niet/aanmelden/", VALID).status_code == 404


def test_get_on_the_sign_up_route_leads_to_the_form(client, event):
    response = client.get(signup_url(event))
    assert response.status_code == 302 and response["Location"].endswith("#registration")


@pytest.mark.parametrize("limit", ["per-address", "per-client"])
def test_rate_limits_stop_scripted_sign_ups(post, event, settings, limit):
    settings.MEEDOEN_SIGNUP_RATE_LIMIT_PER_EMAIL = 2 if limit == "per-address" else 100
    settings.MEEDOEN_SIGNUP_RATE_LIMIT_PER_IP = 2 if limit == "per-client" else 100
    for n in range(2):
        email = VALID["email"] if limit == "per-address" else f"bewoner{n}@example.org"
        assert post(signup_url(event), {**VALID, "email": email, "seats": "1"}).status_code == 200

    email = VALID["email"] if limit == "per-address" else "nog-een@example.org"
    response = post(signup_url(event), {**VALID, "email": email, "seats": "1"})

    assert response.status_code == 429
    assert "Er kwamen veel aanmeldingen van je binnen in korte tijd." in text_of(response)
    assert SignUp.objects.count() == (1 if limit == "per-address" else 2)


# --- The personal manage page --------------------------------------------------------------------


def test_the_manage_link_shows_the_sign_up_and_cancelling_moves_the_waiting_list_up(client, post, event):
    post(signup_url(event), {**VALID, "seats": "2"})
    post(signup_url(event), {**VALID, "email": "b@example.org", "seats": "1"})
    post(signup_url(event), {**VALID, "email": "c@example.org", "seats": "1"})  # waiting
    link = path_of(manage_link(mail.outbox[0]))

    page = client.get(link)
    assert page.status_code == 200
    assert "Bevestigd: 2 plaatsen" in text_of(page)
    assert soup_of(page).find("meta", attrs={"name": "robots", "content": "noindex"}) is not None

    mail.outbox.clear()
    cancelled = post(link, {"action": "cancel", "confirm": "yes"})

    assert "Je aanmelding is afgezegd." in text_of(cancelled)
    assert SignUp.objects.get(email="c@example.org").status == "confirmed"
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects == [
        "Goed nieuws: je hebt een plaats voor Pitchavond Groen",
        "Je aanmelding voor Pitchavond Groen is afgezegd",
    ]

    replayed = post(link, {"action": "cancel", "confirm": "yes"})
    assert "Deze aanmelding was al afgezegd. Er is niets veranderd." in text_of(replayed)
    assert SignUp.objects.filter(status="confirmed").count() == 2


def cancel_forms(response):
    return [
        form
        for form in soup_of(response).find_all("form")
        if form.find("input", attrs={"name": "action", "value": "cancel"})
    ]


def test_cancelling_asks_first_and_only_the_confirmed_click_cancels(client, post, event):
    post(signup_url(event), VALID)
    link = path_of(manage_link(mail.outbox[0]))
    mail.outbox.clear()
    [first_form] = cancel_forms(client.get(link))
    assert first_form.find("input", attrs={"name": "confirm"}) is None

    asked = post(link, {"action": "cancel"})

    assert asked.status_code == 200
    assert SignUp.objects.get().status == "confirmed" and mail.outbox == []
    question = soup_of(asked).find(id="signup-cancel")
    assert question is not None and question.find("h4") is not None
    assert question.find(attrs={"role": "status"}) is not None
    [confirm_form] = cancel_forms(asked)
    assert confirm_form.find("input", attrs={"name": "confirm", "value": "yes"}) is not None
    assert confirm_form.find("button", type="submit") is not None
    assert confirm_form.find("a", href=link + "#signup-manage") is not None  # "No, go back" changes nothing
    assert confirm_form["action"].startswith(link)

    cancelled = post(link, {"action": "cancel", "confirm": "yes"})

    assert "Je aanmelding is afgezegd." in text_of(cancelled)
    assert SignUp.objects.get().status == "cancelled"
    assert cancel_forms(cancelled) == []
    assert [m.subject for m in mail.outbox] == ["Je aanmelding voor Pitchavond Groen is afgezegd"]


def test_changing_seats_on_the_manage_page(client, post, event):
    post(signup_url(event), {**VALID, "seats": "1"})
    link = path_of(manage_link(mail.outbox[0]))

    changed = post(link, {"action": "change", "seats": "2"})
    assert "Je aanmelding is gewijzigd." in text_of(changed)
    assert SignUp.objects.get().seats == 2

    refused = post(link, {"action": "change", "seats": "7"})
    assert refused.status_code == 400
    assert SignUp.objects.get().seats == 2


@pytest.mark.parametrize(
    "mangle",
    [lambda t: t[:-2] + "xx", lambda t: "2-" + t.split("-", 1)[1], lambda t: t.split("-")[0], lambda t: "x"],
    ids=["tampered", "other-sign-up", "no-signature", "junk"],
)
def test_a_tampered_manage_link_shows_nothing_and_changes_nothing(client, post, event, mangle):
    post(signup_url(event), VALID)
    link = path_of(manage_link(mail.outbox[0]))
    token = link.rstrip("/").rsplit("/", 1)[1]
    bad = link.replace(token, mangle(token))

    assert client.get(bad).status_code == 404
    response = post(bad, {"action": "cancel"})
    assert response.status_code == 404
    assert "Deze link werkt niet." in text_of(response)
    assert "Fatima" not in response.content.decode()
    assert SignUp.objects.get().status == "confirmed"


def test_a_manage_link_only_works_on_its_own_event_and_shows_nothing_elsewhere(client, post, event, site_tree):
    other = factories.PitchEventPageFactory(parent=site_tree.events, title="Pitchavond Zuid", slug="pitchavond-zuid")
    post(signup_url(event), {**VALID, "seats": "2"})
    token = path_of(manage_link(mail.outbox[0])).rstrip("/").rsplit("/", 1)[1]
    elsewhere = f"{other.url}aanmelden/{token}/"

    for response in [
        client.get(elsewhere),
        post(elsewhere, {"action": "cancel"}),
        post(elsewhere, {"action": "cancel", "confirm": "yes"}),
    ]:
        assert response.status_code == 404
        html = response.content.decode()
        assert "Pitchavond Zuid" in html  # the other event's page, really
        assert "Fatima" not in html and "bewoner.example.org" not in html
        assert "Bevestigd" not in html
        assert "Deze link werkt niet." in text_of(response)
        assert cancel_forms(response) == []
        assert soup_of(response).find(attrs={"name": "seats"}) is None
    assert SignUp.objects.get().status == "confirmed"


def test_a_manage_link_expires_after_the_event(client, post, event):
    post(signup_url(event), VALID)
    link = path_of(manage_link(mail.outbox[0]))
    event.start, event.end = timezone.now() - timedelta(days=3), timezone.now() - timedelta(days=3, hours=-2)
    event.save_revision().publish()

    response = post(link, {"action": "cancel"})

    assert response.status_code == 410
    assert "Deze link werkt niet meer" in text_of(response)
    assert SignUp.objects.get().status == "confirmed"


# --- No data lost, none shown --------------------------------------------------------------------


def test_a_failing_mail_server_loses_no_sign_up_and_the_retry_sends_the_mail(post, event, monkeypatch):
    def refuse(self, *args, **kwargs):
        raise SMTPServerDisconnected("mail server down")

    with monkeypatch.context() as patched:
        patched.setattr(EmailMultiAlternatives, "send", refuse)
        response = post(signup_url(event), VALID)

    assert response.status_code == 200
    assert SignUp.objects.get().status == "confirmed"
    email = SignUpEmail.objects.get()
    assert email.sent_at is None and "mail server down" in email.last_error
    SignUpEmail.objects.update(created_at=timezone.now() - timedelta(minutes=5))

    call_command("send_pending_messages")

    email.refresh_from_db()
    assert email.sent_at is not None
    assert mail.outbox[0].subject == "Je bent aangemeld voor Pitchavond Groen"


def test_personal_data_never_appears_on_public_pages(client, post, event, site_tree):
    post(signup_url(event), {**VALID, "accessibility_needs": "Rolstoelplek graag"})
    for url in [event.url, site_tree.events.url, site_tree.home.url]:
        html = client.get(url).content.decode()
        assert "Fatima" not in html and "bewoner.example.org" not in html and "Rolstoelplek" not in html
    assert soup_of(client.get("/nl/zoeken/", {"q": "Fatima"})).select(".search-results li") == []


def test_the_sign_up_form_is_protected_against_cross_site_requests(event):
    browser = Client(enforce_csrf_checks=True)
    assert browser.post(signup_url(event), VALID).status_code == 403
    assert not SignUp.objects.exists()
    page = browser.get(event.url)
    token = soup_of(page).find("form", class_="signup-form").find("input", attrs={"name": "csrfmiddlewaretoken"})
    assert browser.post(signup_url(event), {**VALID, "csrfmiddlewaretoken": token["value"]}).status_code == 200
    assert SignUp.objects.count() == 1
