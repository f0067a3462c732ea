"""Plain-text summaries go out of the news feeds as text (pages/feeds.py): feed readers
show an RSS description and an Atom summary of type "html" as HTML, so a summary that
looks like markup must reach them escaped, once: a reader shows the characters, never an
element, and "Wonen & energie" stays itself."""

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from tests import factories

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
MARKUP = "<img src=x onerror=alert(1)> Wonen & energie"


def parse_xml(response):
    assert response.status_code == 200, response.content[:300]
    return ET.fromstring(response.content)  # noqa: S314 - the portal's own output, in a test


def as_a_reader_shows_html(text):
    """What a feed reader makes of HTML content: its elements and its visible text."""
    soup = BeautifulSoup(text, "html.parser")
    return [tag.name for tag in soup.find_all(True)], soup.get_text()


@pytest.fixture
def pages_with_markup(site_tree):
    initiative = factories.InitiativePageFactory(parent=site_tree.initiatives, title="Woongroep", summary=MARKUP)
    story = factories.PolicyFeedbackStoryPageFactory(parent=site_tree.stories, title="Jij zei", summary=MARKUP)
    return initiative, story


@pytest.mark.parametrize("path", ["/nl/feeds/initiatives.rss", "/nl/feeds/stories.rss"], ids=["initiatives", "stories"])
def test_an_rss_description_is_escaped_text(client, pages_with_markup, path):
    (item,) = parse_xml(client.get(path)).find("channel").findall("item")
    description = item.findtext("description")
    # The description is HTML by RSS convention: escaped once, it shows the characters.
    assert description == "&lt;img src=x onerror=alert(1)&gt; Wonen &amp; energie"
    assert as_a_reader_shows_html(description) == ([], MARKUP)


@pytest.mark.parametrize(
    "path", ["/nl/feeds/initiatives.atom", "/nl/feeds/stories.atom"], ids=["initiatives", "stories"]
)
def test_an_atom_summary_is_of_type_text(client, pages_with_markup, path):
    (entry,) = parse_xml(client.get(path)).findall(f"{ATOM}entry")
    summaries = entry.findall(f"{ATOM}summary")
    assert [summary.get("type") for summary in summaries] == ["text"]
    assert summaries[0].text == MARKUP  # the exact text, escaped for XML only
    assert entry.findall(f".//{ATOM}img") == [] and entry.findall(".//img") == []
