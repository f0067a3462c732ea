"""The moderation workflow "Redactie en moderatie": editors submit, moderators approve or
ask for changes with a comment; and scheduled publishing through `publish_scheduled`."""

import os
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, TaskState, Workflow, WorkflowState

from notifications import subscriptions
from tests import factories
from tests.staff.conftest import edit_form_data


@pytest.mark.django_db
def test_every_page_is_under_the_workflow(published_pages):
    workflow = Workflow.objects.get(name="Redactie en moderatie")
    assert [task.specific.groups.get().name for task in workflow.tasks] == ["Moderatoren"]
    assert Page.get_first_root_node().get_workflow() == workflow
    for page in published_pages.values():
        assert page.get_workflow() == workflow


def submit(client, page, title):
    data = edit_form_data(client, page)
    data["title"] = title
    data["action-submit"] = "action-submit"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302
    return WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(page.pk), status="in_progress")


def act(client, page, action, comment):
    state = TaskState.objects.get(workflow_state__object_id=str(page.pk), status="in_progress")
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state.pk])
    response = client.post(url, {"comment": comment}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.status_code == 200, response.content
    state.refresh_from_db()
    return state


def test_editor_submits_and_moderator_approves(as_role, published_pages):
    page = published_pages["initiative"]
    submit(as_role("editor"), page, "Buurtmoestuin De Linde: nu met kas")
    page.refresh_from_db()
    assert page.title == "Buurtmoestuin De Linde"  # nothing public changes before approval
    assert page.workflow_in_progress

    # The editor cannot approve their own submission.
    editor = as_role("editor")
    state = TaskState.objects.get(workflow_state__object_id=str(page.pk), status="in_progress")
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.pk])
    editor.post(url, {"comment": ""}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    page.refresh_from_db()
    assert page.title == "Buurtmoestuin De Linde"

    state = act(as_role("moderator"), page, "approve", "Mooi, gepubliceerd.")
    assert state.status == "approved" and state.comment == "Mooi, gepubliceerd."
    page.refresh_from_db()
    assert page.live and page.title == "Buurtmoestuin De Linde: nu met kas"
    assert as_role("anonymous").get(page.url).status_code == 200


def test_moderator_asks_for_changes_with_a_comment(as_role, published_pages, editor):
    page = published_pages["project"]
    submit(as_role("editor"), page, "Herinrichting Marktplein (concept)")
    state = act(as_role("moderator"), page, "reject", "Graag eerst de data van de avonden toevoegen.")
    assert state.status == "rejected"
    assert state.comment == "Graag eerst de data van de avonden toevoegen."
    page.refresh_from_db()
    assert page.title == "Herinrichting Marktplein"
    workflow_state = state.workflow_state
    assert workflow_state.status == "needs_changes"
    # The editor reads the comment on the page's history in the admin.
    response = as_role("editor").get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert "Graag eerst de data van de avonden toevoegen." in response.content.decode()


def test_editor_sees_what_waits_and_moderator_sees_what_to_review(as_role, published_pages):
    page = published_pages["initiative"]
    submit(as_role("editor"), page, "Buurtmoestuin De Linde: nu met kas")
    dashboard = as_role("moderator").get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="awaiting-review-heading"' in dashboard
    assert "Buurtmoestuin De Linde: nu met kas" in dashboard


@pytest.fixture
def run_later(monkeypatch):
    """run_later(hours, command): run a management command as cron would, `hours` from now."""

    def run_later(hours, *args):
        later = timezone.now() + timedelta(hours=hours)
        with monkeypatch.context() as patched:
            patched.setattr(timezone, "now", lambda: later)
            call_command(*args, stdout=open(os.devnull, "w"))  # noqa: SIM115

    return run_later


def test_scheduled_publishing_and_expiry(site_tree, run_later):
    """A page approved to go live later becomes live when `publish_scheduled` runs after
    that moment (from cron), and one with an expiry date goes off line."""
    page = factories.ContentPageFactory(parent=site_tree.home, title="Inloopavond", live=False)
    page.go_live_at = timezone.now() + timedelta(hours=2)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live

    run_later(1, "publish_scheduled")
    page.refresh_from_db()
    assert not page.live  # not yet

    run_later(3, "publish_scheduled")
    page.refresh_from_db()
    assert page.live

    page.expire_at = timezone.now() + timedelta(days=1)
    page.save_revision().publish()
    run_later(23, "publish_scheduled")
    page.refresh_from_db()
    assert page.live
    run_later(25, "publish_scheduled")
    page.refresh_from_db()
    assert not page.live and page.expired


def test_a_scheduled_story_mails_subscribers_when_it_goes_live(
    site_tree, initiative_page, django_capture_on_commit_callbacks, run_later
):
    subscriptions.subscribe("fatima@example.org", "nl", initiative_page, "pitch")
    story = factories.PolicyFeedbackStoryPageFactory(parent=site_tree.stories, initiative=initiative_page, live=False)
    story.go_live_at = timezone.now() + timedelta(hours=2)
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        run_later(3, "publish_scheduled")
    assert [m.to for m in mail.outbox] == [["fatima@example.org"]]
