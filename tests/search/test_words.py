"""The same question gets the same answer on every engine: the same stems (Snowball's
classic Dutch algorithm), the parts of Dutch compounds, and all words must match, in the
site search, the suggestions and the API. Part of the shared search suite: each test
taking `search_engine` runs on the database backend (SQLite or PostgreSQL) and on a
real search server when ELASTICSEARCH_URL is set (tests/search/conftest.py)."""

import pytest
from django.urls import reverse
from django.utils import translation

from search import compounds, dutch, service
from tests import factories

from .test_discovery import result_urls, url
from .words import DUTCH, ENGLISH

#: The words are spread over this many pages, each form of a word on another page than
#: its neighbours in the list, so a page is found by another form only through stemming.
WORD_PAGES = 40


@pytest.fixture
def word_pages(site_tree):
    """{page pk: its indexed text}, the words of tests/search/words.py spread over pages."""
    words = list(dict.fromkeys(DUTCH + ENGLISH))
    pages = {}
    for number in range(WORD_PAGES):
        title, text = f"L{number}", " ".join(words[number::WORD_PAGES])
        page = factories.ContentPageFactory(parent=site_tree.home, title=title, intro=text, body=[])
        pages[page.pk] = f"{title} {text}"
    return words, pages


def test_the_word_lists_are_long_enough():
    assert len(set(DUTCH)) >= 200
    assert len(set(ENGLISH)) >= 200
    assert not (set(DUTCH) | set(ENGLISH)) & dutch.STOP_WORDS


def test_every_engine_finds_the_same_pages_for_400_words(search_engine, word_pages):
    """Each word is searched on its own; the pages found must be those whose stems
    (and the stems of their compounds' parts) include the word's stem, as search/dutch.py
    and search/compounds.py compute them: the same answer on every engine."""
    words, pages = word_pages
    indexed = {pk: set(dutch.stems(compounds.with_parts(text))) for pk, text in pages.items()}
    page_of = {word: next(pk for pk, text in pages.items() if word in text.split()) for word in words}
    found, differences = {}, {}
    with translation.override("nl"):
        searchable = service.searchable_pages()
        for word in words:
            wanted = set(dutch.stems(word))
            expected = {pk for pk, stems in indexed.items() if wanted <= stems}
            found[word] = {page.pk for page in searchable.search(word, operator="and", order_by_relevance=False)}
            if found[word] != expected:
                differences[word] = {"missing": len(expected - found[word]), "extra": len(found[word] - expected)}
    assert not differences, f"{search_engine} matches these words otherwise: {differences}"
    # Forms of a word find each other across pages: plurals, inflected adjectives...
    assert page_of["groen"] in found["groene"]
    assert page_of["tuin"] in found["tuinen"]
    assert page_of["dak"] in found["daken"]
    assert page_of["resident"] in found["residents"]
    # ...and a part finds its compounds, a compound the longer compounds it is part of.
    assert {page_of["buurttuin"], page_of["speeltuin"], page_of["schoolplein"]} <= found["tuin"] | found["plein"]
    assert page_of["buurtfietsenstalling"] in found["fietsenstalling"]
    assert page_of["speeltuinvereniging"] in found["speeltuin"]


# --- Compounds ----------------------------------------------------------------------------


def test_parts_of_compounds_are_whole_known_words():
    assert compounds.parts("buurtfietsenstalling") == ("buurt", "fietsenstalling", "fietsen", "stalling")
    assert compounds.parts("speeltuinvereniging")[:3] == ("speeltuin", "speel", "tuin")
    assert compounds.parts("stadsdeel") == ("stads", "deel")  # with the linking s
    assert compounds.parts("kinderen") == ()  # "kind" + "eren" are words, but this is a plural
    assert compounds.parts("vereniging") == ()  # "enig" is inside, not a part
    assert compounds.parts("verkeer") == ()  # "ver" is a prefix here
    assert compounds.with_parts("De buurttuin") == "De buurttuin buurt tuin"
    assert compounds.with_parts(["Speeltuin", None]) == ["Speeltuin speel tuin", None]


@pytest.fixture
def compound_pages(site_tree):
    make = factories.InitiativePageFactory
    return {
        "stalling": make(parent=site_tree.initiatives, title="Buurtfietsenstalling Oude Haven", summary="Veilig."),
        "vereniging": make(parent=site_tree.initiatives, title="Speeltuinvereniging De Klimboom", summary="Spelen."),
        "buurttuin": make(parent=site_tree.initiatives, title="Buurttuin Lindenhof", summary="Groente kweken."),
        "plein": make(parent=site_tree.initiatives, title="Groen schoolplein", summary="Meer bomen bij school."),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("fietsenstalling", {"stalling"}),
        ("fietsenstallingen", {"stalling"}),
        ("stalling", {"stalling"}),
        ("speeltuin", {"vereniging"}),
        ("tuin", {"vereniging", "buurttuin"}),
        ("tuinen", {"vereniging", "buurttuin"}),
        ("uin", set()),  # only whole parts count
        ("enig", set()),  # inside "vereniging", but not a part of it
        ("plein groen", {"plein"}),
    ],
)
def test_compounds_are_found_by_their_parts(search_engine, client, compound_pages, query, expected):
    found = set(result_urls(client.get(url("search"), {"q": query})))
    assert found == {compound_pages[name].url for name in expected}


def test_suggestions_complete_the_parts_of_compounds(search_engine, client, compound_pages):
    response = client.get(reverse("search_suggest"), {"q": "fietsensta"})
    assert [result["url"] for result in response.json()["results"]] == [compound_pages["stalling"].url]


# --- All words must match -----------------------------------------------------------------


@pytest.fixture
def garden_pages(site_tree, theme):
    make = factories.InitiativePageFactory
    return {
        "both": make(
            parent=site_tree.initiatives, title="Groene tuin", summary="Planten in de straat.", themes=[theme]
        ),
        "green": make(parent=site_tree.initiatives, title="Groen dak", summary="Mos op het dak.", themes=[theme]),
        "garden": make(parent=site_tree.initiatives, title="Tuin aan het water", summary="Een moestuin."),
    }


def test_several_words_must_all_match_in_the_site_search(search_engine, client, garden_pages):
    assert result_urls(client.get(url("search"), {"q": "groen tuin"})) == [garden_pages["both"].url]
    assert len(result_urls(client.get(url("search"), {"q": "groen"}))) == 2


def test_several_words_must_all_match_in_the_suggestions(search_engine, client, garden_pages):
    response = client.get(reverse("search_suggest"), {"q": "Groen tu"})
    assert [result["url"] for result in response.json()["results"]] == [garden_pages["both"].url]


def test_several_words_must_all_match_in_the_api_unless_it_asks_for_any(search_engine, client, garden_pages):
    def titles(**params):
        response = client.get("/api/v2/initiatives/", params)
        assert response.status_code == 200, response.content
        return sorted(item["title"] for item in response.json()["items"])

    assert titles(search="groen tuin") == ["Groene tuin"]
    assert titles(search="groen tuin", search_operator="or") == ["Groen dak", "Groene tuin", "Tuin aan het water"]


def test_api_search_combines_with_theme_and_neighbourhood(search_engine, client, garden_pages):
    response = client.get("/api/v2/initiatives/", {"search": "tuin", "theme": "groen"})
    assert response.status_code == 200, response.content
    assert [item["title"] for item in response.json()["items"]] == ["Groene tuin"]
    response = client.get("/api/v2/initiatives/", {"search": "tuin", "neighbourhood": "nergens"})
    assert response.status_code == 400
