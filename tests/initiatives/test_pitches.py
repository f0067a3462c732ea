"""Founders pitch through the form: what is stored, the confirmation and its e-mail, the
status page with its signed link, every status change and its e-mail, accepting into a
draft initiative page, the programme of an event, bad input, rate limits and a mail
server that fails."""

from datetime import timedelta
from smtplib import SMTPServerDisconnected

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import PageViewRestriction

from initiatives import pitches
from initiatives.models import InitiativePage, Pitch, PitchEmail
from tests import factories
from tests.helpers import soup_of, text_of

pytestmark = pytest.mark.django_db


def status_link(email):
    return next(line for line in email.body.splitlines() if "/status/" in line).strip()


def path_of(url):
    return "/" + url.split("/", 3)[3]


# --- The form ----------------------------------------------------------------------------


def test_the_form_page_shows_every_field_with_a_label(client, pitch_page):
    response = client.get(pitch_page.url)
    assert response.status_code == 200
    soup = soup_of(response)
    form = soup.find("form", class_="pitch-form")
    assert form["enctype"] == "multipart/form-data"
    for name in ["initiative_name", "summary", "description", "founder_name", "email", "website", "image"]:
        field = form.find(attrs={"name": name})
        assert soup.find("label", attrs={"for": field["id"]}), name
    assert "Vertel ons over je plan." in text_of(response)
    assert "Alleen medewerkers zien je gegevens." in text_of(response)


def test_a_pitch_is_stored_and_confirmed_with_a_personal_status_link(submit, pitch_data, theme, neighbourhood):
    response = submit(pitch_data)
    assert response.status_code == 200
    pitch = Pitch.objects.get()
    assert (pitch.initiative_name, pitch.status, pitch.email) == (
        "Buurttuin De Vlinder",
        "received",
        "sanne@bewoner.example.org",
    )
    assert list(pitch.themes.all()) == [theme] and list(pitch.neighbourhoods.all()) == [neighbourhood]
    assert pitch.needs == ["volunteers", "funding"] and pitch.language == "nl"
    assert "We laten binnen twee weken van ons horen." in text_of(response)

    [email] = mail.outbox
    assert email.to == ["sanne@bewoner.example.org"]
    assert "Buurttuin De Vlinder" in email.subject and "ontvangen" in email.subject
    link = status_link(email)
    assert link.startswith("http://testserver/nl/") and pitch.status_token() in link
    assert soup_of(response).find("a", href=path_of(link))
    page = Client().get(path_of(link))
    assert page.status_code == 200
    assert "Ontvangen" in text_of(page) and "Buurttuin De Vlinder" in text_of(page)
    assert PitchEmail.objects.get().sent_at is not None


def test_an_english_founder_gets_english_text(
    client, site_tree, pitch_page, pitch_data, translate, django_capture_on_commit_callbacks
):
    for page in [site_tree.home, site_tree.initiatives]:
        translate(page, site_tree.en)
    en_form = translate(pitch_page, site_tree.en)
    assert en_form.url.startswith("/en/")
    pitch_data = {**pitch_data, "themes": [], "neighbourhoods": []}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(en_form.url, pitch_data)
    assert response.status_code == 200
    [email] = mail.outbox
    assert email.subject.startswith("We received your pitch")
    assert "/en/" in status_link(email) and "/status/" in status_link(email)


def nothing_stored():
    return not Pitch.objects.exists() and not mail.outbox


BAD_INPUT = [
    ({"initiative_name": ""}, "initiative_name", "required"),
    ({"summary": "x" * 201}, "summary", "too long"),
    ({"description": "Te kort."}, "description", "too short"),
    ({"email": "sanne-at-example"}, "email", "bad e-mail"),
    ({"website": "javascript:alert(1)"}, "website", "javascript url"),
    ({"website": "ftp://files.example.org/"}, "website", "ftp url"),
    ({"phone": "bel me maar"}, "phone", "phone with letters"),
    ({"consent": ""}, "consent", "no consent"),
    ({"stage": "famous"}, "stage", "unknown stage"),
    ({"needs": ["a-castle"]}, "needs", "unknown need"),
    ({"themes": ["999999"]}, "themes", "unknown theme"),
]


@pytest.mark.parametrize(("change", "field", "_why"), BAD_INPUT, ids=[case[2] for case in BAD_INPUT])
def test_bad_input_is_refused_with_a_linked_error_and_keeps_what_was_typed(submit, pitch_data, change, field, _why):
    response = submit({**pitch_data, **change})
    assert response.status_code == 400
    assert nothing_stored()
    soup = soup_of(response)
    summary = soup.find(class_="error-summary")
    assert summary is not None and summary["role"] == "alert"
    targets = [a["href"].lstrip("#") for a in summary.find_all("a")]
    assert any(t.startswith(f"id_{field}") for t in targets), targets
    for target in targets:
        assert soup.find(id=target) is not None, target
    # What was typed is still there, so a long form is not lost.
    assert (
        soup.find("textarea", attrs={"name": "description"})
        .get_text()
        .strip()
        .startswith((pitch_data | change)["description"][:20])
    )
    if field != "initiative_name":
        assert soup.find("input", attrs={"name": "initiative_name"})["value"] == "Buurttuin De Vlinder"


def test_the_error_messages_are_dutch(submit, pitch_data):
    response = submit({**pitch_data, "consent": "", "website": "javascript:alert(1)"})
    text = text_of(response)
    assert "We kunnen je pitch alleen aannemen met je toestemming." in text
    assert "http://" in text and "https://" in text


@pytest.mark.parametrize("website", ["javascript:alert(1)", "geen adres", "ftp://files.example.org/"])
def test_a_bad_website_is_listed_once_in_the_error_summary(submit, pitch_data, website):
    response = submit({**pitch_data, "website": website})
    assert response.status_code == 400 and nothing_stored()
    soup = soup_of(response)
    message = "Vul een webadres in dat begint met http:// of https://."
    items = [li.get_text(" ", strip=True) for li in soup.find(class_="error-summary").find_all("li")]
    assert [item for item in items if message in item] == [f"Website (mag leeg blijven): {message}"]
    label = soup.find("label", attrs={"for": "id_website"})
    assert label.get_text().count(message) == 1


def test_a_past_event_or_one_in_another_language_cannot_be_wished(submit, pitch_data, site_tree, locales):
    past = factories.PitchEventPageFactory(
        parent=site_tree.events, start=timezone.now() - timedelta(days=3), slug="voorbij"
    )
    response = submit({**pitch_data, "wished_event": str(past.pk)})
    assert response.status_code == 400 and nothing_stored()


def test_an_upcoming_event_can_be_wished(submit, pitch_data, site_tree):
    event = factories.PitchEventPageFactory(parent=site_tree.events, start=timezone.now() + timedelta(days=9))
    assert submit({**pitch_data, "wished_event": str(event.pk)}).status_code == 200
    assert Pitch.objects.get().wished_event == event


def test_the_honeypot_stops_scripts(submit, pitch_data):
    response = submit({**pitch_data, "fax": "+31 20 1234567"})
    assert response.status_code == 400 and nothing_stored()


def test_too_many_pitches_from_one_address_are_refused(submit, pitch_data, settings):
    settings.MEEDOEN_PITCH_RATE_LIMIT_PER_EMAIL = 2
    for n in range(2):
        assert submit({**pitch_data, "initiative_name": f"Plan {n}"}).status_code == 200
    response = submit({**pitch_data, "initiative_name": "Plan 3"})
    assert response.status_code == 429
    assert Pitch.objects.count() == 2
    assert "Probeer het morgen nog eens" in text_of(response)


def test_the_form_refuses_cross_site_posts(pitch_page, pitch_data):
    client = Client(enforce_csrf_checks=True)
    assert client.post(pitch_page.url, pitch_data).status_code == 403
    assert not Pitch.objects.exists()


def test_a_failing_mail_server_never_loses_a_pitch(submit, pitch_data, monkeypatch):
    def hang_up(self, *args, **kwargs):
        raise SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr(EmailMultiAlternatives, "send", hang_up)
    response = submit(pitch_data)
    assert response.status_code == 200
    email = PitchEmail.objects.get()
    assert email.sent_at is None and "SMTPServerDisconnected" in email.last_error
    assert Pitch.objects.get().status == "received"

    monkeypatch.undo()
    PitchEmail.objects.update(created_at=timezone.now() - timedelta(minutes=5))
    call_command("send_pending_messages", stdout=open("/dev/null", "w"))  # noqa: SIM115
    email.refresh_from_db()
    assert email.sent_at is not None and email.attempts == 2
    assert len(mail.outbox) == 1


# --- The status flow ----------------------------------------------------------------------


@pytest.fixture
def pitch(submit, pitch_data):
    submit(pitch_data)
    mail.outbox.clear()
    return Pitch.objects.get()


@pytest.fixture
def status_page(pitch, pitch_page):
    return pitch_page.status_url(pitch)


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    def run(function, *args):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args)

    return run


def test_review_question_answer_and_decline_each_send_an_email(pitch, status_page, run, moderator, client):
    run(pitches.start_review, pitch.pk, moderator)
    assert mail.outbox[-1].subject == 'Je pitch "Buurttuin De Vlinder" wordt bekeken'

    run(pitches.ask_information, pitch.pk, moderator, "Hoeveel buren doen mee?")
    question_mail = mail.outbox[-1]
    assert "Hoeveel buren doen mee?" in question_mail.body
    page = client.get(status_page)
    assert "Meer informatie gevraagd" in text_of(page) and "Hoeveel buren doen mee?" in text_of(page)

    with_callbacks = client.post(status_page, {"action": "answer", "message": "Twintig, en het worden er meer."})
    assert with_callbacks.status_code == 200
    pitch.refresh_from_db()
    assert pitch.status == "in_review"
    assert [m.author for m in pitch.messages.all()] == ["staff", "founder"]

    run(pitches.decline, pitch.pk, moderator, "Het veldje is al verhuurd aan de school.")
    decline_mail = mail.outbox[-1]
    assert "Het veldje is al verhuurd aan de school." in decline_mail.body
    page = client.get(status_page)
    assert "Afgewezen" in text_of(page) and "Het veldje is al verhuurd aan de school." in text_of(page)
    assert page.context["pitch"].is_open is False
    assert not soup_of(page).find("input", attrs={"value": "withdraw"})
    assert status_link(decline_mail) == "http://testserver" + status_page


def test_the_founder_can_withdraw_once(pitch, status_page, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(status_page, {"action": "withdraw"})
    assert response.status_code == 200 and "Je pitch is ingetrokken." in text_of(response)
    pitch.refresh_from_db()
    assert pitch.status == "withdrawn"
    assert "ingetrokken" in mail.outbox[-1].subject
    again = client.post(status_page, {"action": "withdraw"})
    assert "Deze pitch is gesloten" in text_of(again)
    assert len(mail.outbox) == 1


def test_an_empty_answer_is_refused(pitch, status_page, client):
    response = client.post(status_page, {"action": "answer", "message": ""})
    assert response.status_code == 400 and not pitch.messages.exists()


def test_a_forged_or_mangled_link_shows_nothing(pitch, pitch_page, client):
    good = pitch.status_token()
    for token in [f"{pitch.pk}-forged", f"{pitch.pk + 1}-{good.split('-', 1)[1]}", "abc", "1" * 30]:
        response = client.get(pitch_page.url + f"status/{token}/")
        assert response.status_code == 404, token
        assert "Buurttuin De Vlinder" not in text_of(response)


def test_staff_cannot_skip_the_rules(pitch, run, moderator):
    run(pitches.decline, pitch.pk, moderator, "Past niet binnen de regeling.")
    with pytest.raises(pitches.Refused):
        run(pitches.accept, pitch.pk, moderator)
    with pytest.raises(pitches.Refused):
        run(pitches.start_review, pitch.pk, moderator)
    assert not InitiativePage.objects.exists()


# --- Accepting into a draft ---------------------------------------------------------------


def test_accepting_makes_a_draft_initiative_from_the_pitch(pitch, run, moderator, site_tree, theme, neighbourhood):
    page = run(pitches.accept, pitch.pk, moderator)
    page = InitiativePage.objects.get(pk=page.pk)
    assert page.live is False and page.has_unpublished_changes
    assert page.get_parent().specific == site_tree.initiatives
    assert (page.title, page.summary, page.slug) == (pitch.initiative_name, pitch.summary, "buurttuin-de-vlinder")
    assert page.public_owner == "Bewonersgroep Vlinderstraat" and page.website == pitch.website
    assert list(page.themes.all()) == [theme] and list(page.neighbourhoods.all()) == [neighbourhood]
    assert [n.kind for n in page.needs.all()] == ["volunteers", "funding"]
    paragraphs = [b.value.source for b in page.body if b.block_type == "paragraph"]
    assert paragraphs[0].startswith("<p>We willen het braakliggende veldje")
    # What is needed goes to the page's own field, shown under "What we need" (not in the story).
    assert page.needs_explanation == "Drie mensen op zaterdagochtend en geld voor hout."
    assert not any("Drie mensen" in p for p in paragraphs)
    assert page.contact_email == ""  # contact details are not copied onto a page
    assert page.latest_revision is not None and page.latest_revision.user == moderator

    pitch.refresh_from_db()
    assert pitch.status == "accepted" and pitch.initiative_id == page.pk
    assert "geaccepteerd" in mail.outbox[-1].subject
    # Not public: residents get a 404, and it is not listed.
    assert Client().get(f"/nl/{site_tree.initiatives.slug}/{page.slug}/").status_code == 404
    assert page.title not in text_of(Client().get(site_tree.initiatives.url))


def test_a_second_accept_makes_no_second_page(pitch, run, moderator):
    run(pitches.accept, pitch.pk, moderator)
    with pytest.raises(pitches.Refused):
        run(pitches.accept, pitch.pk, moderator)
    assert InitiativePage.objects.count() == 1


def test_slugs_do_not_clash_with_existing_initiatives(pitch, run, moderator, site_tree):
    factories.InitiativePageFactory(parent=site_tree.initiatives, slug="buurttuin-de-vlinder")
    page = run(pitches.accept, pitch.pk, moderator)
    assert page.slug == "buurttuin-de-vlinder-2"


def test_an_accepted_initiative_goes_on_an_events_programme(pitch, run, site_tree, admin_user, client):
    event = factories.PitchEventPageFactory(parent=site_tree.events, start=timezone.now() + timedelta(days=7))
    page = run(pitches.accept, pitch.pk, admin_user)
    assert pitches.add_to_programme(pitch.pk, event, admin_user) is True
    event.refresh_from_db()
    assert [slot.initiative_id for slot in event.programme.all()] == [page.pk]
    # The initiative is still a draft: the public programme leaves it out until it is published.
    assert pitch.initiative_name not in text_of(client.get(event.url))
    page.save_revision(user=admin_user).publish(user=admin_user)
    assert pitch.initiative_name in text_of(client.get(event.url))
    with pytest.raises(pitches.Refused):
        pitches.add_to_programme(pitch.pk, event, admin_user)


def test_the_initiatives_overview_links_to_the_live_pitch_form(client, site_tree, pitch_page):
    response = client.get(site_tree.initiatives.url)
    assert soup_of(response).find("a", href=pitch_page.url, string="Pitch je initiatief")
    pitch_page.unpublish()
    assert not soup_of(client.get(site_tree.initiatives.url)).find("a", href=pitch_page.url)
    pitch_page.save_revision().publish()
    assert soup_of(client.get(site_tree.initiatives.url)).find("a", href=pitch_page.url, string="Pitch je initiatief")


def test_the_initiatives_overview_does_not_link_a_private_pitch_form(client, site_tree, pitch_page):
    PageViewRestriction.objects.create(page=pitch_page, restriction_type=PageViewRestriction.PASSWORD, password="x")
    response = client.get(site_tree.initiatives.url)
    assert response.status_code == 200
    assert not soup_of(response).find("a", href=pitch_page.url)


def test_a_founder_who_asked_for_news_hears_when_a_story_reports_on_the_initiative(
    submit, pitch_data, run, moderator, admin_user, site_tree, project_page
):
    submit({**pitch_data, "wants_updates": "on"})
    pitch = Pitch.objects.get()
    assert pitch.wants_updates
    page = run(pitches.accept, pitch.pk, moderator)
    page.save_revision(user=admin_user).publish(user=admin_user)
    mail.outbox.clear()
    story = factories.PolicyFeedbackStoryPageFactory(
        parent=site_tree.stories, title="Jij zei: een moestuin", slug="jij-zei-moestuin", initiative=page, live=False
    )
    run(lambda: story.save_revision(user=admin_user).publish(user=admin_user))
    assert [m.to for m in mail.outbox] == [["sanne@bewoner.example.org"]]
    assert "Jij zei: een moestuin" in mail.outbox[0].body


def test_a_founder_who_did_not_ask_gets_no_news(pitch, run, moderator):
    page = run(pitches.accept, pitch.pk, moderator)
    from participation.models import Subscription

    assert not Subscription.objects.filter(page_key=page.translation_key).exists()
