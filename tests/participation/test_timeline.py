"""The status timeline on initiative and project pages: what happened when."""

from datetime import timedelta

from django.utils import timezone, translation

from participation.models import StatusChange
from tests import factories
from tests.helpers import soup_of


def timeline(client, page):
    section = soup_of(client.get(page.url)).find("section", attrs={"aria-labelledby": "history-title"})
    return [" ".join(item.get_text(" ").split()) for item in section.find_all("li")]


def test_status_changes_and_stories_in_order(client, site_tree, initiative_page, django_capture_on_commit_callbacks):
    with translation.override("nl"):
        first_status = initiative_page.get_status_display()
    assert initiative_page.status != "running"
    StatusChange.objects.filter(page_key=initiative_page.translation_key).update(
        changed_at=timezone.now() - timedelta(days=30)
    )
    initiative_page.status = "running"
    initiative_page.save_revision().publish()
    initiative_page.title = "Buurtmoestuin De Linde!"  # no status change: no new line
    initiative_page.save_revision().publish()
    factories.PolicyFeedbackStoryPageFactory(
        parent=site_tree.stories,
        title="Jij zei: een kas erbij",
        initiative=initiative_page,
        date=timezone.localdate() + timedelta(days=1),
    )
    factories.PolicyFeedbackStoryPageFactory(parent=site_tree.stories, initiative=initiative_page, live=False)

    lines = timeline(client, initiative_page)
    assert len(lines) == 3
    assert lines[0].endswith(f"Status: {first_status}")
    assert lines[1].endswith("Status: Loopt")
    assert "Jij zei: een kas erbij" in lines[2]
    assert StatusChange.objects.filter(page_key=initiative_page.translation_key).count() == 2


def test_a_project_shows_its_stories(client, project_page, story_page):
    lines = timeline(client, project_page)
    assert "Jij zei: meer bomen" in lines[-1]


def test_a_translation_shares_the_history(client, initiative_page, translate, locales):
    translated = translate(initiative_page, locales.en)
    assert StatusChange.objects.filter(page_key=initiative_page.translation_key).count() == 1
    assert client.get(translated.url).status_code == 200
