"""The shared search suite: the tests that use `search_engine` run once per engine, with
the same assertions (results, counts, index updates). On these machines that is the
database backend (on SQLite, or on PostgreSQL with DATABASE_URL); with ELASTICSEARCH_URL
set, the same tests run again on that server (SEARCH_ENGINE picks its version), on
indexes of their own that are removed afterwards."""

import os

import pytest
from django.conf import settings as django_settings
from django.utils.crypto import get_random_string
from modelsearch.backends import get_search_backend
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseIndex
from modelsearch.index import get_indexed_models
from wagtail.models import Page

from search import service
from tests import factories

SERVER = os.environ.get("ELASTICSEARCH_URL")

ENGINES = [
    "database",
    pytest.param(
        "server",
        marks=[pytest.mark.elasticsearch, pytest.mark.skipif(not SERVER, reason="ELASTICSEARCH_URL not set")],
    ),
]


def refreshing(write):
    """An index write followed by a refresh, so that a search right after a save sees it
    (as the database backend does); in production the engine refreshes every second."""

    def write_and_refresh(index, *args, **kwargs):
        result = write(index, *args, **kwargs)
        index.refresh()
        return result

    return write_and_refresh


def server_failed():
    pytest.fail("the search server failed, and the database backend answered instead (see the log above)")


@pytest.fixture(params=ENGINES)
def search_engine(request, settings, monkeypatch):
    """The engine of this run of a shared search test: "database" or "server"."""
    if request.param == "database":
        settings.SEARCH_ENGINE = "database"
        settings.WAGTAILSEARCH_BACKENDS = {"default": django_settings.DATABASE_SEARCH_BACKEND}
        yield request.param
        return
    server = django_settings.SEARCH_SERVER  # portal/settings/test.py, from ELASTICSEARCH_URL
    prefix = f"test_{get_random_string(6).lower()}_"
    settings.SEARCH_ENGINE = server["engine"]
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {**server["backend"], "INDEX_PREFIX": prefix},
        "database": django_settings.DATABASE_SEARCH_BACKEND,
    }
    for method in ("add_item", "add_items", "delete_item"):
        monkeypatch.setattr(ElasticsearchBaseIndex, method, refreshing(getattr(ElasticsearchBaseIndex, method)))
    # A server test that the database answered is a failed test: the search falls back to
    # the database backend only when the server failed (search/service.py).
    monkeypatch.setattr(service, "fallback_backend", server_failed)
    backend = get_search_backend("default")
    # The pages' index with its mapping and Dutch analysis, before any page is saved
    # (saving first would let the server create it without them).
    index = backend.get_index_for_model(Page)
    index.reset()
    for model in get_indexed_models():
        if issubclass(model, Page):
            index.add_model(model)
    yield request.param
    for name in backend.es.indices.get(index=f"{prefix}*"):
        backend.es.indices.delete(index=name)


@pytest.fixture
def city(site_tree):
    """Pages of several types about 'groen', with themes and neighbourhoods."""
    groen = factories.ThemeFactory(name="Groen", slug="groen", locale=site_tree.nl)
    wonen = factories.ThemeFactory(name="Wonen", slug="wonen", locale=site_tree.nl)
    sport = factories.ThemeFactory(name="Sport", slug="sport", locale=site_tree.nl)
    west = factories.NeighbourhoodFactory(name="West", slug="west", locale=site_tree.nl)
    oost = factories.NeighbourhoodFactory(name="Oost", slug="oost", locale=site_tree.nl)
    pages = {
        "tuin_west": factories.InitiativePageFactory(
            parent=site_tree.initiatives,
            title="Groene tuin West",
            summary="Meer groen in de straat.",
            status="running",
            themes=[groen],
            neighbourhoods=[west],
            needs=[("volunteers", "Handen")],
        ),
        "tuin_oost": factories.InitiativePageFactory(
            parent=site_tree.initiatives,
            title="Groene daken Oost",
            summary="Groen op de daken.",
            status="idea",
            themes=[groen, wonen],
            neighbourhoods=[oost],
            needs=[("funding", "Geld")],
        ),
        "huizen": factories.InitiativePageFactory(
            parent=site_tree.initiatives,
            title="Woongroep",
            summary="Samen wonen, met een groen hart.",
            status="idea",
            themes=[wonen],
            neighbourhoods=[west],
        ),
        "project": factories.ParticipationProjectPageFactory(
            parent=site_tree.projects,
            title="Groen plein",
            summary="Een groen plein in West.",
            themes=[groen],
            neighbourhoods=[west],
        ),
        "story": factories.PolicyFeedbackStoryPageFactory(
            parent=site_tree.stories, title="Jij zei: groen", summary="Wat we met groen deden.", themes=[groen]
        ),
    }
    return {"themes": (groen, wonen, sport), "west": west, "oost": oost, **pages}
