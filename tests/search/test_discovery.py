"""Discovery: the site search's facets and filters, Dutch stemming, the overview pages'
filters with counts, the theme and neighbourhood pages, and a bounded number of queries
however much content there is. The tests of the site search that take `search_engine`
belong to the shared search suite: they run on each engine (tests/search/conftest.py)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction

from initiatives.models import SignUp
from search import dutch, service
from tests import factories
from tests.helpers import soup_of


def url(name, language="nl", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def result_urls(response):
    return [a["href"] for a in soup_of(response).select(".search-result__title a")]


def card_urls(response):
    return [
        a["href"] for a in soup_of(response).select("#discovery-results a.card__link[href]") if "page=" not in a["href"]
    ]


def facet_counts(response, name):
    """{option value: (count text, marked empty)} of one facet on a page."""
    found = {}
    for box in soup_of(response).select(f'.filters input[name="{name}"]'):
        item = box.find_parent("li")
        count = item.select_one("[data-facet-count]").get_text(" ", strip=True)
        found[box["value"]] = (count.split()[0].strip("()"), "filters__option--empty" in item["class"])
    return found


# --- Dutch words -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "written, searched",
    [
        ("De nieuwe fietsenstalling bij het station", "fietsenstallingen"),
        ("Drie fietsenstallingen in de wijk", "fietsenstalling"),
        ("Een buurttuin voor iedereen", "buurttuinen"),
        ("Twee buurttuinen aan de rand", "buurttuin"),
    ],
    ids=["plural-finds-singular", "singular-finds-plural", "buurttuinen", "buurttuin"],
)
def test_dutch_words_find_their_other_inflection(search_engine, client, site_tree, written, searched):
    page = factories.InitiativePageFactory(parent=site_tree.initiatives, summary=written)
    other = factories.InitiativePageFactory(parent=site_tree.initiatives, summary="Iets heel anders.")

    found = result_urls(client.get(url("search"), {"q": searched}))

    assert page.url in found
    assert other.url not in found


def test_operators_are_plain_text(search_engine, client, site_tree):
    page = factories.InitiativePageFactory(parent=site_tree.initiatives, summary="Koffie in het buurthuis.")
    for query in ['"buurthuis', "buurthuis + -", "buurthuis*", "(buurthuis)", "buurthuis:"]:
        response = client.get(url("search"), {"q": query})
        assert response.status_code == 200
        assert page.url in result_urls(response), query


def test_stop_words_alone_are_explained_rather_than_finding_nothing(search_engine, client, site_tree):
    factories.InitiativePageFactory(parent=site_tree.initiatives, title="De buurt", summary="Koffie in het buurthuis.")
    for query in ["de", "het is", "De"]:
        response = client.get(url("search"), {"q": query})
        assert response.status_code == 200
        assert result_urls(response) == []
        assert "We zoeken niet op woorden als deze" in response.content.decode(), query
    # With one word that says something, the stop words are left out and it is found.
    assert len(result_urls(client.get(url("search"), {"q": "de buurt"}))) == 1


def test_stems_are_snowball_classic_dutch():
    assert dutch.stemmed_text("De fietsenstallingen") == dutch.stemmed_text("fietsenstalling")
    assert dutch.stemmed_text("groene daken") == "groen dak"  # the new Dutch stemmer: "groene daak"
    assert dutch.stemmed_query("de het een") == ""


# --- Facets and filters of the site search ------------------------------------------------


def test_search_counts_results_by_type_theme_and_neighbourhood(search_engine, client, city):
    response = client.get(url("search"), {"q": "groen"})

    assert len(result_urls(response)) == 5
    assert facet_counts(response, "type") == {
        "initiative": ("3", False),
        "event": ("geen", True),
        "project": ("1", False),
        "story": ("1", False),
        "page": ("geen", True),
    }
    assert facet_counts(response, "theme") == {"groen": ("4", False), "sport": ("geen", True), "wonen": ("2", False)}
    assert facet_counts(response, "neighbourhood") == {"oost": ("1", False), "west": ("3", False)}


def test_search_filters_combine_and_counts_follow(search_engine, client, city):
    response = client.get(url("search"), {"q": "groen", "theme": ["groen"], "neighbourhood": "west"})

    assert set(result_urls(response)) == {city["tuin_west"].url, city["project"].url}
    # Counts of a filter are those of the other filters' selection: choosing it adds results.
    assert facet_counts(response, "theme")["wonen"] == ("1", False)
    assert facet_counts(response, "neighbourhood")["oost"] == ("1", False)
    assert facet_counts(response, "type")["initiative"] == ("1", False)
    checked = [box["value"] for box in soup_of(response).select(".filters input[checked]")]
    assert checked == ["groen", "west"]

    several = client.get(url("search"), {"q": "groen", "theme": ["groen", "wonen"], "type": "initiative"})
    assert set(result_urls(several)) == {city["tuin_west"].url, city["tuin_oost"].url, city["huizen"].url}


def test_search_ignores_unknown_and_repeated_values(search_engine, client, city):
    response = client.get(url("search"), {"q": "groen", "theme": ["onbekend", "groen", "groen"], "type": "pitch"})
    assert response.status_code == 200
    assert len(result_urls(response)) == 4


def test_empty_result_suggests_removing_a_filter_and_shows_upcoming_events(search_engine, client, city, site_tree):
    event = factories.PitchEventPageFactory(parent=site_tree.events, title="Pitchavond in mei")
    response = client.get(url("search"), {"q": "groen", "theme": "sport"})
    text = soup_of(response).select_one("#discovery-results").get_text(" ")
    assert "Haal een filter weg" in text
    assert event.url in [a["href"] for a in soup_of(response).select("#discovery-results a")]


def test_search_never_returns_signups_private_pages_or_other_types(search_engine, client, city, site_tree):
    event = factories.PitchEventPageFactory(parent=site_tree.events, title="Pitchavond Zonnebloem")
    SignUp.objects.create(
        event_key=event.translation_key, event=event, name="Zonnebloem Jansen", email="z@example.org", seats=1,
        language="nl", status=SignUp.Status.CONFIRMED,
    )  # fmt: skip
    private = factories.InitiativePageFactory(parent=site_tree.initiatives, title="Zonnebloem besloten")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    response = client.get(url("search"), {"q": "zonnebloem"})
    assert result_urls(response) == [event.url]
    assert "Jansen" not in response.content.decode()
    assert {value for value, _label, _model in service.content_models()} == {
        "initiative", "event", "project", "story", "page",
    }  # fmt: skip


def test_search_queries_do_not_grow_with_the_number_of_pages(client, city, site_tree, django_assert_max_num_queries):
    client.get(url("search"), {"q": "groen", "theme": "groen"})  # warm caches (site, content types)
    cache.clear()  # the counts are cached until the next publish: measure them uncached
    with django_assert_max_num_queries(25) as few:
        client.get(url("search"), {"q": "groen", "theme": "groen"})
    for n in range(15):
        factories.InitiativePageFactory(parent=site_tree.initiatives, summary=f"Groen {n}", themes=[city["themes"][0]])
    cache.clear()
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url("search"), {"q": "groen", "theme": "groen"})


# --- Theme and neighbourhood pages ---------------------------------------------------------


def test_theme_and_neighbourhood_pages_gather_every_type(client, city):
    assert url("theme", slug="groen") == "/nl/thema/groen/"
    assert url("neighbourhood", slug="west") == "/nl/wijk/west/"
    assert url("theme", "en", slug="green") == "/en/theme/green/"
    assert url("neighbourhood", "en", slug="west") == "/en/neighbourhood/west/"

    theme_page = client.get(url("theme", slug="groen"))
    assert theme_page.status_code == 200
    assert soup_of(theme_page).h1.get_text(strip=True) == "Groen"
    assert set(result_urls(theme_page)) == {city[name].url for name in ("tuin_west", "tuin_oost", "project", "story")}
    wijk = client.get(url("neighbourhood", slug="west"), {"type": "initiative"})
    assert set(result_urls(wijk)) == {city["tuin_west"].url, city["huizen"].url}
    words = client.get(url("neighbourhood", slug="west"), {"q": "woongroep"})
    assert result_urls(words) == [city["huizen"].url]


def test_theme_and_search_pages_have_breadcrumbs_home(client, city, site_tree):
    def trail(response):
        return [
            (a.get_text(strip=True), a["href"], a.get("aria-current"))
            for a in soup_of(response).select(".breadcrumbs a")
        ]

    home = site_tree.home.url
    assert trail(client.get(url("theme", slug="groen"))) == [
        ("Home", home, None),
        ("Groen", "/nl/thema/groen/", "page"),
    ]
    assert trail(client.get(url("search"), {"q": "tuin"})) == [("Home", home, None), ("Zoeken", "/nl/zoeken/", "page")]
    assert trail(client.get(url("search", "en"))) == [("Home", "/en/", None), ("Search", "/en/search/", "page")]


def test_unknown_theme_is_not_found(client, city):
    assert client.get(url("theme", slug="bestaat-niet")).status_code == 404


# --- Overview pages ----------------------------------------------------------------------------


def test_initiatives_overview_filters_by_theme_neighbourhood_status_and_need(client, city, site_tree):
    index = site_tree.initiatives.url
    everything = client.get(index)
    assert facet_counts(everything, "theme") == {"groen": ("2", False), "sport": ("geen", True), "wonen": ("2", False)}
    assert facet_counts(everything, "status")["idea"] == ("2", False)
    assert facet_counts(everything, "need")["funding"] == ("1", False)

    response = client.get(index, {"theme": "wonen", "neighbourhood": "west"})
    assert card_urls(response) == [city["huizen"].url]
    assert client.get(index, {"status": "running"}).context["items"].object_list == [city["tuin_west"]]
    assert [p.pk for p in client.get(index, {"need": "funding"}).context["items"]] == [city["tuin_oost"].pk]
    none = client.get(index, {"theme": "sport"})
    assert "Haal een filter weg" in soup_of(none).select_one("#discovery-results").get_text(" ")


def test_initiatives_overview_combines_theme_neighbourhood_and_need(client, city, site_tree):
    index = site_tree.initiatives.url
    both = client.get(index, {"theme": "groen", "need": "funding"})
    assert [p.pk for p in both.context["items"]] == [city["tuin_oost"].pk]
    three = client.get(index, {"theme": "groen", "neighbourhood": "west", "need": "volunteers"})
    assert [p.pk for p in three.context["items"]] == [city["tuin_west"].pk]
    assert facet_counts(three, "need")["funding"] == ("geen", True)
    assert facet_counts(three, "theme") == {"groen": ("1", False), "sport": ("geen", True), "wonen": ("geen", True)}
    none = client.get(index, {"theme": "wonen", "neighbourhood": "oost", "need": "volunteers"})
    assert none.context["items"].paginator.count == 0


def test_initiatives_overview_counts_right_with_every_filter_chosen(client, city, site_tree):
    index = site_tree.initiatives.url
    # Status chosen, so the number of results cannot come from the status counts.
    ideas = client.get(index, {"theme": "wonen", "status": "idea"})
    assert ideas.context["items"].paginator.count == 2
    assert facet_counts(ideas, "status")["idea"] == ("2", False)
    assert facet_counts(ideas, "status")["running"] == ("geen", True)

    every = client.get(index, {"theme": "groen", "neighbourhood": "west", "status": "running", "need": "volunteers"})
    assert [p.pk for p in every.context["items"]] == [city["tuin_west"].pk]
    assert every.context["items"].paginator.count == 1
    assert facet_counts(every, "theme") == {"groen": ("1", False), "sport": ("geen", True), "wonen": ("geen", True)}
    assert facet_counts(every, "neighbourhood") == {"oost": ("geen", True), "west": ("1", False)}
    assert facet_counts(every, "status")["running"] == ("1", False)
    assert facet_counts(every, "need")["volunteers"] == ("1", False)


def test_an_initiative_with_two_needs_of_one_kind_counts_once(client, city, site_tree):
    before = facet_counts(client.get(site_tree.initiatives.url), "need")["volunteers"]
    factories.InitiativePageFactory(
        parent=site_tree.initiatives, needs=[("volunteers", "Opbouwen"), ("volunteers", "Opruimen")]
    ).save_revision().publish()
    after = facet_counts(client.get(site_tree.initiatives.url), "need")["volunteers"]
    assert int(after[0]) == int(before[0]) + 1


def test_initiatives_overview_sorts(client, city, site_tree):
    titles = [p.title for p in client.get(site_tree.initiatives.url, {"sort": "title"}).context["items"]]
    assert titles == sorted(titles)
    newest = [p.pk for p in client.get(site_tree.initiatives.url, {"sort": "bogus"}).context["items"]]
    oldest = [p.pk for p in client.get(site_tree.initiatives.url, {"sort": "oldest"}).context["items"]]
    assert newest == oldest[::-1]


def test_title_order_ignores_case(client, city, site_tree):
    for title in ("appeltuin aan de dijk", "Zwembad Noord", "Bankjes op het plein"):
        factories.InitiativePageFactory(parent=site_tree.initiatives, title=title).save_revision().publish()
    titles = [p.title for p in client.get(site_tree.initiatives.url, {"sort": "title"}).context["items"]]
    assert titles == sorted(titles, key=str.lower)
    assert titles.index("appeltuin aan de dijk") < titles.index("Bankjes op het plein")


def test_project_and_story_overviews_filter(client, city, site_tree):
    projects = client.get(site_tree.projects.url, {"neighbourhood": "west"})
    assert [p.pk for p in projects.context["items"]] == [city["project"].pk]
    assert "ladder" in {facet.name for facet in projects.context["facets"]}
    stories = client.get(site_tree.stories.url, {"theme": "wonen"})
    assert list(stories.context["items"]) == []


def test_project_overview_counts_status_and_ladder_over_the_other_filters(client, city, site_tree):
    factories.ParticipationProjectPageFactory(
        parent=site_tree.projects, title="Parkeren in Oost", ladder_rung="codecide", status="completed"
    )
    response = client.get(site_tree.projects.url, {"ladder": "advise", "status": "open"})
    assert [p.pk for p in response.context["items"]] == [city["project"].pk]
    assert facet_counts(response, "ladder")["advise"] == ("1", False)
    assert facet_counts(response, "ladder")["codecide"] == ("geen", True)  # it is completed
    assert facet_counts(response, "status")["open"] == ("1", False)
    assert facet_counts(response, "status")["completed"] == ("geen", True)  # it co-decides
    assert facet_counts(response, "theme")["groen"] == ("1", False)


def test_event_overview_filters_upcoming_and_past(client, site_tree, city):
    from datetime import timedelta

    from django.utils import timezone

    groen = city["themes"][0]
    soon = factories.PitchEventPageFactory(parent=site_tree.events, themes=[groen])
    past = factories.PitchEventPageFactory(
        parent=site_tree.events, start=timezone.now() - timedelta(days=30), themes=[groen]
    )
    factories.PitchEventPageFactory(parent=site_tree.events)
    response = client.get(site_tree.events.url, {"theme": "groen"})
    assert list(response.context["upcoming_events"]) == [soon]
    assert list(response.context["past_events"]) == [past]
    assert facet_counts(response, "when") == {"upcoming": ("1", False), "past": ("1", False)}
    only_past = client.get(site_tree.events.url, {"when": "past"})
    assert list(only_past.context["upcoming_events"]) == []
    assert facet_counts(only_past, "theme")["groen"] == ("1", False)  # the past event only
    assert facet_counts(only_past, "when")["upcoming"] == ("2", False)


def test_counts_need_no_query_of_their_own_between_publishes(client, city, site_tree, django_assert_max_num_queries):
    index = site_tree.initiatives.url
    client.get(index, {"theme": "groen"})
    client.get(index, {"theme": "wonen"})
    with CaptureQueriesContext(connection) as warm:
        client.get(index, {"theme": "wonen"})
    # The results and Wagtail's routing only: no query reads the themes of the whole set.
    assert not [query for query in warm.captured_queries if 'AS "theme_id"' in query["sql"]]
    factories.InitiativePageFactory(parent=site_tree.initiatives, themes=[city["themes"][1]])
    assert facet_counts(client.get(index, {"theme": "wonen"}), "theme")["wonen"] == ("3", False)


def test_an_overview_counts_its_results_once_until_the_next_publish(client, city, site_tree):
    index = site_tree.initiatives.url
    client.get(index, {"theme": "wonen"})
    with CaptureQueriesContext(connection) as warm:
        response = client.get(index, {"theme": "wonen"})
    assert response.context["items"].paginator.count == 2
    assert not [query["sql"] for query in warm.captured_queries if "COUNT(" in query["sql"].upper()]
    factories.InitiativePageFactory(parent=site_tree.initiatives, themes=[city["themes"][1]])
    assert client.get(index, {"theme": "wonen"}).context["items"].paginator.count == 3


def test_a_page_made_private_leaves_the_overview_and_its_counts_at_once(client, city, site_tree):
    index = site_tree.initiatives.url
    assert client.get(index, {"theme": "wonen"}).context["items"].paginator.count == 2
    PageViewRestriction.objects.create(page=city["huizen"], restriction_type=PageViewRestriction.PASSWORD, password="x")
    response = client.get(index, {"theme": "wonen"})
    assert response.context["items"].paginator.count == 1
    assert city["huizen"].url not in card_urls(response)
    assert facet_counts(response, "theme")["wonen"] == ("1", False)


def test_a_renamed_theme_shows_and_filters_at_once(client, city, site_tree):
    index = site_tree.initiatives.url
    client.get(index, {"theme": "wonen"})
    wonen = city["themes"][1]
    wonen.name, wonen.slug = "Wonen en bouwen", "wonen-en-bouwen"
    wonen.save()
    response = client.get(index, {"theme": "wonen-en-bouwen"})
    assert response.context["items"].paginator.count == 2
    assert ("Wonen en bouwen", True) in {
        (option.label, option.selected) for facet in response.context["facets"] for option in facet.options
    }


def test_overview_queries_do_not_grow(client, city, site_tree, django_assert_max_num_queries):
    params = {"theme": "groen", "status": "idea", "sort": "title"}
    client.get(site_tree.initiatives.url, params)
    cache.clear()
    with django_assert_max_num_queries(40) as few:
        client.get(site_tree.initiatives.url, params)
    for _n in range(15):
        factories.InitiativePageFactory(parent=site_tree.initiatives, status="idea", themes=[city["themes"][0]])
    cache.clear()
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(site_tree.initiatives.url, params)


def test_english_overview_and_search_filter_by_the_english_slugs(client, site_tree, translate):
    groen = factories.ThemeFactory(name="Groen", slug="groen", locale=site_tree.nl)
    green = groen.copy_for_translation(site_tree.en)
    green.name, green.slug = "Green", "green"
    green.save()
    page = factories.InitiativePageFactory(parent=site_tree.initiatives, summary="Een buurttuin.", themes=[groen])
    factories.InitiativePageFactory(parent=site_tree.initiatives, summary="Een buurttuin zonder thema.")
    translate(site_tree.initiatives, site_tree.en)
    translate(page, site_tree.en)
    english_index = site_tree.initiatives.get_translation(site_tree.en)
    english_page = page.get_translation(site_tree.en)

    response = client.get(english_index.url, {"theme": "green"})
    assert [p.pk for p in response.context["items"]] == [english_page.pk]
    assert facet_counts(response, "theme") == {"green": ("1", False)}
    themed = client.get(url("theme", "en", slug="green"))
    assert result_urls(themed) == [english_page.url]
    assert client.get(url("theme", "en", slug="groen")).status_code == 404
