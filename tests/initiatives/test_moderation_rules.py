"""Staff actions on a pitch event outside the page editor ("Add to the programme" on the
pitch review screen, "Close registration now" on the sign-ups screen) change only what
they own: on the live page and on an editor's draft waiting for moderation alike. The
draft's text never goes live with them, stays the latest revision and stays in moderation."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry, TaskState

from initiatives import pitches
from initiatives.models import Pitch, PitchEventPage
from tests import factories
from tests.helpers import text_of
from tests.staff.conftest import edit_form_data

pytestmark = pytest.mark.django_db

LIVE_SUMMARY = "Vijf initiatieven pitchen in het wijkcentrum."
DRAFT_SUMMARY = "Nog niet goedgekeurd: zes initiatieven en een verrassingsgast."


@pytest.fixture
def event(site_tree):
    return factories.PitchEventPageFactory(parent=site_tree.events, title="Pitchavond Noord", summary=LIVE_SUMMARY)


@pytest.fixture
def initiative(submit, pitch_data, moderator):
    """The draft initiative page of an accepted pitch."""
    submit(pitch_data)
    pitch = Pitch.objects.get()
    pitches.accept(pitch.pk, moderator)
    pitch.refresh_from_db()
    return pitch.initiative


@pytest.fixture
def in_moderation(client, event, editor):
    """An editor changes the summary and submits the event for moderation."""
    client.force_login(editor)
    data = edit_form_data(client, event)
    data["summary"] = DRAFT_SUMMARY
    data["action-submit"] = "action-submit"
    assert client.post(reverse("wagtailadmin_pages:edit", args=[event.pk]), data).status_code == 302
    client.logout()
    event.refresh_from_db()
    assert event.workflow_in_progress and event.summary == LIVE_SUMMARY
    return event


def add_to_programme(client, moderator, initiative, event):
    """The moderator's "Add to the programme" on the review screen of the pitch."""
    client.force_login(moderator)
    pitch = Pitch.objects.get(initiative=initiative)
    url = reverse("pitches_review", args=[pitch.pk])
    response = client.post(url, {"action": "programme", "event": event.pk, "starts_at": "19:30"})
    assert response.status_code == 302
    return response


def close_registration(client, moderator, event):
    client.force_login(moderator)
    response = client.post(reverse("signups_close", args=[event.pk]))
    assert response.status_code == 302


def approve(client, moderator, event):
    state = TaskState.objects.get(workflow_state__object_id=str(event.pk), status="in_progress")
    client.force_login(moderator)
    url = reverse("wagtailadmin_pages:workflow_action", args=[event.pk, "approve", state.pk])
    response = client.post(url, {"comment": ""}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.status_code == 200, response.content


def assert_still_in_moderation(event):
    event.refresh_from_db()
    assert event.workflow_in_progress
    assert event.current_workflow_state.current_task_state.status == "in_progress"
    assert event.has_unpublished_changes


def programme(page):
    return [(slot.initiative_id, slot.starts_at.strftime("%H:%M")) for slot in page.programme.all()]


def test_adding_to_the_programme_publishes_no_draft_and_keeps_it_in_moderation(
    client, in_moderation, initiative, moderator
):
    event = in_moderation
    add_to_programme(client, moderator, initiative, event)

    live = PitchEventPage.objects.get(pk=event.pk)
    assert live.summary == LIVE_SUMMARY
    assert DRAFT_SUMMARY not in text_of(client.get(live.url))
    assert programme(live) == [(initiative.pk, "19:30")]

    draft = live.get_latest_revision_as_object()
    assert draft.summary == DRAFT_SUMMARY
    assert programme(draft) == [(initiative.pk, "19:30")]
    assert live.latest_revision.user == moderator  # a revision on top of the editor's
    assert_still_in_moderation(event)

    # The moderation goes on: approving publishes the draft, with the same slot.
    slot_pk = live.programme.get().pk
    approve(client, moderator, event)
    live.refresh_from_db()
    assert live.summary == DRAFT_SUMMARY and not live.has_unpublished_changes
    assert [slot.pk for slot in live.programme.all()] == [slot_pk]


def test_closing_registration_publishes_no_draft_and_keeps_it_in_moderation(client, in_moderation, moderator):
    event = in_moderation
    close_registration(client, moderator, event)

    live = PitchEventPage.objects.get(pk=event.pk)
    assert live.summary == LIVE_SUMMARY and live.registration_state == "closed"
    draft = live.get_latest_revision_as_object()
    assert draft.summary == DRAFT_SUMMARY and draft.registration_state == "closed"
    assert_still_in_moderation(event)

    approve(client, moderator, event)
    live.refresh_from_db()
    assert live.summary == DRAFT_SUMMARY and live.registration_state == "closed"


def test_without_a_draft_the_live_page_changes_and_no_revision_is_made(client, event, initiative, moderator):
    revision = event.latest_revision
    add_to_programme(client, moderator, initiative, event)
    close_registration(client, moderator, event)

    event.refresh_from_db()
    assert event.latest_revision == revision and not event.has_unpublished_changes
    assert programme(event) == [(initiative.pk, "19:30")]
    assert event.registration_state == "closed"
    # The page editor starts from the live page, so an editor's next draft keeps both.
    assert programme(event.get_latest_revision_as_object()) == [(initiative.pk, "19:30")]
    # Both changes are in the page's history.
    assert PageLogEntry.objects.filter(page=event, action="wagtail.edit", user=moderator).count() == 2
    assert client.get(reverse("wagtailadmin_pages:history", args=[event.pk])).status_code == 200


def test_an_initiative_goes_on_a_programme_once_also_when_only_the_draft_has_it(
    client, in_moderation, initiative, moderator
):
    event = in_moderation
    add_to_programme(client, moderator, initiative, event)
    event.programme.all().delete()  # only the draft has it now
    response = client.get(add_to_programme(client, moderator, initiative, event)["Location"])
    assert "Dit initiatief staat al in het programma van deze avond." in text_of(response)
    event.refresh_from_db()
    assert not event.programme.exists()
    assert programme(event.get_latest_revision_as_object()) == [(initiative.pk, "19:30")]
