"""The order of the site search's results (search/ranking.py), on every engine: with words
the best match first (title, then summary, then body; what is over last), "newest first"
as a choice; without words newest first."""

from datetime import timedelta

import pytest
from django.utils import timezone

from participation.models import ParticipationProjectPage
from tests import factories
from tests.helpers import soup_of

from .test_discovery import result_urls, url


def body(text):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


@pytest.fixture
def ranked_pages(site_tree):
    """Pages that mention "kanaalfeest" in different places, the best match the oldest."""
    make = factories.InitiativePageFactory
    pages = {
        "title": make(parent=site_tree.initiatives, title="Kanaalfeest aan het water", summary="Muziek.", body=[]),
        "summary": make(parent=site_tree.initiatives, title="Zomer", summary="Een kanaalfeest voor iedereen."),
        "body": make(
            parent=site_tree.initiatives, title="Buurtzaken", summary="Van alles.", body=body("Ook een kanaalfeest.")
        ),
    }
    # The best match is the oldest, so the two orders differ.
    for age, name in enumerate(["body", "summary", "title"], start=1):
        type(pages[name]).objects.filter(pk=pages[name].pk).update(
            first_published_at=timezone.now() - timedelta(days=age)
        )
    return pages


def test_with_words_the_best_match_comes_first(search_engine, client, ranked_pages):
    found = result_urls(client.get(url("search"), {"q": "kanaalfeest"}))
    assert found == [ranked_pages[name].url for name in ("title", "summary", "body")]


def test_newest_first_is_a_choice(search_engine, client, ranked_pages):
    response = client.get(url("search"), {"q": "kanaalfeest", "sort": "newest"})
    assert result_urls(response) == [ranked_pages[name].url for name in ("body", "summary", "title")]
    links = {link.get_text(strip=True): link for link in soup_of(response).select(".result-sort a")}
    assert links["Nieuwste eerst"]["aria-current"] == "true"
    assert not links["Best passend eerst"].has_attr("aria-current")
    # Following the other link goes back to the best match first, on the first page.
    again = client.get(url("search") + links["Best passend eerst"]["href"])
    assert result_urls(again)[0] == ranked_pages["title"].url


def test_past_events_and_completed_projects_come_after_the_others(search_engine, client, site_tree, ranked_pages):
    past = factories.PitchEventPageFactory(
        parent=site_tree.events,
        title="Kanaalfeest pitchavond",
        start=timezone.now() - timedelta(days=30),
        end=timezone.now() - timedelta(days=30) + timedelta(hours=3),
    )
    completed = factories.ParticipationProjectPageFactory(
        parent=site_tree.projects, title="Kanaalfeest evaluatie", status=ParticipationProjectPage.Status.COMPLETED
    )
    found = result_urls(client.get(url("search"), {"q": "kanaalfeest"}))
    assert found[:3] == [ranked_pages[name].url for name in ("title", "summary", "body")]
    assert set(found[3:]) == {past.url, completed.url}


def test_without_words_the_newest_comes_first_and_no_order_is_offered(search_engine, client, site_tree, theme):
    older = factories.InitiativePageFactory(parent=site_tree.initiatives, themes=[theme])
    newer = factories.InitiativePageFactory(parent=site_tree.initiatives, themes=[theme])
    response = client.get(url("theme", slug="groen"))
    assert result_urls(response) == [newer.url, older.url]
    assert not soup_of(response).select(".result-sort")


def test_an_event_goes_down_as_it_ends_though_the_answer_is_cached(search_engine, client, site_tree, monkeypatch):
    """The order's ingredients are kept in the public cache until the next change; whether
    an event is over is decided at each search, so it goes down the moment it ends."""
    from initiatives.models import PitchEventPage

    make = factories.InitiativePageFactory
    initiative = make(parent=site_tree.initiatives, title="Buurten", summary="Iets.", body=body("Een zomerfeest."))
    event = factories.PitchEventPageFactory(
        parent=site_tree.events,
        title="Zomerfeest pitchavond",
        start=timezone.now() - timedelta(hours=2),
        end=timezone.now() + timedelta(hours=1),
    )
    assert result_urls(client.get(url("search"), {"q": "zomerfeest"})) == [event.url, initiative.url]
    later = timezone.now() + timedelta(hours=2)
    monkeypatch.setattr(PitchEventPage, "search_over", {"end__lt": lambda: later})  # two hours on
    assert result_urls(client.get(url("search"), {"q": "zomerfeest"})) == [initiative.url, event.url]
