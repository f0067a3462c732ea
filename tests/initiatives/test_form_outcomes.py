"""What a resident meets after sending a form, and the event and initiative pages read in
the order a resident decides (issue 21): the outcome or error summary is in view and
marked for focus, the event page has one Programme and no hand-written line that
contradicts the live seats, a message without an initiative's address says it goes to the
municipality, and an initiative made from a pitch says "What we need" once."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext

from initiatives import pitches
from initiatives.models import InitiativePage
from initiatives.models.events import without_seat_claims
from tests import factories
from tests.helpers import soup_of, text_of

pytestmark = pytest.mark.django_db

SIGNUP = {
    "name": "Fatima el Amrani",
    "email": "fatima@bewoner.example.org",
    "seats": "1",
    "role": "attend",
    "accessibility_needs": "",
    "consent": "on",
    "website": "",
}
CONTACT = {
    "name": "Fatima",
    "email": "fatima@bewoner.example.org",
    "message": "Ik wil graag op zaterdag komen helpen in de tuin.",
    "consent": "on",
    "website": "",
}


def dutch(msgid):
    with translation.override("nl"):
        return gettext(msgid)


@pytest.fixture
def event(site_tree, initiative_page):
    start = (timezone.now() + timedelta(days=10)).replace(hour=18, minute=30, second=0, microsecond=0)
    return factories.PitchEventPageFactory(
        parent=site_tree.events,
        title="Pitchavond Beweging",
        slug="pitchavond-beweging",
        summary="Over spelen en fietsen. De zaal is bijna vol.",
        capacity=60,
        start=start,
        programme=[initiative_page],
        body=[
            {"type": "paragraph", "value": "<p>Vier nieuwe ideeën over bewegen.</p>"},
            {"type": "heading", "value": "Programma"},
            {"type": "paragraph", "value": "<ul><li>19.30 uur: inloop</li><li>19.45 uur: pitches</li></ul>"},
        ],
    )


def script_sources(soup):
    return [script.get("src", "") for script in soup.find_all("script")]


# --- 1. The outcome of a form is in view and focused -------------------------------


def test_the_sign_up_form_posts_to_its_own_region_and_the_page_loads_the_focus_script(client, event):
    soup = soup_of(client.get(event.url))
    form = soup.find("form", class_="signup-form")
    assert form["action"].endswith("#registration")
    assert form.find_parent(id="registration") is not None
    assert any(src.endswith("js/outcome.js") for src in script_sources(soup))


def test_the_sign_up_answer_is_marked_for_focus_in_the_registration_region(client, event):
    soup = soup_of(client.post(event.url + "aanmelden/", SIGNUP))
    [marked] = soup.select("[data-focus-on-load]")
    assert marked["id"] == "signup-result" and marked["tabindex"] == "-1" and marked["role"] == "status"
    assert marked.find_parent(id="registration") is not None
    assert any(src.endswith("js/outcome.js") for src in script_sources(soup))


def test_a_bad_sign_up_marks_the_error_summary_for_focus(client, event):
    response = client.post(event.url + "aanmelden/", {**SIGNUP, "email": "geen-adres"})
    assert response.status_code == 400
    [marked] = soup_of(response).select("[data-focus-on-load]")
    assert "error-summary" in marked["class"] and marked["role"] == "alert" and marked["tabindex"] == "-1"


def test_the_contact_answer_and_errors_are_marked_for_focus(client, initiative_page):
    bad = client.post(initiative_page.url + "contact/", {**CONTACT, "email": "geen-adres"})
    [marked] = soup_of(bad).select("[data-focus-on-load]")
    assert "error-summary" in marked["class"]

    sent = client.post(initiative_page.url + "contact/", CONTACT)
    assert sent["Location"].endswith("#contact")
    soup = soup_of(client.get(sent["Location"]))
    [marked] = soup.select("[data-focus-on-load]")
    assert marked["id"] == "contact-outcome" and marked["role"] == "status"
    assert any(src.endswith("js/outcome.js") for src in script_sources(soup))


# --- 2. The event page in the order a resident decides ------------------------------


def test_the_event_page_reads_what_when_where_programme_then_seats_and_sign_up(client, event):
    soup = soup_of(client.get(event.url))
    main = soup.find("main")
    order = [section.get("aria-labelledby") for section in main.find_all("section") if section.get("aria-labelledby")]
    wanted = ["about-title", "practical-title", "programme-title", "registration-title"]
    assert [name for name in order if name in wanted] == wanted
    registration = main.find(id="registration")
    seats_left, form = registration.find(class_="seats-left"), registration.find("form", class_="signup-form")
    assert seats_left is not None and form is not None
    assert str(registration).index("seats-left") < str(registration).index("signup-form")


def test_the_event_page_has_one_programme_heading_with_the_editors_schedule_in_it(client, event):
    soup = soup_of(client.get(event.url))
    programme_heading = dutch("Programme")
    headings = [h.get_text(strip=True) for h in soup.find_all(["h2", "h3"])]
    assert [h for h in headings if h.casefold() in {programme_heading.casefold(), "programma"}] == [programme_heading]
    section = soup.find(id="programme")
    assert "19.30 uur: inloop" in section.get_text()  # the editor's schedule, under the one heading
    assert "Buurtmoestuin De Linde" in section.get_text()  # who is on stage
    assert "19.30 uur: inloop" not in soup.find("section", attrs={"aria-labelledby": "about-title"}).get_text()


def test_a_hand_written_almost_full_is_not_shown_beside_the_live_seats(client, event):
    text = text_of(client.get(event.url))
    assert "Nog 60 plaatsen vrij" in text
    assert "bijna vol" not in text
    assert "Over spelen en fietsen." in text  # the rest of the summary stays


def test_after_the_event_the_summary_is_shown_as_written(client, event):
    event.start = timezone.now() - timedelta(days=2)
    event.end = event.start + timedelta(hours=2)
    event.save_revision().publish()
    assert "De zaal is bijna vol." in text_of(client.get(event.url))


@pytest.mark.parametrize(
    "text, kept",
    [
        ("Over spelen. De zaal is bijna vol.", "Over spelen."),
        ("Kom ook! Nog maar 5 plaatsen vrij.", "Kom ook!"),
        ("About play. The hall is almost full.", "About play."),
        ("Sold out! See you next time.", "See you next time."),
        ("Een avond vol ideeën. Volgende keer weer.", "Een avond vol ideeën. Volgende keer weer."),
    ],
    ids=["bijna-vol", "nog-plaatsen", "almost-full", "sold-out", "vol-ideeen-stays"],
)
def test_seat_claims_are_recognised_in_dutch_and_english(text, kept):
    assert without_seat_claims(text) == kept


# --- 3. A contact form says where the message goes ----------------------------------


def test_without_an_address_of_its_own_the_form_says_the_message_goes_to_the_municipality(client, initiative_page):
    initiative_page.contact_email = ""
    initiative_page.save_revision().publish()
    to_municipality = dutch(
        "This initiative has no e-mail address on this website yet. Your message goes to the municipality by "
        "e-mail. They pass it on to the initiative, who can answer you at your e-mail address."
    )
    assert to_municipality in text_of(client.get(initiative_page.url))

    sent = client.post(initiative_page.url + "contact/", CONTACT)
    answer = soup_of(client.get(sent["Location"])).find(id="contact-outcome").get_text(strip=True)
    assert answer == dutch(
        "Thank you. Your message is on its way to the municipality. They pass it on to the initiative."
    )
    assert answer != dutch("Thank you. Your message is on its way to the initiative.")


def test_with_an_address_of_its_own_the_message_goes_to_the_initiative(client, initiative_page):
    assert "goes to the municipality" not in text_of(client.get(initiative_page.url))
    sent = client.post(initiative_page.url + "contact/", CONTACT)
    answer = soup_of(client.get(sent["Location"])).find(id="contact-outcome").get_text(strip=True)
    assert answer == dutch("Thank you. Your message is on its way to the initiative.")


# --- 4. An initiative made from a pitch says "What we need" once --------------------


def test_an_initiative_made_from_a_pitch_shows_what_we_need_once(client, submit, pitch_data, moderator):
    submit(pitch_data)
    pitch = pitches.models.Pitch.objects.get()
    page = pitches.accept(pitch.pk, moderator)
    page.save_revision(user=moderator).publish()
    page = InitiativePage.objects.get(pk=page.pk)

    response = client.get(page.url)
    heading = dutch("What we need")
    headings = [h.get_text(strip=True) for h in soup_of(response).find_all(["h2", "h3", "h4"])]
    assert headings.count(heading) == 1
    needs = soup_of(response).find("section", attrs={"aria-labelledby": "needs-title"})
    assert "Drie mensen op zaterdagochtend en geld voor hout." in needs.get_text()
