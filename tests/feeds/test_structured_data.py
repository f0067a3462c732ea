"""schema.org JSON-LD (Event, Article, Organization), Open Graph and Twitter card meta and
canonical addresses, parsed back from the rendered pages."""

import json
from datetime import timedelta

import pytest
from django.contrib.staticfiles import finders
from django.utils import timezone

from initiatives import signups
from tests.helpers import soup_of


def json_ld(response):
    assert response.status_code == 200
    scripts = soup_of(response).select('script[type="application/ld+json"]')
    return [json.loads(script.string) for script in scripts]


def meta(soup, key):
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


@pytest.mark.django_db
def test_pitch_event_is_a_schema_org_event_with_seats_left(client, published_pages):
    event = published_pages["event"]
    [data] = json_ld(client.get(event.url))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    # What search engines require and recommend for an Event.
    assert data["name"] == "Pitchavond voorjaar"
    assert data["startDate"] == timezone.localtime(event.start).isoformat()
    assert data["endDate"] == timezone.localtime(event.end).isoformat()
    assert data["location"]["@type"] == "Place"
    assert data["location"]["name"] == event.venue_name
    assert data["location"]["address"]["@type"] == "PostalAddress"
    assert data["location"]["address"]["addressLocality"] == event.city
    assert data["organizer"]["@type"] == "GovernmentOrganization"
    assert data["url"] == "http://localhost/nl/pitchavonden/pitchavond-voorjaar/"
    assert data["eventAttendanceMode"].endswith("OfflineEventAttendanceMode")
    assert data["offers"]["availability"] == "https://schema.org/InStock"
    assert data["remainingAttendeeCapacity"] == event.capacity

    event.capacity = 1
    event.save_revision().publish()
    signups.sign_up(event, name="Bewoner", email="bewoner@bewoner.example", seats=1, language="nl")
    [data] = json_ld(client.get(event.url))
    assert data["offers"]["availability"] == "https://schema.org/SoldOut"
    assert data["remainingAttendeeCapacity"] == 0
    assert "bewoner@" not in json.dumps(data)


@pytest.mark.django_db
def test_past_event_has_no_offer(client, published_pages):
    event = published_pages["event"]
    event.start = timezone.now() - timedelta(days=3)
    event.end = event.start + timedelta(hours=2)
    event.save_revision().publish()
    [data] = json_ld(client.get(event.url))
    assert data["@type"] == "Event" and "offers" not in data


@pytest.mark.django_db
def test_feedback_story_is_an_article(client, published_pages):
    story = published_pages["story"]
    [data] = json_ld(client.get(story.url))
    assert data["@type"] == "Article"
    assert data["headline"] == "Jij zei: meer bomen"
    assert data["datePublished"] == story.date.isoformat()
    assert data["dateModified"]
    assert data["author"]["@type"] == data["publisher"]["@type"] == "GovernmentOrganization"
    assert data["image"][0].endswith("/static/img/share-default.png")
    assert data["mainEntityOfPage"] == "http://localhost/nl/jij-zei-wij-deden/jij-zei-meer-bomen/"


@pytest.mark.django_db
def test_home_page_is_the_organization(client, published_pages):
    [data] = json_ld(client.get(published_pages["home"].url))
    assert data["@type"] == "GovernmentOrganization"
    assert data["url"] == "http://localhost/nl/"
    assert data["name"]


@pytest.mark.django_db
@pytest.mark.parametrize("key", ["content", "initiative", "project", "initiative_index"])
def test_other_pages_have_no_json_ld(client, published_pages, key):
    assert json_ld(client.get(published_pages[key].url)) == []


@pytest.mark.django_db
def test_json_ld_cannot_break_out_of_its_script_element(client, published_pages):
    event = published_pages["event"]
    event.title = 'Avond </script><script>alert("x")</script> & meer'
    event.save_revision().publish()
    response = client.get(event.url)
    html = response.content.decode()
    assert "</script><script>alert" not in html
    [data] = json_ld(response)
    assert data["name"] == event.title


@pytest.mark.django_db
def test_json_ld_is_not_blocked_by_the_content_security_policy(client, published_pages):
    """A data block is never run, so script-src does not apply; the page's only script
    policy is 'self' plus a nonce, with no 'unsafe-inline' needed."""
    response = client.get(published_pages["event"].url)
    policy = response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";", 1)[0]
    assert json_ld(response)


@pytest.mark.django_db
@pytest.mark.parametrize("key", ["home", "initiative", "event", "story", "project", "content"])
def test_open_graph_twitter_cards_and_canonical(client, published_pages, key, image):
    page = published_pages[key]
    soup = soup_of(client.get(page.url))
    canonical = soup.find("link", rel="canonical")["href"]
    assert canonical == page.full_url
    assert meta(soup, "og:url") == canonical
    assert meta(soup, "og:title") == page.title
    assert meta(soup, "og:image").startswith("http://")
    assert meta(soup, "og:locale") == "nl_NL"
    assert meta(soup, "og:site_name") == "Meedoen Testwijk"
    assert meta(soup, "twitter:card") == "summary_large_image"
    assert meta(soup, "twitter:image") == meta(soup, "og:image")
    if getattr(page, "summary", None):
        assert meta(soup, "og:description") == page.summary


@pytest.mark.django_db
def test_share_image_is_the_page_image_or_the_default(client, published_pages, image):
    initiative = published_pages["initiative"]
    soup = soup_of(client.get(initiative.url))
    default = meta(soup, "og:image")
    assert default.endswith("/static/img/share-default.png")
    assert finders.find("img/share-default.png")
    initiative.image = image
    initiative.save_revision().publish()
    soup = soup_of(client.get(initiative.url))
    assert ".fill-1200x630" in meta(soup, "og:image")
    assert meta(soup, "og:image:alt")
