"""Timelines ("What happened when") are in date order, oldest first, and the demo's history
has real dates: seeding does not date every status at the moment it ran, after the older
feedback stories."""

import io
import tempfile
from datetime import timedelta
from pathlib import Path

from django.core.management import call_command
from django.test import TestCase, override_settings
from django.utils import timezone, translation

from initiatives.models import InitiativePage
from participation.models import ParticipationProjectPage, StatusChange
from participation.templatetags.participation_tags import status_timeline
from tests import factories
from tests.helpers import soup_of


def timeline_dates(client, page):
    """The dates (YYYY-MM-DD) and lines of the page's rendered timeline, top to bottom."""
    section = soup_of(client.get(page.url)).find("section", attrs={"aria-labelledby": "history-title"})
    items = section.find_all("li")
    return [item.find("time")["datetime"] for item in items], [" ".join(item.get_text(" ").split()) for item in items]


def test_the_timeline_is_in_date_order_whatever_the_order_of_recording(site_tree, initiative_page):
    """Status changes recorded out of order (as an import or a data migration may) and a
    story between them come out oldest first."""
    now = timezone.now()
    key = initiative_page.translation_key
    StatusChange.objects.filter(page_key=key).delete()
    StatusChange.objects.create(page_key=key, status="completed", changed_at=now - timedelta(days=5))
    StatusChange.objects.create(page_key=key, status="idea", changed_at=now - timedelta(days=90))
    StatusChange.objects.create(page_key=key, status="running", changed_at=now - timedelta(days=40))
    factories.PolicyFeedbackStoryPageFactory(
        parent=site_tree.stories, initiative=initiative_page, date=timezone.localdate() - timedelta(days=20)
    )

    entries = status_timeline(initiative_page)

    days = [entry.day for entry in entries]
    assert days == sorted(days)
    assert [entry.kind for entry in entries] == ["status", "status", "story", "status"]


class SeededTimelineTestCase(TestCase):
    """The timelines of the seeded demo (seeding once for the class, as tests/test_seed_demo.py does)."""

    @classmethod
    def setUpClass(cls):
        cls.var_dir = Path(cls.enterClassContext(tempfile.TemporaryDirectory()))
        cls.enterClassContext(override_settings(VAR_DIR=cls.var_dir, MEDIA_ROOT=cls.var_dir / "media"))
        super().setUpClass()

    @classmethod
    def setUpTestData(cls):
        cls.seeded_at = timezone.now()
        call_command("seed_demo", stdout=io.StringIO())

    def setUp(self):
        self.enterContext(override_settings(VAR_DIR=self.var_dir, MEDIA_ROOT=self.var_dir / "media"))

    def demo_pages(self):
        pages = [
            *InitiativePage.objects.filter(locale__language_code="nl"),
            *ParticipationProjectPage.objects.filter(locale__language_code="nl"),
        ]
        self.assertGreater(len(pages), 10)
        return pages

    def test_every_timeline_starts_at_first_publication_not_at_seeding(self):
        for page in self.demo_pages():
            with self.subTest(page.slug):
                changes = list(StatusChange.objects.filter(page_key=page.translation_key))
                self.assertTrue(changes, "publishing recorded the page's status")
                self.assertEqual(changes[0].changed_at, page.first_published_at)
                self.assertEqual(changes[-1].status, page.status)
                dates = [change.changed_at for change in changes]
                self.assertEqual(dates, sorted(dates))
                self.assertLessEqual(dates[-1], self.seeded_at + timedelta(minutes=10))

    def test_a_history_gives_several_dated_steps(self):
        project = ParticipationProjectPage.objects.get(locale__language_code="nl", slug="wijkbudget-kanaalzone")
        changes = StatusChange.objects.filter(page_key=project.translation_key)
        self.assertEqual([change.status for change in changes], ["open", "processing", "completed"])
        self.assertLess(changes.last().changed_at, self.seeded_at - timedelta(days=30))

    def test_the_story_comes_after_the_status_it_reports_on(self):
        """The project was completed before its story "you said, we did" was written: the
        story is the last line, not the seeding day's status."""
        project = ParticipationProjectPage.objects.get(locale__language_code="nl", slug="wijkbudget-kanaalzone")
        with translation.override("nl"):
            dates, lines = timeline_dates(self.client, project)
            status = project.get_status_display()
        self.assertEqual(dates, sorted(dates), "oldest first")
        self.assertEqual(len(dates), 4, lines)
        self.assertIn(status, lines[-2])
        self.assertLess(dates[-1], self.seeded_at.date().isoformat(), "every line has a date before seeding")
