"""`manage.py seed_demo` builds Gemeente Meerwijk in Dutch and English, changes nothing on
a second run, tops up the initiatives on request, and every page it makes renders.

Seeding takes a while, so it runs once for the class (Django's setUpTestData); each test
works inside its own savepoint on top of it.
"""

import functools
import hashlib
import io
import re
import tempfile
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone, translation
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from initiatives.models import InitiativeNeed, InitiativePage, PitchEventPage, PitchSlot
from pages.models import (
    ContentPage,
    HomePage,
    HomePageFeaturedItem,
    MunicipalitySettings,
    Neighbourhood,
    Theme,
)
from participation.models import ParticipationProjectPage, PolicyFeedbackStoryPage, ProjectPhase
from tests.helpers import soup_of

COUNTED_MODELS = [
    Page,
    Revision,
    Locale,
    Site,
    Theme,
    Neighbourhood,
    get_image_model(),
    HomePageFeaturedItem,
    InitiativeNeed,
    PitchSlot,
    ProjectPhase,
    MunicipalitySettings,
    Tag,
    TranslationSource,
    Translation,
    StringTranslation,
    Redirect,
    get_user_model(),
]


def snapshot():
    """Row counts of everything seed_demo touches, and a checksum of every page row and
    every theme and neighbourhood row."""
    counts = {model._meta.label: model.objects.count() for model in COUNTED_MODELS}
    digest = hashlib.sha256()
    for model in (Page, Theme, Neighbourhood):
        for row in model.objects.order_by("pk").values_list():
            digest.update(repr(row).encode())
    return counts, digest.hexdigest()


def seed(*args):
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


class SeededDemoTestCase(TestCase):
    @classmethod
    def setUpClass(cls):
        cls.var_dir = Path(cls.enterClassContext(tempfile.TemporaryDirectory()))
        cls.media_settings = override_settings(VAR_DIR=cls.var_dir, MEDIA_ROOT=cls.var_dir / "media")
        cls.enterClassContext(cls.media_settings)
        super().setUpClass()

    @classmethod
    def setUpTestData(cls):
        cls.first_output = seed()
        cls.nl = Locale.objects.get(language_code="nl")
        cls.en = Locale.objects.get(language_code="en")

    def setUp(self):
        # The suite's autouse fixture points MEDIA_ROOT at a fresh directory per test; the
        # seeded images live in the class's directory.
        self.enterContext(override_settings(VAR_DIR=self.var_dir, MEDIA_ROOT=self.var_dir / "media"))

    # --- What it builds ----------------------------------------------------------------------

    def test_builds_the_demo_municipality(self):
        nl = self.nl
        self.assertIn("Changed the database.", self.first_output)
        self.assertTrue(6 <= Theme.objects.filter(locale=nl).count() <= 10)
        self.assertTrue(8 <= Neighbourhood.objects.filter(locale=nl).count() <= 12)
        self.assertTrue(35 <= InitiativePage.objects.live().filter(locale=nl).count() <= 45)
        self.assertGreaterEqual(ParticipationProjectPage.objects.live().filter(locale=nl).count(), 2)
        self.assertGreaterEqual(PolicyFeedbackStoryPage.objects.live().filter(locale=nl).count(), 2)
        self.assertGreaterEqual(ContentPage.objects.live().filter(locale=nl).count(), 1)

        now = timezone.now()
        events = PitchEventPage.objects.live().filter(locale=nl)
        self.assertTrue(events.filter(end__lt=now).exists(), "no past pitch event")
        self.assertTrue(events.filter(end__gte=now).exists(), "no upcoming pitch event")
        self.assertTrue(PitchSlot.objects.filter(event__locale=nl).exists(), "no programme")

    def test_the_site_and_municipality_are_configured(self):
        site = Site.objects.get(is_default_site=True)
        self.assertEqual(site.root_page.specific_class, HomePage)
        self.assertEqual(site.root_page.locale, self.nl)
        self.assertFalse(Page.objects.filter(title="Welcome to your new Wagtail site!").exists())
        municipality = MunicipalitySettings.objects.get(site=site)
        self.assertIn("Meerwijk", municipality.municipality_name)
        self.assertIsNotNone(municipality.privacy_page)
        self.assertTrue(get_user_model().objects.filter(username="admin", is_superuser=True).exists())

    def test_english_translations_exist(self):
        home = HomePage.objects.get(depth=2, locale=self.nl)
        english_home = home.get_translation(self.en)
        self.assertTrue(english_home.live)
        for theme in Theme.objects.filter(locale=self.nl):
            with self.subTest(theme=theme.name):
                self.assertIsNotNone(theme.get_translation_or_none(self.en))
        for neighbourhood in Neighbourhood.objects.filter(locale=self.nl):
            with self.subTest(neighbourhood=neighbourhood.name):
                self.assertIsNotNone(neighbourhood.get_translation_or_none(self.en))
        for index in home.get_children().live():
            with self.subTest(page=index.title):
                self.assertTrue(index.get_translation(self.en).live)
        self.assertGreater(InitiativePage.objects.live().filter(locale=self.en).count(), 0)
        # The translations are wagtail-localize translations an editor can keep in sync.
        source = TranslationSource.objects.get_for_instance(home)
        self.assertTrue(Translation.objects.filter(source=source, target_locale=self.en, enabled=True).exists())

    def test_english_pages_sit_under_english_parents(self):
        for page in Page.objects.live().filter(locale=self.en, depth__gt=2):
            with self.subTest(page=page.title):
                self.assertEqual(page.get_parent().locale_id, self.en.pk)

    def test_the_search_recommends_pages_in_both_languages(self):
        def recommended(language, term):
            with translation.override(language):
                response = self.client.get(reverse("search"), {"q": term})
            return [a.get_text(strip=True) for a in soup_of(response).select(".search-promotions a")]

        self.assertEqual(recommended("nl", "subsidie"), ["Zo werkt meedoen"])
        self.assertEqual(recommended("nl", "idee"), ["Pitch je initiatief"])
        self.assertEqual(recommended("en", "idea"), ["Pitch your initiative"])

    # --- Its address ---------------------------------------------------------------------------

    def test_the_site_takes_the_scheme_host_and_port_of_base_url(self):
        """`make run` serves http://127.0.0.1:8000 and passes that as BASE_URL: every full
        address the demo gives out is one the server answers."""
        base = "http://127.0.0.1:8000"
        self.addCleanup(Site.clear_site_root_paths_cache)  # Wagtail caches it beyond the rollback
        with override_settings(WAGTAILADMIN_BASE_URL=base, WAGTAILAPI_BASE_URL=base):
            output = seed()
            self.assertIn("Updated the default site: hostname, port.", output)
            self.assertIn(f"Admin: {base}/admin/", output)
            site = Site.objects.get(is_default_site=True)
            self.assertEqual((site.hostname, site.port, site.root_url), ("127.0.0.1", 8000, base))
            self.assertIn("Nothing to do", seed())

            get = functools.partial(self.client.get, HTTP_HOST="127.0.0.1:8000")
            initiative = InitiativePage.objects.live().filter(locale=self.nl).first()
            self.assertTrue(initiative.full_url.startswith(f"{base}/"))
            soup = soup_of(get(initiative.url))
            self.assertEqual(soup.find("link", rel="canonical")["href"], initiative.full_url)
            self.assertEqual(soup.find("meta", property="og:url")["content"], initiative.full_url)

            index = get(reverse("sitemap")).content.decode()
            sections = re.findall(r"<loc>([^<]+)</loc>", index)
            self.assertIn(f"{base}/sitemap-initiatives-nl.xml", sections)
            locations = []
            for section in sections:
                self.assertTrue(section.startswith(f"{base}/"), section)
                locations += re.findall(r"<loc>([^<]+)</loc>", get(section.removeprefix(base)).content.decode())
            self.assertIn(initiative.full_url, locations)
            self.assertEqual([url for url in locations if not url.startswith(f"{base}/")], [])

            with translation.override("nl"):
                feed = get(reverse("feeds:initiatives_rss")).content.decode()
            links = re.findall(r"<link>([^<]+)</link>", feed)
            self.assertGreater(len(links), 1)
            self.assertEqual([url for url in links if not url.startswith(f"{base}/")], [])

            items = get("/api/v2/initiatives/", {"limit": 50}).json()["items"]
            self.assertGreater(len(items), 1)
            html_urls = [item["meta"]["html_url"] for item in items]
            self.assertEqual([url for url in html_urls if not url.startswith(f"{base}/")], [])

    def test_an_address_no_site_can_have_is_refused_before_any_change(self):
        before = snapshot()
        for base in ("https://meedoen.example.nl:8443", "http://meedoen.example.nl:443", "127.0.0.1:8000"):
            with self.subTest(base=base), override_settings(WAGTAILADMIN_BASE_URL=base):
                with self.assertRaisesMessage(CommandError, "cannot be the demo site's address"):
                    seed()
        self.assertEqual(snapshot(), before)

    # --- Idempotent ----------------------------------------------------------------------------

    def test_second_run_changes_nothing(self):
        before = snapshot()
        output = seed()
        self.assertIn("Nothing to do", output)
        after = snapshot()
        self.assertEqual(after[0], before[0])
        self.assertEqual(after[1], before[1], "a page, theme or neighbourhood row changed")

    def test_initiatives_option_tops_up_to_the_total(self):
        seed("--initiatives", "60")
        index = InitiativePage.objects.filter(locale=self.nl).first().get_parent()
        self.assertEqual(InitiativePage.objects.child_of(index).count(), 60)
        self.assertEqual(InitiativePage.objects.live().filter(locale=self.nl).count(), 60)

        before = snapshot()
        seed("--initiatives", "60")
        self.assertEqual(snapshot(), before)

        # The overview pages through all of them.
        last = self.client.get(index.url, {"page": 5})
        self.assertEqual(last.status_code, 200)

    # --- Every page renders ----------------------------------------------------------------------

    def test_every_live_page_renders_in_both_languages(self):
        pages = list(Page.objects.live().filter(depth__gte=2).specific().order_by("path"))
        languages = {page.locale.language_code for page in pages}
        self.assertEqual(languages, {"nl", "en"})
        failures = []
        for page in pages:
            url = page.url
            response = self.client.get(url)
            if response.status_code != 200:
                failures.append((url, response.status_code))
                continue
            lang = soup_of(response).html.get("lang")
            if lang != page.locale.language_code:
                failures.append((url, f"lang={lang}"))
            email = getattr(page, "contact_email", "")
            if email and email.encode() in response.content:
                failures.append((url, "shows the initiative's contact e-mail"))
        self.assertEqual(failures, [])
