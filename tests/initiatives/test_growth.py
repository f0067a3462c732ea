"""Nothing an initiative's or a project's page asks, nor the upcoming pitch events, costs more
with more initiatives: each query starts from the few rows it is about (the pages with one
translation key, the events that have not ended), never from all pages of a language. The
same answers as before, a fixed number of queries, and on SQLite a plan that reads the page
table only by primary key or translation key."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from initiatives.models import PitchEventPage
from participation.templatetags.participation_tags import status_timeline
from tests import factories

DAY = timedelta(days=1)


def sqlite_plan(queryset):
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return [row[3] for row in cursor.fetchall()]


def assert_pages_found_by_key(queryset):
    """Every step of SQLite's plan that reads Wagtail's page table finds its rows by primary
    key or by translation key: none walks the pages of a language (the locale index)."""
    if connection.vendor != "sqlite":
        return  # PostgreSQL plans by its statistics; the answers and counts are checked below
    steps = [step for step in sqlite_plan(queryset) if "wagtailcore_page" in step]
    assert steps, "the query reads no page table"
    walking = [step for step in steps if "rowid=?" not in step and "translation_key=?" not in step]
    assert not walking, walking


def more_initiatives(site_tree, count):
    for _ in range(count):
        factories.InitiativePageFactory(parent=site_tree.initiatives)


# --- PitchEventPage.upcoming (the events shown when a search finds nothing) ------------------


def test_upcoming_events_are_the_live_ones_of_the_language_that_have_not_ended(site_tree, initiative_page):
    now = timezone.now()
    later = factories.PitchEventPageFactory(parent=site_tree.events, start=now + 9 * DAY, end=now + 9 * DAY + DAY)
    soon = factories.PitchEventPageFactory(parent=site_tree.events, start=now + 2 * DAY, end=now + 2 * DAY + DAY)
    running = factories.PitchEventPageFactory(parent=site_tree.events, start=now - DAY, end=now + DAY)
    factories.PitchEventPageFactory(parent=site_tree.events, start=now - 3 * DAY, end=now - 2 * DAY)  # over
    factories.PitchEventPageFactory(parent=site_tree.events, start=now + DAY, end=now + 2 * DAY, live=False)
    english = soon.copy_for_translation(site_tree.en, copy_parents=True)
    english.save_revision().publish()

    assert list(PitchEventPage.upcoming(site_tree.nl)) == [running, soon, later]
    assert list(PitchEventPage.upcoming(site_tree.nl, limit=2)) == [running, soon]
    assert list(PitchEventPage.upcoming(site_tree.nl, limit=None)) == [running, soon, later]
    assert [event.pk for event in PitchEventPage.upcoming(site_tree.en)] == [english.pk]
    # What the page table alone would answer (how upcoming() used to ask).
    on_pages = PitchEventPage.objects.live().public().filter(locale=site_tree.nl, end__gte=timezone.now())
    assert list(PitchEventPage.upcoming(site_tree.nl, limit=None)) == list(on_pages.order_by("start"))


def test_upcoming_events_start_from_the_events(site_tree, event_page):
    assert_pages_found_by_key(PitchEventPage.upcoming(site_tree.nl))


# --- An initiative's page: its pitch events and the stories about it ------------------------


def test_pitch_events_of_a_translated_initiative_come_from_every_translation_on_stage(
    site_tree, initiative_page, event_page, translate
):
    english_event = translate(event_page, site_tree.en)
    english_initiative = translate(initiative_page, site_tree.en)
    # The English event's programme is synchronised from the Dutch one: on its stage is the
    # Dutch initiative, found from the English initiative by their shared translation key.
    assert [slot.initiative_id for slot in english_event.programme.all()] == [initiative_page.pk]

    assert list(initiative_page.pitch_events()) == [event_page]
    assert list(english_initiative.pitch_events()) == [english_event]


def test_pitch_events_start_from_the_pages_with_the_key(site_tree, initiative_page, event_page):
    assert_pages_found_by_key(initiative_page.pitch_events())


def test_stories_about_a_translated_initiative_follow_its_language(site_tree, initiative_page, translate):
    story = factories.PolicyFeedbackStoryPageFactory(parent=site_tree.stories, initiative=initiative_page)
    factories.PolicyFeedbackStoryPageFactory(parent=site_tree.stories, initiative=initiative_page, live=False)
    factories.PolicyFeedbackStoryPageFactory(parent=site_tree.stories)  # about something else
    english_initiative = translate(initiative_page, site_tree.en)
    english_story = translate(story, site_tree.en)
    assert english_story.initiative_id == initiative_page.pk  # still the Dutch initiative

    assert [entry.page for entry in status_timeline(initiative_page) if entry.kind == "story"] == [story]
    assert [entry.page for entry in status_timeline(english_initiative) if entry.kind == "story"] == [english_story]


def test_the_timeline_of_a_project_lists_its_stories(site_tree, project_page, story_page):
    factories.PolicyFeedbackStoryPageFactory(parent=site_tree.stories, project=project_page, live=False)
    assert [entry.page for entry in status_timeline(project_page) if entry.kind == "story"] == [story_page]


def test_stories_start_from_the_pages_with_the_key(site_tree, project_page, story_page):
    assert_pages_found_by_key(project_page.live_feedback_stories())


@pytest.mark.parametrize("page_name", ["initiative_page", "project_page"])
def test_a_page_asks_as_many_questions_with_more_initiatives(
    client, request, site_tree, event_page, story_page, page_name
):
    page = request.getfixturevalue(page_name)
    factories.PolicyFeedbackStoryPageFactory(
        parent=site_tree.stories, initiative=request.getfixturevalue("initiative_page")
    )

    def queries():
        cache.clear()  # the whole page is made again, not taken from the public cache
        with CaptureQueriesContext(connection) as context:
            assert client.get(page.url).status_code == 200
        return len(context.captured_queries)

    few = queries()
    more_initiatives(site_tree, 15)
    assert queries() == few
