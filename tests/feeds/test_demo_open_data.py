"""Everything Meedoen publishes to machines, on the demo municipality (seed_demo) with
residents signed up for an event: every API endpoint (each listing page by page and each
item in full), every calendar and news feed (all, per theme, per neighbourhood, in Dutch
and English), the sitemap's index and sections and robots.txt answer, parse, and carry no personal data. And
the demo's accessibility statement describes the tests the portal runs.

Seeding takes a while, so it runs once for the class (setUpTestData)."""

import io
import json
import re
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import icalendar
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.utils import timezone
from wagtail.models import Locale

from initiatives import signups
from initiatives.models import InitiativeContactMessage, InitiativePage, PitchEventPage
from pages.models import MunicipalitySettings, Neighbourhood, Theme
from tests.helpers import soup_of, text_of

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
#: The municipality publishes its team addresses itself (contact page, footer).
PUBLIC_DOMAIN = "@meerwijk.example"

RESIDENTS = [
    ("Henriëtte Voorbeeldbewoner", "henriette@bewoner.example"),
    ("Sjoerd Wachtlijstmans", "sjoerd@bewoner.example"),
]


class DemoOpenDataTests(TestCase):
    @classmethod
    def setUpClass(cls):
        cls.var_dir = Path(cls.enterClassContext(tempfile.TemporaryDirectory()))
        cls.enterClassContext(override_settings(VAR_DIR=cls.var_dir, MEDIA_ROOT=cls.var_dir / "media"))
        super().setUpClass()

    @classmethod
    def setUpTestData(cls):
        call_command("seed_demo", stdout=io.StringIO())
        cls.event = (
            PitchEventPage.objects.live()
            .filter(locale__language_code="nl", end__gte=timezone.now(), registration_opens_at__lte=timezone.now())
            .order_by("start")
            .first()
        ) or PitchEventPage.objects.live().filter(locale__language_code="nl", end__gte=timezone.now()).first()
        cls.event.registration_opens_at = None
        cls.event.registration_closes_at = None
        cls.event.capacity = 2
        cls.event.max_seats_per_signup = 2
        cls.event.save_revision().publish()
        outcomes = [
            signups.sign_up(
                cls.event, name=name, email=email, seats=2, language="nl", accessibility_needs="Doventolk graag"
            )
            for name, email in RESIDENTS
        ]
        assert [outcome.status for outcome in outcomes] == ["confirmed", "waiting"], outcomes
        initiative = InitiativePage.objects.live().first()
        InitiativeContactMessage.objects.create(
            initiative=initiative,
            sender_name="Schrijvende Buurvrouw",
            sender_email="buurvrouw@bewoner.example",
            message="Ik help graag.",
            language="nl",
        )
        cls.secrets = [value for resident in RESIDENTS for value in resident] + [
            "Doventolk",
            "Schrijvende Buurvrouw",
            "buurvrouw@bewoner.example",
        ]
        cls.secrets += [e for e in InitiativePage.objects.values_list("contact_email", flat=True) if e]

    def setUp(self):
        self.enterContext(override_settings(VAR_DIR=self.var_dir, MEDIA_ROOT=self.var_dir / "media"))

    def assert_no_personal_data(self, text, where):
        for secret in self.secrets:
            self.assertNotIn(secret, text, where)
        for address in EMAIL.findall(text):
            self.assertTrue(address.endswith(PUBLIC_DOMAIN), f"{address} in {where}")

    def test_every_api_endpoint_item_by_item(self):
        counts = {}
        for endpoint in ["initiatives", "events", "projects", "stories", "themes", "neighbourhoods"]:
            offset, seen = 0, 0
            while True:
                response = self.client.get(f"/api/v2/{endpoint}/", {"limit": 50, "offset": offset, "fields": "*"})
                self.assertEqual(response.status_code, 200, endpoint)
                data = response.json()
                self.assert_no_personal_data(response.content.decode(), endpoint)
                for item in data["items"]:
                    detail = self.client.get(f"/api/v2/{endpoint}/{item['id']}/")
                    self.assertEqual(detail.status_code, 200, (endpoint, item["id"]))
                    self.assert_no_personal_data(detail.content.decode(), f"{endpoint}/{item['id']}")
                seen += len(data["items"])
                offset += 50
                if offset >= data["meta"]["total_count"]:
                    break
            self.assertEqual(seen, data["meta"]["total_count"])
            counts[endpoint] = seen
        self.assertEqual(
            counts["initiatives"], InitiativePage.objects.live().count(), "every live initiative, in both languages"
        )
        self.assertGreater(counts["events"], 0)
        self.assertEqual(counts["themes"], Theme.objects.count())
        self.assertEqual(counts["neighbourhoods"], Neighbourhood.objects.count())
        event = self.client.get(f"/api/v2/events/{self.event.pk}/").json()
        self.assertEqual(event["registration"]["seats_left"], 0)

    def test_filters_on_the_demo(self):
        for theme in Theme.objects.filter(locale__language_code="nl"):
            response = self.client.get("/api/v2/initiatives/", {"theme": theme.slug, "locale": "nl", "limit": 50})
            self.assertEqual(response.status_code, 200)
            expected = (
                InitiativePage.objects.live()
                .filter(locale__language_code="nl", themes__translation_key=theme.translation_key)
                .distinct()
                .count()
            )
            self.assertEqual(response.json()["meta"]["total_count"], expected, theme.slug)
        upcoming = self.client.get("/api/v2/events/", {"upcoming": "true", "locale": "nl"}).json()
        self.assertTrue(all(not item.get("is_past") for item in upcoming["items"]))
        self.assertEqual(self.client.get("/api/v2/events/", {"upcoming": "ja"}).status_code, 400)

    def test_every_feed_in_both_languages(self):
        paths = []
        for code in ("nl", "en"):
            paths += [f"/{code}/feeds/events.ics"]
            paths += [f"/{code}/feeds/{kind}.{ext}" for kind in ("initiatives", "stories") for ext in ("rss", "atom")]
            for scope, model in (("theme", Theme), ("neighbourhood", Neighbourhood)):
                for obj in model.objects.filter(locale__language_code=code):
                    paths.append(f"/{code}/feeds/events/{scope}/{obj.slug}.ics")
                    paths.append(f"/{code}/feeds/initiatives/{scope}/{obj.slug}.rss")
                    paths.append(f"/{code}/feeds/stories/{scope}/{obj.slug}.atom")
        entries = 0
        for path in paths:
            response = self.client.get(path)
            self.assertEqual(response.status_code, 200, path)
            self.assert_no_personal_data(response.content.decode(), path)
            if path.endswith(".ics"):
                calendar = icalendar.Calendar.from_ical(response.content)
                for event in calendar.walk("VEVENT"):
                    self.assertTrue(event["UID"] and event["DTSTART"] and event["URL"] and event["LOCATION"])
                    entries += 1
                if calendar.walk("VEVENT"):
                    self.assertEqual(calendar.walk("VTIMEZONE")[0]["TZID"], "Europe/Amsterdam")
            else:
                root = ET.fromstring(response.content)  # noqa: S314 - the portal's own output
                entries += len(root.findall("channel/item")) + len(root.findall("{http://www.w3.org/2005/Atom}entry"))
        self.assertGreater(entries, 0)
        # The event with residents signed up is in its feed, as counts never show there.
        calendar = icalendar.Calendar.from_ical(self.client.get(f"/nl/feeds/events/{self.event.pk}.ics").content)
        self.assertEqual(str(calendar.walk("VEVENT")[0]["SUMMARY"]), self.event.title)

    def test_sitemap_and_robots(self):
        response = self.client.get("/sitemap.xml")
        self.assertEqual(response.status_code, 200)
        self.assert_no_personal_data(response.content.decode(), "sitemap")
        index = ET.fromstring(response.content)  # noqa: S314 - the portal's own output
        sections = [loc.text for loc in index.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
        self.assertIn("http://testserver/sitemap-initiatives-en.xml", sections)
        urls = []
        for section in sections:
            response = self.client.get(section.removeprefix("http://testserver"))
            self.assertEqual(response.status_code, 200, section)
            self.assert_no_personal_data(response.content.decode(), section)
            root = ET.fromstring(response.content)  # noqa: S314 - the portal's own output
            urls += root.findall("{http://www.sitemaps.org/schemas/sitemap/0.9}url")
        self.assertGreater(len(urls), 50)
        locations = [url.findtext("{http://www.sitemaps.org/schemas/sitemap/0.9}loc") for url in urls]
        self.assertTrue(any("/en/" in loc for loc in locations))
        with_alternates = [url for url in urls if url.findall("{http://www.w3.org/1999/xhtml}link")]
        self.assertGreater(len(with_alternates), 10)
        self.assertEqual(self.client.get("/robots.txt").status_code, 200)

    def test_pages_carry_json_ld_for_machines(self):
        for path, kind in (("/nl/", "GovernmentOrganization"), (self.event.url, "Event")):
            scripts = soup_of(self.client.get(path)).select('script[type="application/ld+json"]')
            data = json.loads(scripts[0].string)
            self.assertEqual(data["@type"], kind)
            self.assert_no_personal_data(scripts[0].string, path)
        event = json.loads(
            soup_of(self.client.get(self.event.url)).select_one('script[type="application/ld+json"]').string
        )
        self.assertEqual(event["offers"]["availability"], "https://schema.org/SoldOut")

    def test_accessibility_statement_in_dutch_and_english(self):
        settings = MunicipalitySettings.objects.get()
        statement = settings.accessibility_page.specific
        dutch = self.client.get(statement.url)
        self.assertEqual(dutch.status_code, 200)
        text = text_of(dutch)
        self.assertIn("Toegankelijkheidsverklaring", text)
        for fact in ("WCAG 2.2", "axe-core", "Chromium", "toetsenbord"):
            self.assertIn(fact, text)
        english_page = statement.get_translation(Locale.objects.get(language_code="en"))
        english = text_of(self.client.get(english_page.url))
        self.assertIn("Accessibility statement", english)
        for fact in ("WCAG 2.2", "axe-core", "Chromium", "keyboard"):
            self.assertIn(fact, english)
        # Every footer links to it.
        footer = soup_of(self.client.get("/nl/")).select("footer a")
        self.assertIn(statement.url, [a["href"] for a in footer])
