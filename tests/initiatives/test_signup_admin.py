"""Staff see sign-ups in the Wagtail admin only with the Moderatoren group's permission:
the list with its filters, search and CSV export; editors without it see nothing."""

import csv
import io
import json

import pytest
from django.contrib.auth.models import Group, Permission, User

from initiatives import signups
from initiatives.models import InitiativeContactMessage
from tests import factories
from tests.helpers import soup_of

pytestmark = pytest.mark.django_db

LIST = "/admin/signups/"


@pytest.fixture
def signed_up(site_tree):
    event = factories.PitchEventPageFactory(parent=site_tree.events, title="Pitchavond Zuid", capacity=1)
    first = signups.sign_up(event, name="Fatima", email="fatima@example.org", seats=1, language="nl").signup
    second = signups.sign_up(event, name="Joost", email="joost@example.org", seats=1, language="nl").signup
    return event, first, second


def staff(username, group_name):
    user = User.objects.create_user(username, password="x" * 16)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_the_moderatoren_group_may_see_and_correct_sign_ups_but_not_make_or_delete_them():
    codenames = set(Group.objects.get(name="Moderatoren").permissions.values_list("codename", flat=True))
    assert {"access_admin", "view_signup", "change_signup"} <= codenames
    assert not {"add_signup", "delete_signup"} & codenames
    assert not any(codename.endswith("_page") for codename in codenames)


def test_a_moderator_sees_searches_and_filters_the_sign_ups(client, signed_up):
    client.force_login(staff("moderator", "Moderatoren"))

    listing = client.get(LIST)
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Fatima" in html and "Joost" in html

    found = client.get(LIST, {"q": "joost@example"}).content.decode()
    assert "Joost" in found and "Fatima" not in found

    waiting = client.get(LIST, {"status": "waiting"}).content.decode()
    assert "Joost" in waiting and "Fatima" not in waiting


def test_the_csv_export_has_every_sign_up_with_its_details(client, signed_up):
    client.force_login(staff("moderator", "Moderatoren"))
    response = client.get(LIST, {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    by_email = {row["E-mailadres"]: row for row in rows}
    assert set(by_email) == {"fatima@example.org", "joost@example.org"}
    assert by_email["joost@example.org"]["Status"] == "Op de wachtlijst"
    assert by_email["fatima@example.org"]["Plaatsen"] == "1"


def test_staff_correct_what_a_resident_typed_but_never_seats_or_status(client, signed_up):
    _event, first, _second = signed_up
    client.force_login(staff("moderator", "Moderatoren"))
    form = client.get(f"{LIST}edit/{first.pk}/").context["form"]
    assert set(form.fields) == {"name", "accessibility_needs", "wants_updates"}


def test_staff_without_the_permission_see_no_personal_data(client, signed_up):
    client.force_login(staff("editor", "Communicatie"))
    for url in [LIST, f"{LIST}?export=csv", f"{LIST}inspect/{signed_up[1].pk}/"]:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert b"Fatima" not in body and b"joost@example.org" not in body


def test_anonymous_visitors_are_sent_to_the_login(client, signed_up):
    response = client.get(LIST)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


# --- Per event ---------------------------------------------------------------------------------


def event_urls(event, signup):
    base = f"/admin/signups/events/{event.pk}/"
    return {
        "detail": base,
        "check_in": base + "check-in/",
        "close": base + "close/",
        "cancel": f"{base}{signup.pk}/cancel/",
        "move_up": f"{base}{signup.pk}/move-up/",
    }


def test_the_events_overview_shows_seats_and_waiting_list(client, signed_up):
    client.force_login(staff("moderator", "Moderatoren"))
    response = client.get("/admin/signups/events/")
    assert response.status_code == 200
    [row] = response.context["rows"]
    assert row["event"] == signed_up[0]
    assert (row["availability"].taken, row["availability"].left, row["availability"].waiting) == (1, 0, 1)
    assert "Pitchavond Zuid" in response.content.decode()


def test_the_event_page_lists_who_comes_and_who_waits_and_the_check_in_list_only_who_comes(client, signed_up):
    event, first, second = signed_up
    client.force_login(staff("moderator", "Moderatoren"))
    urls = event_urls(event, first)

    detail = client.get(urls["detail"])
    assert list(detail.context["confirmed"]) == [first] and list(detail.context["waiting"]) == [second]

    check_in = client.get(urls["check_in"]).content.decode()
    assert "Fatima" in check_in and "Joost" not in check_in


def test_staff_cancel_on_a_residents_behalf_and_the_waiting_list_moves_up(client, signed_up):
    event, first, second = signed_up
    client.force_login(staff("moderator", "Moderatoren"))

    response = client.post(event_urls(event, first)["cancel"])

    assert response.status_code == 302
    first.refresh_from_db(), second.refresh_from_db()
    assert (first.status, second.status) == ("cancelled", "confirmed")


def test_staff_move_someone_up_only_when_the_seats_fit(client, signed_up):
    event, first, second = signed_up
    client.force_login(staff("moderator", "Moderatoren"))
    urls = event_urls(event, second)

    client.post(urls["move_up"])
    second.refresh_from_db()
    assert second.status == "waiting"  # the only seat is taken

    event.capacity = 2
    event.save_revision().publish()
    client.post(urls["move_up"])
    second.refresh_from_db()
    assert second.status == "confirmed"


def test_staff_close_registration_early_on_every_translation(client, signed_up, site_tree, translate):
    event, first, _second = signed_up
    english = translate(event, site_tree.en)
    client.force_login(staff("moderator", "Moderatoren"))

    client.post(event_urls(event, first)["close"])

    event.refresh_from_db(), english.refresh_from_db()
    assert event.registration_state == english.registration_state == "closed"
    outcome = signups.sign_up(english, name="Late", email="late@example.org", seats=1, language="en")
    assert outcome.reason == "closed"


def test_acting_needs_the_change_permission_and_viewing_the_view_permission(client, signed_up):
    event, first, _second = signed_up
    urls = event_urls(event, first)
    viewer = User.objects.create_user("viewer", password="x" * 16)
    viewer.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_signup"]),
    )
    client.force_login(viewer)
    assert client.get(urls["detail"]).status_code == 200
    # Wagtail's admin answers a refused action with a redirect to its dashboard.
    assert client.post(urls["cancel"]).status_code in (302, 403)
    assert client.post(urls["close"]).status_code in (302, 403)
    first.refresh_from_db(), event.refresh_from_db()
    assert first.status == "confirmed" and event.registration_state == "open"

    client.force_login(staff("editor", "Communicatie"))
    for name in ["detail", "check_in"]:
        assert client.get(urls[name]).status_code in (302, 403)
    assert client.get("/admin/signups/events/").status_code in (302, 403)


# --- A resident's request: download or erase -------------------------------------------------------

PERSONAL_DATA = "/admin/signups/personal-data/"


def test_staff_download_everything_about_an_address_as_json(client, signed_up):
    client.force_login(staff("moderator", "Moderatoren"))
    assert client.get(PERSONAL_DATA).status_code == 200

    response = client.post(PERSONAL_DATA, {"email": "Fatima@Example.org", "action": "export"})

    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert [s["name"] for s in data["signups"]] == ["Fatima"]


def test_erasing_asks_first_showing_what_goes_and_only_the_confirmed_click_erases(client, signed_up, initiative_page):
    _event, first, second = signed_up
    InitiativeContactMessage.objects.create(
        initiative=initiative_page,
        sender_name="Fatima",
        sender_email="fatima@example.org",
        message="Ik help graag mee.",
        language="nl",
    )
    client.force_login(staff("moderator", "Moderatoren"))

    asked = client.post(PERSONAL_DATA, {"email": "Fatima@Example.org", "action": "erase"})

    assert asked.status_code == 200
    first.refresh_from_db(), second.refresh_from_db()
    assert (first.name, first.status, second.status) == ("Fatima", "confirmed", "waiting")
    assert InitiativeContactMessage.objects.filter(sender_email="fatima@example.org").exists()
    page = soup_of(asked)
    question = page.find(id="erase-confirm-title")
    assert question is not None and "fatima@example.org" in question.get_text()
    shown = question.find_parent("section").get_text()
    assert "Pitchavond Zuid: Fatima" in shown and f"{initiative_page.title}: Fatima" in shown
    assert "Joost" not in shown
    confirm = page.find("button", attrs={"name": "confirm", "value": "yes"})
    form = confirm.find_parent("form")
    assert form.find("input", attrs={"name": "email"})["value"] == "fatima@example.org"
    assert form.find("input", attrs={"name": "action"})["value"] == "erase"
    assert form.find("a", href=PERSONAL_DATA) is not None  # "No, go back" changes nothing

    response = client.post(PERSONAL_DATA, {"email": "fatima@example.org", "action": "erase", "confirm": "yes"})

    assert response.status_code == 302
    first.refresh_from_db(), second.refresh_from_db()
    assert (first.name, first.status) == ("", "cancelled")
    assert second.status == "confirmed"
    assert not InitiativeContactMessage.objects.filter(sender_email="fatima@example.org").exists()


def test_a_bad_address_is_refused_and_erases_nothing(client, signed_up):
    client.force_login(staff("moderator", "Moderatoren"))
    response = client.post(PERSONAL_DATA, {"email": "fatima", "action": "erase", "confirm": "yes"})
    assert response.status_code == 200 and response.context["form"].errors
    assert signed_up[1].__class__.objects.filter(name="Fatima").exists()


def test_without_the_permission_nobody_downloads_or_erases(client, signed_up):
    client.force_login(staff("editor", "Communicatie"))
    for data in [{"action": "export"}, {"action": "erase"}, {"action": "erase", "confirm": "yes"}]:
        response = client.post(PERSONAL_DATA, {"email": "fatima@example.org", **data})
        assert response.status_code in (302, 403) and b"Fatima" not in response.content
    assert signed_up[1].__class__.objects.filter(name="Fatima").exists()
