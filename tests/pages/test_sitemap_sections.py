"""The sitemap index (/sitemap.xml) and its sections (/sitemap-<group>-<language>.xml), read
back through real requests: which sections there are, which page is in which, their
alternates, pagination, what stays out, 404s, and the public cache."""

import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction, Site

from initiatives.models import InitiativePage
from pages import publiccache, sitemap
from tests import factories

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
SERVER = "http://testserver"

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200, (response.status_code, response.content[:300])
    assert response["Content-Type"] == "application/xml"
    return ET.fromstring(response.content)  # noqa: S314 - the portal's own output, in a test


def index_of(client):
    """The addresses the index lists, without the server."""
    root = parse(client.get("/sitemap.xml"))
    assert root.tag == f"{SITEMAP}sitemapindex"
    return [loc.removeprefix(SERVER) for loc in (node.findtext(f"{SITEMAP}loc") for node in root)]


def entries_of(response):
    """{address: {hreflang: address}} of a section page, in its order."""
    root = parse(response)
    assert root.tag == f"{SITEMAP}urlset"
    return {
        url.findtext(f"{SITEMAP}loc"): {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
        for url in root.findall(f"{SITEMAP}url")
    }


def sections_of(client):
    """{section address (with ?p=N): its entries} of every section page the index lists."""
    return {path: entries_of(client.get(path)) for path in index_of(client)}


@pytest.fixture
def translated(published_pages, translate, locales):
    """The home page, the initiatives overview and the initiative in English too."""
    return {
        "home": translate(published_pages["home"], locales.en),
        "initiative_index": translate(published_pages["initiative_index"], locales.en),
        "initiative": translate(published_pages["initiative"], locales.en),
    }


def test_the_index_lists_exactly_the_sections_with_pages(client, published_pages, translated):
    assert index_of(client) == [
        "/sitemap-initiatives-nl.xml",
        "/sitemap-initiatives-en.xml",
        "/sitemap-events-nl.xml",
        "/sitemap-projects-nl.xml",
        "/sitemap-stories-nl.xml",
        "/sitemap-pages-nl.xml",
        "/sitemap-pages-en.xml",
        "/sitemap-themes-nl.xml",
        "/sitemap-neighbourhoods-nl.xml",
    ]
    # The sections without a page answer 404, as unknown ones do.
    for empty in ("events-en", "projects-en", "stories-en", "themes-en", "neighbourhoods-en"):
        assert client.get(f"/sitemap-{empty}.xml").status_code == 404
    response = client.get("/sitemap.xml")
    assert "max-age=60" in response["Cache-Control"]
    assert response["X-Robots-Tag"].startswith("noindex")


def test_every_page_is_in_exactly_one_section_with_its_alternates(client, published_pages, translated):
    pitch_form = factories.PitchSubmissionPageFactory(parent=published_pages["initiative_index"])
    expected = {
        "home": "pages-nl",
        "content": "pages-nl",
        "initiative_index": "pages-nl",
        "event_index": "pages-nl",
        "project_index": "pages-nl",
        "story_index": "pages-nl",
        "initiative": "initiatives-nl",
        "event": "events-nl",
        "project": "projects-nl",
        "story": "stories-nl",
    }
    sections = sections_of(client)
    everything = {location: path for path, entries in sections.items() for location in entries}
    assert sum(len(entries) for entries in sections.values()) == len(everything)  # no page twice
    # The theme and neighbourhood pages have sections of their own (see the test below).
    for group in sitemap.TAXONOMY_GROUPS:
        everything = {location: path for location, path in everything.items() if group not in path}
    for key, section in expected.items():
        assert everything[published_pages[key].full_url] == f"/sitemap-{section}.xml", key
    for key, section in {"home": "pages-en", "initiative_index": "pages-en", "initiative": "initiatives-en"}.items():
        assert everything[translated[key].full_url] == f"/sitemap-{section}.xml", key
    assert everything[pitch_form.full_url] == "/sitemap-pages-nl.xml"  # "everything else"
    assert len(everything) == len(expected) + len(translated) + 1

    dutch, english = published_pages["initiative"].full_url, translated["initiative"].full_url
    assert dutch == "http://localhost/nl/initiatieven/buurtmoestuin-de-linde/"
    alternates = {"nl": dutch, "en": english, "x-default": dutch}
    assert sections["/sitemap-initiatives-nl.xml"][dutch] == alternates
    assert sections["/sitemap-initiatives-en.xml"][english] == alternates
    # An untranslated page has no alternates.
    assert sections["/sitemap-pages-nl.xml"][published_pages["content"].full_url] == {}


def test_addresses_are_wagtails_own(client, published_pages, translated):
    """Addresses are made from the site's root address rather than asked of each page: they
    are those Wagtail gives, quoted as it quotes them."""
    unusual = factories.InitiativePageFactory(parent=published_pages["initiative_index"], slug="café-de-hoek")
    assert unusual.full_url == "http://localhost/nl/initiatieven/caf%C3%A9-de-hoek/"
    entries = entries_of(client.get("/sitemap-initiatives-nl.xml"))
    assert list(entries) == [published_pages["initiative"].full_url, unusual.full_url]


def test_pages_asked_for_their_addresses_themselves_give_the_same(client, published_pages, translated, monkeypatch):
    """The slow way (each page as an object, as Wagtail's sitemap does) and the fast way
    (addresses from rows) write the same sitemap."""
    fast = sections_of(client)
    monkeypatch.setattr(sitemap, "has_own_addresses", lambda model: True)
    publiccache.bump()
    assert sections_of(client) == fast


def test_a_page_type_with_sitemap_entries_of_its_own_is_asked_itself(
    client, published_pages, translated, monkeypatch, request
):
    def get_sitemap_urls(self, request=None):
        return [{"location": f"{self.get_full_url(request)}?eigen", "lastmod": None, "changefreq": "daily"}]

    monkeypatch.setattr(InitiativePage, "get_sitemap_urls", get_sitemap_urls)
    sitemap.has_own_addresses.cache_clear()
    request.addfinalizer(sitemap.has_own_addresses.cache_clear)
    dutch, english = published_pages["initiative"].full_url, translated["initiative"].full_url
    response = client.get("/sitemap-initiatives-nl.xml")
    assert entries_of(response) == {
        f"{dutch}?eigen": {"nl": f"{dutch}?eigen", "en": english, "x-default": f"{dutch}?eigen"}
    }
    assert b"<changefreq>daily</changefreq>" in response.content
    assert list(entries_of(client.get("/sitemap-initiatives-en.xml"))) == [f"{english}?eigen"]


def test_private_pages_and_drafts_are_in_no_section(client, published_pages, site_tree):
    private = factories.ContentPageFactory(parent=site_tree.home, title="Alleen voor de raad")
    below = factories.ContentPageFactory(parent=private, title="Notulen")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="geheim")  # noqa: S106
    draft = factories.InitiativePageFactory(parent=site_tree.initiatives, title="Concept", live=False)
    locations = {location for entries in sections_of(client).values() for location in entries}
    assert published_pages["content"].full_url in locations
    for page in (private, below, draft):
        assert page.full_url not in locations
        assert page.slug not in "".join(locations)

    # A section whose only page is private has none: it leaves the index.
    PageViewRestriction.objects.create(page=published_pages["initiative"], restriction_type="login")
    assert "/sitemap-initiatives-nl.xml" not in index_of(client)
    assert client.get("/sitemap-initiatives-nl.xml").status_code == 404


def test_a_long_section_is_split_into_pages(client, published_pages, site_tree, monkeypatch):
    monkeypatch.setattr(sitemap.SectionSitemap, "limit", 2)
    more = [factories.InitiativePageFactory(parent=site_tree.initiatives, title=f"Initiatief {n}") for n in range(4)]
    listed = index_of(client)
    initiatives = [path for path in listed if path.startswith("/sitemap-initiatives-")]
    assert initiatives == [
        "/sitemap-initiatives-nl.xml",
        "/sitemap-initiatives-nl.xml?p=2",
        "/sitemap-initiatives-nl.xml?p=3",
    ]
    pages = [list(entries_of(client.get(path))) for path in initiatives]
    assert [len(page) for page in pages] == [2, 2, 1]
    expected = [published_pages["initiative"], *more]  # in the order of the tree
    assert [location for page in pages for location in page] == [page.full_url for page in expected]
    for beyond in ("?p=4", "?p=0", "?p=twee"):
        assert client.get(f"/sitemap-initiatives-nl.xml{beyond}").status_code == 404
    assert "/sitemap-pages-nl.xml?p=3" in listed  # the home page, the content page, 4 overviews


def test_alternates_are_found_with_queries_bounded_by_the_page(client, site_tree, translate, locales):
    """A section page asks the database the same number of times for 1 or for 4 translated
    pages."""
    translate(site_tree.home, locales.en)
    translate(site_tree.initiatives, locales.en)

    def queries_for_section():
        with CaptureQueriesContext(connection) as queries:
            entries = entries_of(client.get("/sitemap-initiatives-nl.xml"))
        assert all(set(alternates) == {"nl", "en", "x-default"} for alternates in entries.values())
        return len(queries), len(entries)

    translate(factories.InitiativePageFactory(parent=site_tree.initiatives), locales.en)
    few = queries_for_section()
    for _n in range(3):
        translate(factories.InitiativePageFactory(parent=site_tree.initiatives), locales.en)
    many = queries_for_section()
    assert (few[1], many[1]) == (1, 4)
    assert many[0] == few[0]


@pytest.mark.parametrize(
    "path",
    [
        "/sitemap-nothing-nl.xml",
        "/sitemap-initiatives.xml",
        "/sitemap-initiatives-fr.xml",
        "/sitemap-initiatives-en.xml",  # known, but without a page
        "/sitemap-.xml",
    ],
)
def test_an_unknown_or_empty_section_is_not_found(client, published_pages, path):
    assert client.get(path).status_code == 404


def test_without_a_site_the_index_is_empty(client, locales):
    """No site at all (an installation before its first setup): an index without sections."""
    Site.objects.all().delete()
    assert index_of(client) == []
    assert client.get("/sitemap-pages-nl.xml").status_code == 404


def test_a_published_page_shows_in_its_section_at_once(
    client, published_pages, site_tree, translate, django_assert_num_queries
):
    sections = index_of(client)
    before = list(entries_of(client.get("/sitemap-initiatives-nl.xml")))
    with django_assert_num_queries(0):  # both kept in the public cache
        index_of(client)
        client.get("/sitemap-initiatives-nl.xml")

    new = factories.InitiativePageFactory(parent=site_tree.initiatives, title="Repair Café Oost")
    assert list(entries_of(client.get("/sitemap-initiatives-nl.xml"))) == [*before, new.full_url]
    new.unpublish()
    assert list(entries_of(client.get("/sitemap-initiatives-nl.xml"))) == before

    # The first page of a section adds the section to the index at once.
    assert "/sitemap-pages-en.xml" not in sections
    english = translate(site_tree.home, site_tree.en)
    assert "/sitemap-pages-en.xml" in index_of(client)
    assert list(entries_of(client.get("/sitemap-pages-en.xml"))) == [english.full_url]


# --- Theme and neighbourhood pages ---------------------------------------------------------


def address(name, slug, language):
    with translation.override(language):
        return "http://localhost" + reverse(name, kwargs={"slug": slug})


def test_theme_and_neighbourhood_pages_have_sections_of_their_own(
    client, published_pages, theme, neighbourhood, locales
):
    """Every theme and neighbourhood page (which the tags link to) is in the sitemap, in its
    language's section, with the page of its translation as an alternate; each answers."""
    green = factories.ThemeFactory(name="Green", slug="green", locale=locales.en, translation_key=theme.translation_key)
    factories.ThemeFactory(name="Wonen", slug="wonen", locale=locales.nl)
    listed = index_of(client)
    for section in ("themes-nl", "themes-en", "neighbourhoods-nl"):
        assert f"/sitemap-{section}.xml" in listed
    assert "/sitemap-neighbourhoods-en.xml" not in listed  # no English neighbourhood

    groen, green_url = address("theme", "groen", "nl"), address("theme", green.slug, "en")
    assert groen.startswith("http://localhost/nl/") and green_url.startswith("http://localhost/en/")
    alternates = {"nl": groen, "en": green_url, "x-default": groen}
    assert entries_of(client.get("/sitemap-themes-nl.xml")) == {groen: alternates, address("theme", "wonen", "nl"): {}}
    assert entries_of(client.get("/sitemap-themes-en.xml")) == {green_url: alternates}
    oud_west = address("neighbourhood", neighbourhood.slug, "nl")
    assert entries_of(client.get("/sitemap-neighbourhoods-nl.xml")) == {oud_west: {}}
    for location in (groen, green_url, oud_west):
        assert client.get(location.removeprefix("http://localhost")).status_code == 200, location


def test_taxonomy_sections_of_a_language_without_addresses_are_not_found(client, published_pages, theme):
    assert client.get("/sitemap-themes-fr.xml").status_code == 404
    assert client.get("/sitemap-themes-.xml").status_code == 404
