"""Open data in a real browser: an upcoming pitch event's page carries Event JSON-LD that
the Content-Security-Policy lets through (no violation), its "Zet in je agenda" link
downloads a calendar file that parses, and the footer's feed links work, axe-clean."""

import json

import icalendar
import pytest

pytestmark = pytest.mark.browser


def test_event_page_json_ld_and_add_to_calendar(page, visit, check_page):
    visit(page, "/nl/pitch-avonden/")
    upcoming = page.get_by_role("main").get_by_role("article").first
    with page.expect_navigation():
        upcoming.get_by_role("link").first.click()
    title = check_page(page)

    scripts = page.locator('script[type="application/ld+json"]')
    assert scripts.count() == 1
    data = json.loads(scripts.first.text_content())
    assert data["@type"] == "Event" and data["name"] == title
    assert data["location"]["name"]

    link = page.get_by_role("link", name="Zet in je agenda")
    link.focus()
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    with open(download.path(), "rb") as f:
        calendar = icalendar.Calendar.from_ical(f.read())
    [event] = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == title


def test_footer_feed_links(page, visit, check_page):
    visit(page, "/nl/")
    check_page(page)
    footer = page.get_by_role("contentinfo").get_by_role("navigation", name="Blijf op de hoogte")
    hrefs = [footer.get_by_role("link").nth(i).get_attribute("href") for i in range(footer.get_by_role("link").count())]
    assert hrefs == ["/nl/feeds/initiatives.rss", "/nl/feeds/stories.rss", "/nl/feeds/events.ics"]
    for href in hrefs:
        response = page.request.get(href)
        assert response.status == 200, href
