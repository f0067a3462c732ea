"""Every page type renders over HTTP at its language-prefixed address, with its content,
with empty optional fields, and with paginated overviews that never fail."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from pages.models import LISTING_PAGE_SIZE
from tests import factories
from tests.helpers import hrefs, link_paths, text_of

PAGE_TYPES = [
    "home",
    "content",
    "initiative_index",
    "initiative",
    "event_index",
    "event",
    "project_index",
    "project",
    "story_index",
    "story",
]


def dutch(text):
    with translation.override("nl"):
        return str(text)


# What a resident must read on each page, from the fixtures in conftest.py.
EXPECTED_TEXT = {
    "home": lambda p: [p["home"].hero_intro, p["initiative"].title, p["event"].title, p["story"].title],
    "content": lambda p: [p["content"].title, p["content"].intro, "Iedereen kan een initiatief aanmelden."],
    "initiative_index": lambda p: [p["initiative_index"].title, p["initiative"].title, p["initiative"].summary],
    "initiative": lambda p: [
        p["initiative"].title,
        p["initiative"].summary,
        "Groen",  # theme
        "Oud-West",  # neighbourhood
        p["initiative"].public_owner,
        "Drie mensen op zaterdagochtend",  # a need
        p["event"].title,  # where it pitches
    ],
    "event_index": lambda p: [p["event_index"].title, p["event"].title],
    "event": lambda p: [
        p["event"].title,
        p["event"].summary,
        p["event"].venue_name,
        "Groen",
        p["initiative"].title,  # on the programme
    ],
    "project_index": lambda p: [p["project_index"].title, p["project"].title, p["project"].summary],
    "project": lambda p: [
        p["project"].title,
        p["project"].summary,
        p["project"].question,
        dutch(p["project"].get_ladder_rung_display()),  # the rung
        dutch(p["project"].ladder_explanation),
        "Ideeën ophalen",  # a phase
        "Groen",
        p["story"].title,  # what was done with the input
    ],
    "story_index": lambda p: [p["story_index"].title, p["story"].title, p["story"].summary],
    "story": lambda p: [
        p["story"].title,
        p["story"].summary,
        "Het college plant twintig nieuwe lindebomen op het Marktplein.",  # the decision
        "Meer bomen op het plein!",  # what residents said
        "Groen",
        p["project"].title,  # what it reports on
    ],
}


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_renders_with_its_content(client, published_pages, name):
    page = published_pages[name]
    assert page.url.startswith("/nl/")

    response = client.get(page.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    text = text_of(response)
    missing = [expected for expected in EXPECTED_TEXT[name](published_pages) if expected not in text]
    assert missing == []


def test_initiative_contact_address_never_appears(client, published_pages):
    """Not on the initiative, nor wherever the initiative is shown (cards, programmes)."""
    address = published_pages["initiative"].contact_email
    for name in PAGE_TYPES:
        response = client.get(published_pages[name].url)
        assert response.status_code == 200
        assert address.encode() not in response.content, name
        assert address.split("@")[0].encode() not in response.content, name


def test_initiative_shows_its_website_and_tags(client, site_tree):
    initiative = factories.InitiativePageFactory(parent=site_tree.initiatives, website="https://moestuin.example.org/")
    initiative.tags.add("moestuin", "zaterdag")
    initiative.save_revision().publish()

    response = client.get(initiative.url)

    assert "https://moestuin.example.org/" in hrefs(response)
    assert {"moestuin", "zaterdag"} <= set(text_of(response).split())


# --- Empty optional fields -------------------------------------------------------------------


def minimal_page(site_tree, name):
    """A page of the given type with only its required fields filled in."""
    start = timezone.now() + timedelta(days=3)
    if name == "home":
        site_tree.home.hero_intro = ""
        site_tree.home.hero_cta_text = ""
        site_tree.home.save_revision().publish()
        return site_tree.home
    if name == "content":
        return factories.ContentPageFactory(parent=site_tree.home, intro="", body=[])
    if name == "initiative":
        return factories.InitiativePageFactory(
            parent=site_tree.initiatives, body=[], contact_email="", website="", links=[]
        )
    if name == "event":
        return factories.PitchEventPageFactory(
            parent=site_tree.events,
            edition=None,
            body=[],
            street_address="",
            postal_code="",
            city="",
            accessibility_info="",
            start=start,
            end=start + timedelta(hours=2),
        )
    if name == "project":
        return factories.ParticipationProjectPageFactory(parent=site_tree.projects, body=[], how_to_take_part="")
    return factories.PolicyFeedbackStoryPageFactory(
        parent=site_tree.stories,
        participant_count=None,
        participation_methods="",
        what_residents_said=[],
        decision_reasons="",
        not_adopted="",
        next_steps="",
        next_step_date=None,
    )


@pytest.mark.parametrize("name", ["home", "content", "initiative", "event", "project", "story"])
def test_page_renders_with_empty_optional_fields(client, site_tree, name):
    page = minimal_page(site_tree, name)

    response = client.get(page.url)

    assert response.status_code == 200
    assert page.title in text_of(response)


@pytest.mark.parametrize("name", ["initiative_index", "event_index", "project_index", "story_index"])
def test_empty_index_page_renders(client, site_tree, name):
    index = {
        "initiative_index": site_tree.initiatives,
        "event_index": site_tree.events,
        "project_index": site_tree.projects,
        "story_index": site_tree.stories,
    }[name]
    response = client.get(index.url)
    assert response.status_code == 200
    assert index.title in text_of(response)


def test_past_event_renders(client, site_tree, initiative_page):
    now = timezone.now()
    event = factories.PitchEventPageFactory(
        parent=site_tree.events, start=now - timedelta(days=30), end=now - timedelta(days=30, hours=-2)
    )
    response = client.get(event.url)
    assert response.status_code == 200
    assert event.title in text_of(response)


def test_draft_page_is_not_served(client, site_tree):
    draft = factories.InitiativePageFactory(parent=site_tree.initiatives, slug="nog-geheim", live=False)
    assert client.get("/nl/initiatieven/nog-geheim/").status_code == 404
    assert draft.title not in text_of(client.get(site_tree.initiatives.url))


# --- Pagination ------------------------------------------------------------------------------

CHILDREN = LISTING_PAGE_SIZE + 3


def make_children(site_tree, kind):
    """CHILDREN live children of an overview page, newest last; returns (index, children in
    the order the overview lists them)."""
    now = timezone.now()
    if kind == "initiatives":
        made = [factories.InitiativePageFactory(parent=site_tree.initiatives) for _ in range(CHILDREN)]
        return site_tree.initiatives, made[::-1]
    if kind == "past_events":
        made = [
            factories.PitchEventPageFactory(
                parent=site_tree.events,
                start=now - timedelta(days=100 - n),
                end=now - timedelta(days=100 - n, hours=-2),
            )
            for n in range(CHILDREN)
        ]
        return site_tree.events, made[::-1]
    if kind == "projects":
        made = [factories.ParticipationProjectPageFactory(parent=site_tree.projects) for _ in range(CHILDREN)]
        return site_tree.projects, made[::-1]
    made = [
        factories.PolicyFeedbackStoryPageFactory(
            parent=site_tree.stories, date=timezone.localdate() - timedelta(days=100 - n)
        )
        for n in range(CHILDREN)
    ]
    return site_tree.stories, made[::-1]


OVERVIEWS = ["initiatives", "past_events", "projects", "stories"]


@pytest.mark.parametrize("kind", OVERVIEWS)
def test_overview_paginates(client, site_tree, kind):
    index, children = make_children(site_tree, kind)
    urls = [child.url for child in children]

    first = link_paths(client.get(index.url))
    second = link_paths(client.get(index.url, {"page": 2}))

    assert [url for url in urls if url in first] == urls[:LISTING_PAGE_SIZE]
    assert [url for url in urls if url in second] == urls[LISTING_PAGE_SIZE:]


@pytest.mark.parametrize("kind", OVERVIEWS)
def test_overview_survives_bad_page_numbers(client, site_tree, kind):
    index, children = make_children(site_tree, kind)
    urls = [child.url for child in children]
    first_page, last_page = urls[:LISTING_PAGE_SIZE], urls[LISTING_PAGE_SIZE:]
    for number, expected in [("abc", first_page), ("", first_page), ("999", last_page), ("0", None), ("-1", None)]:
        response = client.get(index.url, {"page": number})
        assert response.status_code == 200, number
        shown = [url for url in urls if url in link_paths(response)]
        assert shown in ([expected] if expected else [first_page, last_page]), number
