"""Site search: live pages of the active language only, never drafts or the other language,
and a view that never fails on odd input."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction

from tests import factories
from tests.helpers import link_paths, soup_of

# The shared search suite: every test here runs on each engine (tests/search/conftest.py).
pytestmark = pytest.mark.usefixtures("search_engine")


def search_url(language):
    with translation.override(language):
        return reverse("search")


def result_paths(response):
    """The addresses of the search results (not the header, menu or footer links)."""
    results = soup_of(response).select("main a[href]")
    return {a["href"] for a in results}


@pytest.fixture
def garden(site_tree):
    """A Dutch initiative about a 'moestuin' and its English translation (which keeps the
    word), plus a Dutch draft that mentions it too."""
    dutch = factories.InitiativePageFactory(
        parent=site_tree.initiatives,
        title="Groentetuin Zonnebloem",
        slug="groentetuin-zonnebloem",
        summary="Een moestuin voor de hele straat.",
    )
    english = dutch.copy_for_translation(site_tree.en, copy_parents=True)
    english.title = "Vegetable garden Zonnebloem"
    english.summary = "A moestuin for the whole street."
    english.save_revision().publish()
    draft = factories.InitiativePageFactory(
        parent=site_tree.initiatives, title="Geheime moestuin", summary="Nog niet af: een moestuin.", live=False
    )
    other = factories.InitiativePageFactory(
        parent=site_tree.initiatives, title="Repair café", summary="Samen spullen repareren."
    )
    return {"nl": dutch, "en": english.specific, "draft": draft, "other": other}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_search_finds_live_pages_of_the_active_language_only(client, garden, language):
    response = client.get(search_url(language), {"q": "moestuin"})

    assert response.status_code == 200
    found = result_paths(response)
    other_language = "en" if language == "nl" else "nl"
    assert garden[language].url in found
    assert garden[other_language].url not in found
    assert garden["draft"].title not in response.content.decode()
    assert garden["other"].url not in found


def test_search_leaves_out_pages_behind_a_password(client, site_tree):
    hidden = factories.InitiativePageFactory(parent=site_tree.initiatives, summary="Een besloten moestuin.")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="geheim")
    visible = factories.InitiativePageFactory(parent=site_tree.initiatives, summary="Een open moestuin.")

    found = result_paths(client.get(search_url("nl"), {"q": "moestuin"}))

    assert visible.url in found
    assert hidden.url not in found
    assert hidden.url not in link_paths(client.get(site_tree.initiatives.url))


def test_search_result_shows_title_and_summary(client, garden):
    response = client.get(search_url("nl"), {"q": "moestuin"})
    soup = soup_of(response)
    assert "Groentetuin Zonnebloem" in soup.find("main").get_text(" ")
    summary = soup.select_one(".search-result__summary")
    assert summary.get_text() == "Een moestuin voor de hele straat."
    assert [mark.get_text() for mark in summary.select("mark")] == ["moestuin"]


def test_search_finds_other_page_types(client, site_tree, published_pages):
    response = client.get(search_url("nl"), {"q": "Marktplein"})
    found = result_paths(response)
    assert published_pages["project"].url in found


def test_nothing_found(client, garden):
    response = client.get(search_url("nl"), {"q": "zwembad"})
    assert response.status_code == 200
    assert garden["nl"].url not in link_paths(response)
    assert soup_of(response).select(".search-results li") == []


@pytest.mark.parametrize(
    "params",
    [{}, {"q": ""}, {"q": "   "}, {"q": "moestuin", "page": "abc"}, {"q": "moestuin", "page": "999"}, {"q": "x" * 500}],
    ids=["no-query", "empty", "blank", "page-not-a-number", "page-too-far", "very-long"],
)
def test_search_never_fails(client, garden, params):
    response = client.get(search_url("nl"), params)
    assert response.status_code == 200
    assert soup_of(response).find("input", attrs={"name": "q"}) is not None


def test_search_paginates(client, site_tree):
    made = [
        factories.InitiativePageFactory(parent=site_tree.initiatives, summary=f"Een moestuin, nummer {n}.")
        for n in range(15)
    ]
    first = result_paths(client.get(search_url("nl"), {"q": "moestuin"}))
    second = result_paths(client.get(search_url("nl"), {"q": "moestuin", "page": "2"}))
    urls = {page.url for page in made}
    assert len(urls & first) == 12
    assert len(urls & second) == 3
    assert not (urls & first & second)


# --- Suggestions as you type -----------------------------------------------------------------


def suggest_url(language):
    with translation.override(language):
        return reverse("search_suggest")


def suggestions(client, language, query):
    response = client.get(suggest_url(language), {"q": query})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_suggestions_live_under_both_languages():
    assert suggest_url("nl") == "/nl/zoeken/suggesties/"
    assert suggest_url("en") == "/en/search/suggestions/"


@pytest.mark.parametrize(
    "language, query, title",
    [("nl", "groente", "Groentetuin Zonnebloem"), ("en", "vegeta", "Vegetable garden Zonnebloem")],
    ids=["dutch", "english"],
)
def test_suggestions_complete_titles_in_the_active_language_only(client, garden, language, query, title):
    other = "en" if language == "nl" else "nl"
    data = suggestions(client, language, query)

    assert data["query"] == query
    assert data["results"] == [
        {"title": title, "url": garden[language].url, "type": "Initiatief" if language == "nl" else "Initiative"}
    ]
    assert suggestions(client, language, "Zonnebloem")["results"][0]["url"] == garden[language].url
    assert garden[other].url not in {r["url"] for r in suggestions(client, language, "Zonnebloem")["results"]}


def test_suggestions_leave_out_drafts_and_private_pages(client, garden, site_tree):
    hidden = factories.InitiativePageFactory(parent=site_tree.initiatives, title="Geheime kas")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="geheim")
    visible = factories.InitiativePageFactory(parent=site_tree.initiatives, title="Gedeelde kas")

    assert [r["url"] for r in suggestions(client, "nl", "geheime")["results"]] == []
    assert [r["url"] for r in suggestions(client, "nl", "gedeelde")["results"]] == [visible.url]


def test_cached_suggestions_follow_a_publish_and_a_page_made_private_at_once(client, garden, site_tree):
    assert [r["title"] for r in suggestions(client, "nl", "groente")["results"]] == ["Groentetuin Zonnebloem"]

    newer = factories.InitiativePageFactory(parent=site_tree.initiatives, title="Groenteruil Lindenhof")
    newer.save_revision().publish()
    assert [r["title"] for r in suggestions(client, "nl", "groente")["results"]] == [
        "Groenteruil Lindenhof",
        "Groentetuin Zonnebloem",
    ]

    PageViewRestriction.objects.create(page=newer, restriction_type=PageViewRestriction.LOGIN)
    assert [r["title"] for r in suggestions(client, "nl", "groente")["results"]] == ["Groentetuin Zonnebloem"]


def test_suggestions_are_at_most_eight_and_may_be_cached_briefly(client, site_tree):
    for n in range(12):
        factories.InitiativePageFactory(parent=site_tree.initiatives, title=f"Klimaattafel {n}")
    response = client.get(suggest_url("nl"), {"q": "klimaat"})
    assert len(response.json()["results"]) == 8
    assert "max-age=60" in response["Cache-Control"] and "public" in response["Cache-Control"]


@pytest.mark.parametrize(
    "query",
    ["", "g", "   ", "x" * 5000, "%00", "<script>", "' OR 1=1 --", "ünïcödé", "::", '* - "'],
    ids=["empty", "one-letter", "blank", "very-long", "nul", "html", "sql", "unicode", "colons", "operators"],
)
def test_suggestions_never_fail(client, garden, query):
    data = suggestions(client, "nl", query)
    assert len(data["query"]) <= 200
    if len(query.strip()) < 2:
        assert data["results"] == []


def test_suggestions_only_answer_get(client, garden):
    assert client.post(suggest_url("nl"), {"q": "groente"}).status_code == 405
