"""The search engines behind the one search service: SEARCH_ENGINE picks modelsearch's
backend, the Elasticsearch index gets a Dutch analyzer, the queries built for filters are
checked without a server, and an unreachable server falls back to the database backend
with a notice and a logged error (publishing still works)."""

import json
import logging
import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.contrib.contenttypes.models import ContentType
from django.http import QueryDict
from django.urls import reverse
from django.utils import translation
from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend, Elasticsearch9SearchResults
from modelsearch.query import PlainText
from wagtail.models import Locale

from initiatives.models import InitiativePage, PitchEventPage
from participation.models import ParticipationProjectPage, PolicyFeedbackStoryPage
from search import service
from search.engine import BUCKETS, EngineSearch
from tests import factories
from tests.helpers import soup_of

UNREACHABLE = "http://127.0.0.1:1"  # nothing listens there: connections are refused at once


def backends_for(**env):
    """WAGTAILSEARCH_BACKENDS as portal/settings/base.py builds it for this environment."""
    clean = {
        k: v for k, v in os.environ.items() if k not in ("SEARCH_ENGINE", "ELASTICSEARCH_URL", "ELASTICSEARCH_VERSION")
    }
    code = (
        "import json; from portal.settings import base;"
        "print(json.dumps([base.SEARCH_ENGINE, base.WAGTAILSEARCH_BACKENDS]))"
    )
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], env={**clean, **env}, cwd=django_settings.BASE_DIR, capture_output=True, text=True
    )
    if done.returncode:
        return done.stderr.strip().splitlines()[-1]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    "env, engine, backend",
    [
        ({}, "database", "search.backends.database"),
        ({"ELASTICSEARCH_URL": "http://es:9200"}, "elasticsearch9", "modelsearch.backends.elasticsearch9"),
        ({"ELASTICSEARCH_URL": "http://es:9200", "ELASTICSEARCH_VERSION": "7"}, "elasticsearch7", None),
        ({"ELASTICSEARCH_URL": "http://es:9200", "SEARCH_ENGINE": "opensearch3"}, "opensearch3", None),
        ({"ELASTICSEARCH_URL": "http://es:9200", "SEARCH_ENGINE": "opensearch2"}, "opensearch2", None),
        ({"ELASTICSEARCH_URL": "http://es:9200", "SEARCH_ENGINE": "elasticsearch8"}, "elasticsearch8", None),
    ],
    ids=["default-database", "url-means-newest", "legacy-version", "opensearch3", "opensearch2", "elasticsearch8"],
)
def test_search_engine_setting_picks_the_backend(env, engine, backend):
    chosen, backends = backends_for(**env)
    assert chosen == engine
    assert backends["default"]["BACKEND"] == (backend or f"modelsearch.backends.{engine}")
    if engine != "database":
        assert backends["database"] == {"BACKEND": "search.backends.database"}
        assert backends["default"]["URLS"] == ["http://es:9200"]
        # Written by the worker's tasks only, never by modelsearch inside a request.
        assert backends["default"]["AUTO_UPDATE"] is False
        analyzer = backends["default"]["INDEX_SETTINGS"]["settings"]["analysis"]["analyzer"]["default"]
        assert analyzer["filter"] == ["lowercase", "dutch_stop", "dutch_stemmer"]
        analysis = backends["default"]["INDEX_SETTINGS"]["settings"]["analysis"]
        # Snowball's classic Dutch, as PostgreSQL and search/dutch.py (not the `dutch`
        # analyzer, whose stem overrides the other engines do not have).
        assert analysis["filter"]["dutch_stemmer"] == {"type": "snowball", "language": "Dutch"}
        assert backends["default"]["INDEX_SETTINGS"]["settings"]["index"]["number_of_replicas"] == 0


@pytest.mark.parametrize(
    "env, message",
    [({"SEARCH_ENGINE": "solr"}, "is not one of"), ({"SEARCH_ENGINE": "elasticsearch8"}, "needs ELASTICSEARCH_URL")],
    ids=["unknown-engine", "engine-without-url"],
)
def test_a_wrong_search_engine_setting_fails_loudly(env, message):
    assert message in backends_for(**env)


def elasticsearch_params():
    """The settings' Elasticsearch entry for a server that is not there."""
    return {
        "URLS": [UNREACHABLE],
        "INDEX_PREFIX": "test_meedoen_",
        "TIMEOUT": 1,
        "INDEX_SETTINGS": {
            "settings": {
                "analysis": {
                    "filter": {
                        "dutch_stop": {"type": "stop", "stopwords": "_dutch_"},
                        "dutch_stemmer": {"type": "stemmer", "language": "dutch"},
                    },
                    "analyzer": {
                        "default": {
                            "type": "custom",
                            "tokenizer": "standard",
                            "filter": ["lowercase", "asciifolding", "dutch_stop", "dutch_stemmer"],
                        }
                    },
                }
            }
        },
    }


def test_elasticsearch_index_has_the_dutch_analyzer_beside_modelsearchs_own():
    backend = Elasticsearch9SearchBackend(elasticsearch_params())
    analysis = backend.settings["settings"]["analysis"]
    assert analysis["analyzer"]["default"]["filter"][-2:] == ["dutch_stop", "dutch_stemmer"]
    assert analysis["filter"]["dutch_stemmer"] == {"type": "stemmer", "language": "dutch"}
    # modelsearch's autocomplete analyzers stay in place.
    assert {"edgengram_analyzer"} <= set(analysis["analyzer"])


def test_elasticsearch_mapping_indexes_the_text_and_the_filters(db):
    mapping = Elasticsearch9SearchBackend(elasticsearch_params()).mapping_class(InitiativePage).get_mapping()
    properties = mapping["properties"]
    fields = json.dumps(properties)
    for name in ("summary", "body", "public_owner"):
        assert name in fields
    for name in ("live_filter", "locale_id_filter", "content_type_id_filter", "path_filter", "status_filter"):
        assert name in fields, name
    assert "contact_email" not in fields  # never in the index


def test_elasticsearch_query_carries_the_public_filters(site_tree):
    backend = Elasticsearch9SearchBackend(elasticsearch_params())
    with translation.override("nl"):
        pages = service.searchable_pages(Locale.objects.get(language_code="nl"))
    compiler = backend.query_compiler_class(pages, PlainText("buurttuinen"), order_by_relevance=False)
    query = json.dumps(compiler.get_query())
    assert "buurttuinen" in query
    for name in ("live_filter", "locale_id_filter", "content_type_id_filter"):
        assert name in query, name


@pytest.fixture
def unreachable_elasticsearch(settings):
    """Elasticsearch 9 as the engine, at an address where nothing listens."""
    settings.SEARCH_ENGINE = "elasticsearch9"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "modelsearch.backends.elasticsearch9", **elasticsearch_params()},
        "database": {"BACKEND": "search.backends.database"},
    }


def test_unreachable_server_falls_back_to_the_database(client, site_tree, unreachable_elasticsearch, caplog):
    caplog.set_level(logging.ERROR)
    # Publishing still works (modelsearch logs the failed index update) and the database
    # index beside it is kept up to date.
    page = factories.InitiativePageFactory(parent=site_tree.initiatives, summary="Een nieuwe fietsenstalling.")
    caplog.clear()
    with translation.override("nl"):
        response = client.get(reverse("search"), {"q": "fietsenstallingen"})
        suggestions = client.get(reverse("search_suggest"), {"q": page.title[:6]})

    assert response.status_code == 200
    assert page.url in [a["href"] for a in soup_of(response).select(".search-result__title a")]
    notice = soup_of(response).select_one(".notice")
    assert notice is not None and "niet bereikbaar" in notice.get_text()
    assert any("database backend instead" in record.getMessage() for record in caplog.records)
    assert [r["url"] for r in suggestions.json()["results"]] == [page.url]


def test_database_search_shows_no_notice(client, site_tree):
    factories.InitiativePageFactory(parent=site_tree.initiatives, summary="Een buurttuin.")
    with translation.override("nl"):
        response = client.get(reverse("search"), {"q": "buurttuin"})
    assert soup_of(response).select_one(".notice") is None


# --- Facets from the engine's aggregations, checked without a server ----------------------

THEMES = "pages_taxonomymixin__theme_ids_filter"  # one field that every page type shares
NEIGHBOURHOODS = "pages_taxonomymixin__neighbourhood_ids_filter"


def engine_search(params, query="groen", page=1):
    """The EngineSearch the site search builds for `params` (on the configured engine)."""
    locale = Locale.objects.get(language_code="nl")
    with translation.override("nl"):
        pages = service.searchable_pages(locale)
        filters, taxonomy_models = service.site_filters(locale)
    return EngineSearch(pages, query, filters, taxonomy_models, QueryDict(params), per_page=12, page=page)


def test_mapping_and_documents_hold_the_ids_of_themes_and_neighbourhoods(city):
    backend = Elasticsearch9SearchBackend(elasticsearch_params())
    for model in (InitiativePage, PitchEventPage, ParticipationProjectPage, PolicyFeedbackStoryPage):
        properties = backend.mapping_class(model).get_mapping()["properties"]
        assert properties[THEMES] == {"type": "long"} and properties[NEIGHBOURHOODS] == {"type": "long"}
    groen, wonen, _sport = city["themes"]
    page = city["tuin_oost"]
    document = backend.mapping_class(InitiativePage).get_document(InitiativePage.objects.get(pk=page.pk))
    assert document[THEMES] == sorted([groen.pk, wonen.pk]) and document[NEIGHBOURHOODS] == [city["oost"].pk]
    # A page being published holds its themes in memory (from the revision), not yet as
    # rows: the document has their ids all the same.
    edited = page.get_latest_revision_as_object()
    edited.themes = [wonen]
    assert backend.mapping_class(InitiativePage).get_document(edited)[THEMES] == [wonen.pk]


def test_engine_body_counts_each_facet_within_the_other_facets_selection(unreachable_elasticsearch, city):
    groen, west = city["themes"][0], city["west"]
    search = engine_search("theme=groen&neighbourhood=west&theme=onbekend")
    body = search.body()

    theme, place = {"terms": {THEMES: [groen.pk]}}, {"terms": {NEIGHBOURHOODS: [west.pk]}}
    # The hits: the words and the public filters, narrowed by every selection afterwards.
    assert "groen" in json.dumps(body["query"]) and "live_filter" in json.dumps(body["query"])
    assert body["post_filter"] == {"bool": {"filter": [theme, place]}}
    # Each facet counts within the selections of the others, per index field.
    aggregations = body["aggregations"]
    assert aggregations["type"]["filter"] == {"bool": {"filter": [theme, place]}}
    assert aggregations["theme"]["filter"] == {"bool": {"filter": [place]}}
    assert aggregations["neighbourhood"]["filter"] == {"bool": {"filter": [theme]}}
    assert aggregations["theme"]["aggregations"] == {THEMES: {"terms": {"field": THEMES, "size": BUCKETS}}}
    assert aggregations["type"]["aggregations"] == {
        "content_type_id_filter": {"terms": {"field": "content_type_id_filter", "size": BUCKETS}}
    }
    assert body["sort"] == [{"first_published_at_filter": {"order": "desc"}}, {"id_filter": {"order": "desc"}}]
    assert body["track_total_hits"] is True
    # Without a selection nothing narrows the hits, and every facet counts all of them.
    plain = engine_search("").body()
    assert "post_filter" not in plain
    assert {name: facet["filter"] for name, facet in plain["aggregations"].items()} == {
        "type": {"match_all": {}}, "theme": {"match_all": {}}, "neighbourhood": {"match_all": {}},
    }  # fmt: skip


def test_engine_body_filters_the_type_by_content_type(unreachable_elasticsearch, city):
    body = engine_search("type=initiative&type=story").body()
    ids = [ContentType.objects.get_for_model(m).pk for m in (InitiativePage, PolicyFeedbackStoryPage)]
    assert body["post_filter"] == {"bool": {"filter": [{"terms": {"content_type_id_filter": ids}}]}}
    assert "aggregations" not in engine_search("type=initiative").body(aggregations=False)


def bucket_response(total, pks, aggregations):
    """A search response as Elasticsearch 7 and later answer it."""
    return {
        "hits": {
            "total": {"value": total, "relation": "eq"},
            "hits": [{"_id": str(pk), "_score": None, "fields": {"pk": [str(pk)]}} for pk in pks],
        },
        "aggregations": aggregations,
    }


def test_engine_response_becomes_the_facets_and_the_hits(unreachable_elasticsearch, city, site_tree):
    groen, wonen, _sport = city["themes"]
    english_groen = groen.copy_for_translation(site_tree.en)
    english_groen.save()
    search = engine_search("theme=groen")
    initiative_type = ContentType.objects.get_for_model(InitiativePage).pk
    search._response = bucket_response(
        30,
        [city["tuin_west"].pk, city["project"].pk],
        {
            "type": {
                "doc_count": 4,
                "content_type_id_filter": {"buckets": [{"key": initiative_type, "doc_count": 3}]},
            },
            "theme": {
                "doc_count": 9,
                # A page translated to English points at the English row of a theme: the
                # same option. A row no option knows (deleted since) counts for nothing.
                THEMES: {
                    "buckets": [
                        {"key": groen.pk, "doc_count": 3},
                        {"key": wonen.pk, "doc_count": 2},
                        {"key": str(english_groen.pk), "doc_count": 1},
                        {"key": 999999, "doc_count": 5},
                    ]
                },
            },
            "neighbourhood": {"doc_count": 3, NEIGHBOURHOODS: {"buckets": [{"key": city["west"].pk, "doc_count": 3}]}},
        },
    )

    facets = {facet.name: {o.value: (o.count, o.selected) for o in facet.options} for facet in search.facets()}
    assert facets["type"] == {
        "initiative": (3, False), "event": (0, False), "project": (0, False), "story": (0, False), "page": (0, False),
    }  # fmt: skip
    assert facets["theme"] == {"groen": (4, True), "sport": (0, False), "wonen": (2, False)}
    assert facets["neighbourhood"] == {"oost": (0, False), "west": (3, False)}
    hits = search.hits()
    assert hits.count() == 30
    assert hits[0:12] == [city["tuin_west"].pk, city["project"].pk]


class RecordedEngine:
    """Stands in for the server's search endpoint: records each request body and answers
    with the hits and buckets it was given (the real server runs behind ELASTICSEARCH_URL)."""

    def __init__(self, response):
        self.response, self.requests = response, []

    def install(self, monkeypatch):
        def search(results, body, **kwargs):
            self.requests.append((body, kwargs))
            if isinstance(self.response, Exception):
                raise self.response
            return self.response

        monkeypatch.setattr(Elasticsearch9SearchResults, "_backend_do_search", search)
        return self


def test_site_search_on_the_engine_shows_its_hits_and_counts_from_one_request(
    client, unreachable_elasticsearch, city, monkeypatch
):
    west, groen = city["west"], city["themes"][0]
    order = [city["project"], city["tuin_west"]]
    engine = RecordedEngine(
        bucket_response(
            len(order),
            [page.pk for page in order],
            {
                "neighbourhood": {
                    "doc_count": 2,
                    NEIGHBOURHOODS: {"buckets": [{"key": west.pk, "doc_count": 2}]},
                }
            },  # fmt: skip
        )
    )
    engine.install(monkeypatch)
    with translation.override("nl"):
        response = client.get(reverse("search"), {"q": "groen", "theme": "groen"})
        page_two = client.get(reverse("search"), {"q": "groen", "page": "2"})

    assert [a["href"] for a in soup_of(response).select(".search-result__title a")] == [p.url for p in order]
    counts = {
        box["value"]: box.find_parent("li").select_one("[data-facet-count]").get_text(" ", strip=True)
        for box in soup_of(response).select('.filters input[name="neighbourhood"]')
    }
    assert counts["west"].startswith("(2") and "geen" in counts["oost"]
    assert soup_of(response).select_one(".notice") is None
    body, kwargs = engine.requests[0]
    assert kwargs["from_"] == 0 and kwargs["size"] == 12 and kwargs["_source"] is False
    assert body["post_filter"] == {"bool": {"filter": [{"terms": {THEMES: [groen.pk]}}]}}
    # Page 2 of two hits is out of range: the paginator shows the last page, asked anew.
    assert page_two.status_code == 200
    assert [kwargs["from_"] for _body, kwargs in engine.requests[1:]] == [12, 0]


def test_a_failing_engine_request_falls_back_to_the_database(
    client, unreachable_elasticsearch, city, monkeypatch, caplog
):
    RecordedEngine(ConnectionError("down")).install(monkeypatch)
    with translation.override("nl"):
        response = client.get(reverse("search"), {"q": "groen", "theme": "groen"})
    urls = {a["href"] for a in soup_of(response).select(".search-result__title a")}
    assert urls == {city[name].url for name in ("tuin_west", "tuin_oost", "project", "story")}
    assert "niet bereikbaar" in soup_of(response).select_one(".notice").get_text()
    assert any("database backend instead" in record.getMessage() for record in caplog.records)


def test_a_client_that_does_not_fit_the_engine_is_a_start_up_error(settings):
    import elasticsearch

    from search.checks import search_client_fits_engine

    installed = elasticsearch.VERSION[0]
    settings.SEARCH_ENGINE = f"elasticsearch{installed}"
    assert search_client_fits_engine() == []
    settings.SEARCH_ENGINE = f"elasticsearch{installed - 1}"
    (error,) = search_client_fits_engine()
    assert error.id == "search.E002"
    assert f"elasticsearch client {installed - 1}.x" in error.msg
    assert f"pip install 'elasticsearch>={installed - 1},<{installed}'" in error.hint
    settings.SEARCH_ENGINE = "database"
    assert search_client_fits_engine() == []


def test_a_missing_client_is_a_start_up_error(settings, monkeypatch):
    import importlib

    from search import checks

    real_import = importlib.import_module

    def without_opensearch(name, *args):
        if name == "opensearchpy":
            raise ImportError(name)
        return real_import(name, *args)

    monkeypatch.setattr(checks.importlib, "import_module", without_opensearch)
    settings.SEARCH_ENGINE = "opensearch3"
    (error,) = checks.search_client_fits_engine()
    assert error.id == "search.E001"
    assert "opensearch-py" in error.msg
