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
from django.urls import reverse
from django.utils import translation
from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend
from modelsearch.query import PlainText
from wagtail.models import Locale

from initiatives.models import InitiativePage
from search import service
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
        analyzer = backends["default"]["INDEX_SETTINGS"]["settings"]["analysis"]["analyzer"]["default"]
        assert analyzer["filter"] == ["lowercase", "asciifolding", "dutch_stop", "dutch_stemmer"]


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
