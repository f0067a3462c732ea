"""Calendar feeds (iCalendar, RFC 5545) of upcoming pitch events and news feeds (RSS 2.0,
Atom) of initiatives and feedback stories: all, per theme and per neighbourhood, in each
language, parsed back and checked; the "add to calendar" link; feed links on pages and
in the footer; the sitemap's sections with hreflang alternates; robots.txt."""

import fnmatch
import re
import xml.etree.ElementTree as ET
from datetime import timedelta

import icalendar
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Site

from initiatives import signups
from tests import factories
from tests.helpers import soup_of

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


def parse_xml(response):
    return ET.fromstring(response.content)  # noqa: S314 - the portal's own output, in a test


def calendar_of(response):
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    return calendar


def events_of(calendar):
    return [component for component in calendar.walk("VEVENT")]


def rss_items(response):
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = parse_xml(response).find("channel")
    return channel, channel.findall("item")


def atom_entries(response):
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = parse_xml(response)
    return feed, feed.findall(f"{ATOM}entry")


@pytest.fixture
def past_event(site_tree):
    start = timezone.now() - timedelta(days=20)
    return factories.PitchEventPageFactory(
        parent=site_tree.events, title="Pitchavond vorig jaar", start=start, end=start + timedelta(hours=2)
    )


# --- iCalendar ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_calendar_of_upcoming_events_is_valid_rfc5545(client, published_pages, past_event):
    event = published_pages["event"]
    calendar = calendar_of(client.get("/nl/feeds/events.ics"))
    entries = events_of(calendar)
    assert [str(entry["SUMMARY"]) for entry in entries] == ["Pitchavond voorjaar"]
    entry = entries[0]
    assert str(entry["UID"]) == f"{event.translation_key}@meedoen"
    assert entry["DTSTAMP"]
    assert entry.decoded("DTSTART") == event.start
    assert entry.decoded("DTEND") == event.end
    assert entry["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert str(entry["URL"]) == "http://localhost/nl/pitchavonden/pitchavond-voorjaar/"
    assert "Wijkcentrum De Schakel" in str(entry["LOCATION"])
    assert "Drempelvrij" in str(entry["DESCRIPTION"])
    # Every time zone used is described by a VTIMEZONE, as RFC 5545 requires.
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    assert "Pitchavonden" in str(calendar["X-WR-CALNAME"])
    # Lines are folded at 75 octets and end with CRLF.
    lines = response_lines = client.get("/nl/feeds/events.ics").content.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    assert response_lines[0] == b"BEGIN:VCALENDAR"


@pytest.mark.django_db
def test_calendar_per_theme_and_neighbourhood(client, published_pages, locales):
    other = factories.NeighbourhoodFactory(name="Noord", slug="noord", locale=locales.nl)
    soon = timezone.now() + timedelta(days=3)
    factories.PitchEventPageFactory(
        parent=published_pages["event_index"],
        title="Pitchavond Noord",
        start=soon,
        end=soon + timedelta(hours=2),
        neighbourhoods=[other],
    )
    summaries = lambda path: [str(e["SUMMARY"]) for e in events_of(calendar_of(client.get(path)))]  # noqa: E731
    assert summaries("/nl/feeds/events.ics") == ["Pitchavond Noord", "Pitchavond voorjaar"]
    assert summaries("/nl/feeds/events/theme/groen.ics") == ["Pitchavond voorjaar"]
    assert summaries("/nl/feeds/events/neighbourhood/noord.ics") == ["Pitchavond Noord"]
    assert summaries("/nl/feeds/events/neighbourhood/oud-west.ics") == []
    assert client.get("/nl/feeds/events/theme/bestaat-niet.ics").status_code == 404
    assert client.get("/nl/feeds/events/colour/groen.ics").status_code == 404


@pytest.mark.django_db
def test_calendar_in_english_has_the_english_events(client, published_pages, translate, locales):
    english = translate(published_pages["event"], locales.en)
    calendar = calendar_of(client.get("/en/feeds/events.ics"))
    entries = events_of(calendar)
    assert [str(e["SUMMARY"]) for e in entries] == [english.title]
    assert str(entries[0]["URL"]).startswith("http://localhost/en/")
    assert client.get("/en/feeds/events.ics")["Content-Language"] == "en"


@pytest.mark.django_db
def test_one_event_as_an_ics_file_and_the_link_on_its_page(client, published_pages, translate, locales):
    event = published_pages["event"]
    response = client.get(f"/nl/feeds/events/{event.pk}.ics")
    assert response["Content-Disposition"] == 'attachment; filename="pitchavond-voorjaar.ics"'
    entries = events_of(calendar_of(response))
    assert len(entries) == 1 and str(entries[0]["SUMMARY"]) == "Pitchavond voorjaar"

    link = soup_of(client.get(event.url)).select_one(".add-to-calendar a")
    assert link["href"] == f"/nl/feeds/events/{event.pk}.ics"
    assert link.get_text(" ", strip=True).startswith("Zet in je agenda")

    # Under /en/ only once the event has an English translation.
    assert client.get(f"/en/feeds/events/{event.pk}.ics").status_code == 404
    english = translate(event, locales.en)
    entries = events_of(calendar_of(client.get(f"/en/feeds/events/{event.pk}.ics")))
    assert str(entries[0]["SUMMARY"]) == english.title


@pytest.mark.django_db
def test_drafts_and_past_events_have_no_ics_and_no_link(client, site_tree, past_event):
    draft = factories.PitchEventPageFactory(parent=site_tree.events, title="Concept", live=False)
    assert client.get(f"/nl/feeds/events/{draft.pk}.ics").status_code == 404
    assert client.get("/nl/feeds/events/999999.ics").status_code == 404
    assert soup_of(client.get(past_event.url)).select_one(".add-to-calendar") is None


# --- RSS and Atom ------------------------------------------------------------------------


@pytest.mark.django_db
def test_initiatives_rss_and_atom(client, published_pages, site_tree, locales):
    wonen = factories.ThemeFactory(name="Wonen", slug="wonen", locale=locales.nl)
    factories.InitiativePageFactory(parent=site_tree.initiatives, title="Woongroep", themes=[wonen])
    channel, items = rss_items(client.get("/nl/feeds/initiatives.rss"))
    assert channel.findtext("language") == "nl"
    assert channel.findtext("link") == "http://localhost/nl/initiatieven/"
    assert "Nieuwe initiatieven" in channel.findtext("title")
    assert [item.findtext("title") for item in items] == ["Woongroep", "Buurtmoestuin De Linde"]
    moestuin = items[1]
    assert moestuin.findtext("link") == "http://localhost/nl/initiatieven/buurtmoestuin-de-linde/"
    assert moestuin.findtext("description").startswith("Samen groente kweken")
    assert moestuin.findtext("pubDate")
    assert moestuin.findtext("guid")
    assert {c.text for c in moestuin.findall("category")} == {"Groen", "Oud-West"}

    feed, entries = atom_entries(client.get("/nl/feeds/initiatives.atom"))
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "nl"
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Woongroep", "Buurtmoestuin De Linde"]
    assert all(e.findtext(f"{ATOM}id") and e.findtext(f"{ATOM}updated") for e in entries)

    _channel, items = rss_items(client.get("/nl/feeds/initiatives/theme/wonen.rss"))
    assert [item.findtext("title") for item in items] == ["Woongroep"]
    _feed, entries = atom_entries(client.get("/nl/feeds/initiatives/neighbourhood/oud-west.atom"))
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Buurtmoestuin De Linde"]
    assert client.get("/nl/feeds/initiatives/theme/onbekend.rss").status_code == 404


@pytest.mark.django_db
def test_stories_feeds_newest_story_date_first(client, published_pages, site_tree):
    factories.PolicyFeedbackStoryPageFactory(
        parent=site_tree.stories, title="Oud verhaal", date=timezone.localdate() - timedelta(days=400)
    )
    _channel, items = rss_items(client.get("/nl/feeds/stories.rss"))
    assert [item.findtext("title") for item in items] == ["Jij zei: meer bomen", "Oud verhaal"]
    _feed, entries = atom_entries(client.get("/nl/feeds/stories/theme/groen.atom"))
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Jij zei: meer bomen"]


@pytest.mark.django_db
def test_feeds_per_language(client, published_pages, translate, locales):
    assert rss_items(client.get("/en/feeds/initiatives.rss"))[1] == []
    english = translate(published_pages["initiative"], locales.en)
    channel, items = rss_items(client.get("/en/feeds/initiatives.rss"))
    assert channel.findtext("language") == "en"
    assert "New initiatives" in channel.findtext("title")
    assert [item.findtext("title") for item in items] == [english.title]
    # A theme's slug in either language names the same theme.
    assert len(rss_items(client.get("/en/feeds/initiatives/theme/groen.rss"))[1]) == 1


# --- Empty site, no personal data, caching -------------------------------------------------

FEEDS = [
    "/nl/feeds/events.ics",
    "/nl/feeds/initiatives.rss",
    "/nl/feeds/initiatives.atom",
    "/nl/feeds/stories.rss",
    "/nl/feeds/stories.atom",
    "/en/feeds/events.ics",
    "/en/feeds/initiatives.rss",
    "/en/feeds/stories.atom",
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", FEEDS)
def test_feeds_of_an_empty_site(client, site_tree, path):
    response = client.get(path)
    assert response.status_code == 200
    if path.endswith(".ics"):
        assert events_of(calendar_of(response)) == []
    elif path.endswith(".rss"):
        assert rss_items(response)[1] == []
    else:
        assert atom_entries(response)[1] == []


@pytest.mark.django_db
@pytest.mark.parametrize("path", FEEDS[:3])
def test_feeds_without_any_site(client, locales, path):
    Site.objects.all().delete()
    assert client.get(path).status_code == 200


@pytest.mark.django_db
def test_no_personal_data_in_feeds(client, published_pages):
    event = published_pages["event"]
    signups.sign_up(
        event, name="Henriëtte Voorbeeldbewoner", email="h.voorbeeld@bewoner.example", seats=1, language="nl"
    )
    sitemaps = ["/sitemap.xml", "/sitemap-events-nl.xml"]
    for path in FEEDS[:5] + [f"/nl/feeds/events/{event.pk}.ics", *sitemaps]:
        text = client.get(path).content.decode()
        assert EMAIL.findall(text) == [], path
        assert "Voorbeeldbewoner" not in text
        assert "verborgen.adres" not in text


@pytest.mark.django_db
def test_feeds_are_cached_until_a_publish(client, published_pages, django_assert_num_queries):
    client.get("/nl/feeds/initiatives.rss")
    with django_assert_num_queries(0):
        response = client.get("/nl/feeds/initiatives.rss")
    assert "max-age=60" in response["Cache-Control"]
    initiative = published_pages["initiative"]
    initiative.title = "Moestuin 2.0"
    initiative.save_revision().publish()
    assert b"Moestuin 2.0" in client.get("/nl/feeds/initiatives.rss").content


# --- Feed links on pages --------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("key", "types"),
    [
        ("home", {"application/rss+xml", "application/atom+xml", "text/calendar"}),
        ("initiative_index", {"application/rss+xml", "application/atom+xml"}),
        ("initiative", {"application/rss+xml", "application/atom+xml"}),
        ("event_index", {"text/calendar"}),
        ("event", {"text/calendar"}),
        ("story_index", {"application/rss+xml", "application/atom+xml"}),
        ("content", set()),
    ],
)
def test_pages_name_their_feeds_and_every_footer_lists_them(client, published_pages, key, types):
    soup = soup_of(client.get(published_pages[key].url))
    links = soup.select('head link[rel="alternate"][type]')
    assert {link["type"] for link in links} == types
    for link in links:
        assert client.get(link["href"]).status_code == 200
    footer = [a["href"] for a in soup.select("footer a")]
    assert {"/nl/feeds/initiatives.rss", "/nl/feeds/stories.rss", "/nl/feeds/events.ics"} <= set(footer)


# --- sitemap.xml and robots.txt ---------------------------------------------------------------


def sitemap_urls(client):
    """{address: <url> element} of every section page the sitemap index lists."""
    index = parse_xml(client.get("/sitemap.xml"))
    assert index.tag == f"{SITEMAP}sitemapindex"
    urls = {}
    for section in index.findall(f"{SITEMAP}sitemap"):
        response = client.get(section.findtext(f"{SITEMAP}loc").removeprefix("http://testserver"))
        assert response.status_code == 200
        urls.update({url.findtext(f"{SITEMAP}loc"): url for url in parse_xml(response).findall(f"{SITEMAP}url")})
    return urls


@pytest.mark.django_db
def test_sitemap_lists_every_language_with_hreflang_alternates(client, published_pages, translate, locales):
    english_home = translate(published_pages["home"], locales.en)
    english_index = translate(published_pages["initiative_index"], locales.en)
    english = translate(published_pages["initiative"], locales.en)
    draft = factories.ContentPageFactory(parent=published_pages["home"], title="Concept", live=False)
    urls = sitemap_urls(client)
    assert "http://localhost/nl/initiatieven/buurtmoestuin-de-linde/" in urls
    assert english.full_url in urls and english_home.full_url in urls and english_index.full_url in urls
    assert not any(draft.slug in loc for loc in urls)
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in urls[english.full_url].findall(f"{XHTML}link")
        if link.get("rel") == "alternate"
    }
    assert alternates == {
        "nl": "http://localhost/nl/initiatieven/buurtmoestuin-de-linde/",
        "en": english.full_url,
        "x-default": "http://localhost/nl/initiatieven/buurtmoestuin-de-linde/",
    }
    # An untranslated page has no alternates.
    assert urls["http://localhost/nl/over-meedoen/"].findall(f"{XHTML}link") == []


@pytest.mark.django_db
def test_sitemap_of_an_empty_site(client, site_tree):
    """Only the home page and its overviews: one section."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    index = parse_xml(response)
    assert index.tag == f"{SITEMAP}sitemapindex"
    assert [loc.text for loc in index.iter(f"{SITEMAP}loc")] == ["http://testserver/sitemap-pages-nl.xml"]
    pages = [site_tree.home, site_tree.initiatives, site_tree.events, site_tree.projects, site_tree.stories]
    assert set(sitemap_urls(client)) == {page.full_url for page in pages}


@pytest.mark.django_db
def test_robots_txt_keeps_admin_manage_links_and_search_out(client, published_pages):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    disallowed = [line.split(": ", 1)[1] for line in lines if line.startswith("Disallow: ")]
    assert {"/admin/", "/nl/zoeken/", "/en/search/"} <= set(disallowed)
    assert "Sitemap: http://testserver/sitemap.xml" in lines

    def blocked(path):
        return any(fnmatch.fnmatchcase(path, rule + "*") for rule in disallowed)

    event = published_pages["event"]
    outcome = signups.sign_up(event, name="Bewoner", email="bewoner@bewoner.example", seats=1, language="nl")
    manage = event.url + event.reverse_subpage("signup_manage", args=[outcome.signup.manage_token()])
    assert client.get(manage).status_code == 200
    assert blocked(manage)
    assert blocked("/admin/pages/")
    assert blocked("/nl/doe-mee/pitch/status/12-abcdef/")
    assert blocked("/en/take-part/pitch/signup/12-abcdef/")
    assert blocked("/nl/zoeken/?q=tuin")
    assert not blocked(event.url)
    assert not blocked("/nl/feeds/events.ics")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "scope"), [("/nl/thema/groen/", "theme/groen"), ("/nl/wijk/oud-west/", "neighbourhood/oud-west")]
)
def test_theme_and_neighbourhood_pages_name_their_own_feeds(client, published_pages, path, scope):
    response = client.get(path)
    assert response.status_code == 200
    links = soup_of(response).select('head link[rel="alternate"][type]')
    assert [link["href"] for link in links] == [
        f"/nl/feeds/initiatives/{scope}.rss",
        f"/nl/feeds/stories/{scope}.rss",
        f"/nl/feeds/events/{scope}.ics",
    ]
    for link in links:
        assert client.get(link["href"]).status_code == 200


@pytest.mark.django_db
def test_a_news_feed_does_not_query_per_item(client, published_pages, site_tree):
    theme = published_pages["initiative"].themes.get()

    def queries():
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/nl/feeds/initiatives.rss").status_code == 200
        return len(captured)

    few = queries()
    for n in range(10):
        factories.InitiativePageFactory(parent=site_tree.initiatives, title=f"Initiatief {n}", themes=[theme])
    assert queries() <= few + 2
