"""Residents' personal data is kept no longer than needed, and can be shown or erased on
request: the retention job and the personal_data command."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.search import index

from initiatives import signups
from initiatives.models import InitiativeContactMessage, SignUp, SignUpEmail
from tests import factories

pytestmark = pytest.mark.django_db
DAY = timedelta(days=1)


def event_ended(site_tree, days_ago, **fields):
    """An event that ended `days_ago` days ago (negative: still to come)."""
    end = timezone.now() - days_ago * DAY
    return factories.PitchEventPageFactory(parent=site_tree.events, start=end - timedelta(hours=3), end=end, **fields)


def signed_up_before(event, email, **fields):
    """A sign-up made while registration was open (made directly: the event may be over)."""
    return SignUp.objects.create(
        event_key=event.translation_key,
        event=event,
        name="Fatima",
        email=email,
        seats=2,
        language="nl",
        status="confirmed",
        accessibility_needs="Rolstoelplek",
        wants_updates=True,
        **fields,
    )


def purge():
    out = StringIO()
    call_command("purge_signups", stdout=out)
    return out.getvalue()


def test_sign_ups_are_never_in_the_search_index():
    assert not issubclass(SignUp, index.Indexed)
    assert not issubclass(InitiativeContactMessage, index.Indexed)


def test_accessibility_needs_go_the_day_after_the_event_and_the_rest_after_the_retention_period(site_tree):
    recent = signed_up_before(event_ended(site_tree, days_ago=2), "a@example.org")
    old_event = event_ended(site_tree, days_ago=61)
    old = signed_up_before(old_event, "b@example.org")
    SignUpEmail.objects.create(signup=old, kind="confirmed")
    upcoming = signed_up_before(event_ended(site_tree, days_ago=-5), "c@example.org")

    assert purge() == "accessibility needs cleared: 1, sign-ups anonymised: 1, pitches deleted: 0\n"

    recent.refresh_from_db(), old.refresh_from_db(), upcoming.refresh_from_db()
    assert (recent.name, recent.email, recent.accessibility_needs) == ("Fatima", "a@example.org", "")
    assert (old.name, old.email, old.accessibility_needs, old.wants_updates) == (
        "",
        f"removed-{old.pk}@invalid",
        "",
        False,
    )
    assert old.anonymised_at is not None and not old.emails.exists()
    assert (old.seats, old.status) == (2, "confirmed")  # the counts stay
    assert signups.seats_taken(old_event.translation_key) == 2
    assert upcoming.accessibility_needs == "Rolstoelplek" and upcoming.anonymised_at is None
    assert purge() == "accessibility needs cleared: 0, sign-ups anonymised: 0, pitches deleted: 0\n"


def test_the_retention_period_is_a_setting(site_tree, settings):
    settings.MEEDOEN_SIGNUP_RETENTION_DAYS = 10
    signup = signed_up_before(event_ended(site_tree, days_ago=11), "a@example.org")
    purge()
    signup.refresh_from_db()
    assert signup.anonymised_at is not None


def test_sign_ups_of_a_deleted_event_are_anonymised_when_they_are_old_enough(site_tree):
    event = event_ended(site_tree, days_ago=-5)
    old = signed_up_before(event, "a@example.org", created_at=timezone.now() - 90 * DAY)
    new = signed_up_before(event, "b@example.org")
    event.delete()

    purge()

    old.refresh_from_db(), new.refresh_from_db()
    assert old.anonymised_at is not None and new.anonymised_at is None


def test_personal_data_shows_everything_held_about_an_address(site_tree, initiative_page):
    event = event_ended(site_tree, days_ago=-5, title="Pitchavond Noord")
    signed_up_before(event, "fatima@example.org")
    InitiativeContactMessage.objects.create(
        initiative=initiative_page,
        sender_name="Fatima",
        sender_email="Fatima@Example.org",
        message="Ik help graag.",
        language="nl",
    )
    out = StringIO()
    call_command("personal_data", "FATIMA@example.org", stdout=out)

    data = json.loads(out.getvalue())
    assert data["email"] == "fatima@example.org"
    assert [(s["event"], s["seats"], s["accessibility_needs"]) for s in data["signups"]] == [
        ("Pitchavond Noord", 2, "Rolstoelplek")
    ]
    assert [m["message"] for m in data["messages_to_initiatives"]] == ["Ik help graag."]


def test_erasing_an_address_cancels_its_seats_for_the_waiting_list_and_removes_its_data(site_tree, initiative_page):
    event = event_ended(site_tree, days_ago=-5, capacity=2)
    signups.sign_up(event, name="Fatima", email="fatima@example.org", seats=2, language="nl")
    waiting = signups.sign_up(event, name="Joost", email="joost@example.org", seats=1, language="nl").signup
    InitiativeContactMessage.objects.create(
        initiative=initiative_page,
        sender_name="Fatima",
        sender_email="fatima@example.org",
        message="Hoi!",
        language="nl",
    )

    call_command("personal_data", "fatima@example.org", "--erase", stdout=StringIO())

    assert not SignUp.objects.filter(email="fatima@example.org").exists()
    assert not SignUp.objects.filter(name="Fatima").exists()
    assert not InitiativeContactMessage.objects.filter(sender_email="fatima@example.org").exists()
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    erased = SignUp.objects.get(anonymised_at__isnull=False)
    assert (erased.status, erased.seats) == ("cancelled", 2)


def test_personal_data_refuses_something_that_is_not_an_address():
    with pytest.raises(CommandError, match="not an e-mail address"):
        call_command("personal_data", "fatima", stdout=StringIO())
