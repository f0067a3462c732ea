"""The facet index (search/facets.py): built once per overview or search, it counts any
selection of filters without a query, and a publish brings it up to date by reading
only the pages published. Every count here is compared with a freshly built index."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests import factories

from .test_discovery import facet_counts

pytestmark = pytest.mark.django_db

FILTERS = ("theme", "neighbourhood", "status", "need")


def index_reads(captured):
    """The queries that read which page has which theme: the facet index being built
    (a subquery of the whole overview) or patched (the pages published, by id)."""
    return [query["sql"] for query in captured.captured_queries if 'AS "theme_id"' in query["sql"]]


def read_ids(sql):
    """The ids of the pages a read asks for by id (a small set), or None for a subquery."""
    found = re.search(r'"initiativepage_id" IN \(([\d, ]+)\)', sql)
    return {int(pk) for pk in found.group(1).split(",")} if found else None


def overview_ids(city):
    return {page.pk for name, page in city.items() if name in ("tuin_west", "tuin_oost", "huizen")}


def everything(response, names=FILTERS):
    return {name: facet_counts(response, name) for name in names}, response.context["items"].paginator.count


def counted(client, url, params, names=FILTERS):
    """The counts and number of results of `url`, from the kept index."""
    return everything(client.get(url, params), names)


def counted_afresh(client, url, params, names=FILTERS):
    """The same, from an index built from scratch."""
    cache.clear()
    return everything(client.get(url, params), names)


def test_any_selection_is_counted_from_the_index_built_once(client, city, site_tree):
    index = site_tree.initiatives.url
    with CaptureQueriesContext(connection) as first:
        client.get(index, {"theme": "groen"})
    [built] = index_reads(first)
    assert read_ids(built) == overview_ids(city)

    selection = {"theme": ["wonen", "groen"], "neighbourhood": "oost", "status": "idea"}
    with CaptureQueriesContext(connection) as other:
        response = client.get(index, selection)
    assert index_reads(other) == []
    assert everything(response) == counted_afresh(client, index, selection)


def test_a_publish_reads_only_the_page_published(client, city, site_tree):
    index = site_tree.initiatives.url
    client.get(index)
    huizen = city["huizen"]
    huizen.themes.add(city["themes"][2])  # sport
    huizen.save_revision().publish()

    with CaptureQueriesContext(connection) as after:
        response = client.get(index, {"theme": "sport"})
    [read] = index_reads(after)
    assert read_ids(read) == {huizen.pk}
    assert facet_counts(response, "theme")["sport"] == ("1", False)
    assert everything(response) == counted_afresh(client, index, {"theme": "sport"})


@pytest.mark.parametrize("selection", [{}, {"theme": "groen"}, {"neighbourhood": "west", "need": "funding"}])
def test_the_patched_index_counts_as_a_fresh_one_after_every_kind_of_publish(client, city, site_tree, selection):
    index = site_tree.initiatives.url
    groen, wonen, sport = city["themes"]

    def check():
        assert counted(client, index, selection) == counted_afresh(client, index, selection)

    client.get(index, selection)
    tuin = city["tuin_west"]  # a theme and a need changed
    tuin.themes.set([wonen])
    tuin.needs.all().delete()
    tuin.needs.create(kind="funding", description="Geld voor planten")
    tuin.status = "completed"
    tuin.save_revision().publish()
    check()

    city["tuin_oost"].unpublish()  # left out
    check()

    new = factories.InitiativePageFactory(  # a new page: a new bit
        parent=site_tree.initiatives, themes=[groen, sport], neighbourhoods=[city["west"]], needs=[("funding", "Geld")]
    )
    check()

    city["tuin_oost"].save_revision().publish()  # back again
    new.unpublish()
    check()


def test_a_move_or_a_theme_saved_builds_the_index_again(client, city, site_tree):
    index = site_tree.initiatives.url
    client.get(index)
    wonen = city["themes"][1]
    wonen.name = "Wonen en leven"
    wonen.save()
    with CaptureQueriesContext(connection) as after_theme:
        client.get(index)
    assert read_ids(index_reads(after_theme)[0]) == overview_ids(city)

    city["huizen"].move(site_tree.home, pos="last-child")
    with CaptureQueriesContext(connection) as after_move:
        response = client.get(index)
    assert read_ids(index_reads(after_move)[0]) == overview_ids(city) - {city["huizen"].pk}
    assert facet_counts(response, "theme")["wonen"] == ("1", False)  # only tuin_oost is left


def test_the_words_matches_are_kept_with_the_index_and_follow_a_publish(client, city, site_tree):
    with translation.override("nl"):
        search = reverse("search")
    params = {"q": "daken"}
    names = ("type", "theme", "neighbourhood")

    def results(response):
        return response.context["outcome"].count

    assert results(client.get(search, params)) == 1
    sport = city["themes"][2]
    page = factories.InitiativePageFactory(parent=site_tree.initiatives, title="Zonnepanelen", themes=[sport])
    response = client.get(search, params)
    assert results(response) == 1
    assert facet_counts(response, "theme")["sport"] == ("geen", True)

    page.title = "Daken vol zon"  # now it matches
    page.save_revision().publish()
    response = client.get(search, params)
    assert results(response) == 2
    assert facet_counts(response, "theme")["sport"] == ("1", False)
    kept = {name: facet_counts(response, name) for name in names}
    cache.clear()
    assert {name: facet_counts(client.get(search, params), name) for name in names} == kept

    page.unpublish()
    response = client.get(search, params)
    assert results(response) == 1
    assert facet_counts(response, "theme")["sport"] == ("geen", True)
