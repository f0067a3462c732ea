"""When the search server fails: searches skip it for a while and the database answers
at once; index writes are the worker's, retried until the server takes them, so the index
is whole again after an outage (search/indexing.py, search/service.py)."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseIndex

from search import indexing, service
from tests import factories

from .test_discovery import result_urls, url

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class Outage:
    """Makes the search server's index writes fail while `down` is true."""

    def __init__(self, monkeypatch):
        self.down = True
        for method in ("add_item", "add_items", "delete_item"):
            real = getattr(ElasticsearchBaseIndex, method)
            monkeypatch.setattr(ElasticsearchBaseIndex, method, self.failing(real))

    def failing(self, real):
        def write(index, *args, **kwargs):
            if self.down:
                raise ConnectionError("the search server is down")
            return real(index, *args, **kwargs)

        return write


def suggested(client, query):
    return [result["url"] for result in client.get(reverse("search_suggest"), {"q": query}).json()["results"]]


def run_worker(due_now=False):
    """What the worker does with the queue; with `due_now`, retries waiting for their
    delay are due at once."""
    if due_now:
        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    call_command("db_worker", batch=True, startup_delay=False, reload=False, interval=0, verbosity=0)


def test_writes_the_server_failed_are_retried_until_the_index_is_whole(
    keep_migrated_data, transactional_db, search_engine, client, site_tree, settings, monkeypatch
):
    if search_engine == "database":
        pytest.skip("an outage of the search server")
    settings.TASKS = DATABASE_QUEUE
    make = factories.InitiativePageFactory
    renamed = make(parent=site_tree.initiatives, title="Oude naam Rietkamp", summary="Groente.")
    removed = make(parent=site_tree.initiatives, title="Verdwijnt Rietkamp", summary="Groente.")
    run_worker()
    assert len(result_urls(client.get(url("search"), {"q": "rietkamp"}))) == 2

    outage = Outage(monkeypatch)
    published = make(parent=site_tree.initiatives, title="Nieuw in Rietkamp", summary="Groente.")
    renamed.title = "Nieuwe naam Polderzicht"
    renamed.save_revision().publish()
    removed.delete()
    run_worker()  # the database backend takes the writes; the server fails them
    retries = DBTaskResult.objects.filter(status="READY")
    assert retries.count() >= 3
    assert all(result.run_after > timezone.now() for result in retries)
    assert suggested(client, "Nieuw in") == []  # and kept in the public cache

    outage.down = False
    run_worker(due_now=True)
    assert suggested(client, "Nieuw in") == [published.url]  # the server's write started a new generation
    assert not DBTaskResult.objects.filter(status="READY").exists()
    assert result_urls(client.get(url("search"), {"q": "rietkamp"})) == [published.url]
    assert result_urls(client.get(url("search"), {"q": "polderzicht"})) == [renamed.url]
    assert result_urls(client.get(url("search"), {"q": "verdwijnt"})) == []


def test_the_index_is_made_with_its_settings_before_the_first_write(search_engine, site_tree, settings):
    if search_engine == "database":
        pytest.skip("the search server's index")
    from modelsearch.backends import get_search_backend
    from wagtail.models import Page

    backend = get_search_backend("default")
    index = backend.get_index_for_model(Page)
    index.delete()  # as on a new server, before seed_demo or the first publish
    indexing._prepared.discard(index.name)
    factories.InitiativePageFactory(parent=site_tree.initiatives, title="Eerste pagina")
    made = backend.es.indices.get_settings(index=index.name)[index.name]["settings"]["index"]
    assert made["analysis"]["filter"]["dutch_stemmer"] == {"type": "snowball", "language": "Dutch"}
    assert made["number_of_replicas"] == "0"


def test_a_failing_server_is_skipped_for_a_while(client, site_tree, settings, monkeypatch, caplog):
    """After one failure, searches and suggestions answer from the database at once
    (a hanging server would otherwise make each wait its full timeout)."""
    page = factories.InitiativePageFactory(parent=site_tree.initiatives, title="Buurtbus Molenbuurt")
    settings.SEARCH_ENGINE = "elasticsearch9"
    settings.WAGTAILSEARCH_BACKENDS = {
        **settings.WAGTAILSEARCH_BACKENDS,
        "default": {"BACKEND": "modelsearch.backends.elasticsearch9", "URLS": ["http://127.0.0.1:1"], "TIMEOUT": 1},
        "database": settings.DATABASE_SEARCH_BACKEND,
    }
    asked = []
    real = service.engine_search
    monkeypatch.setattr(service, "engine_search", lambda *args: asked.append(args) or real(*args))

    first = client.get(url("search"), {"q": "buurtbus"})
    assert result_urls(first) == [page.url]
    assert len(asked) == 1
    for _again in range(3):
        response = client.get(url("search"), {"q": "molenbuurt"})
        assert result_urls(response) == [page.url]
        assert "De zoekdienst is nu niet bereikbaar" in response.content.decode()
    assert len(asked) == 1  # not asked again while paused
    assert service.server_paused()
    service.cache.delete(service.SERVER_PAUSED_KEY)  # the pause is over
    client.get(url("search"), {"q": "buurtbus molenbuurt"})
    assert len(asked) == 2


def test_index_writes_are_the_workers_for_every_indexed_model():
    """Every indexed model is indexed by search/indexing.py's tasks, none by modelsearch's
    own handlers, which remove a deleted page inside the editor's request."""
    from django.db.models.signals import post_delete, post_save
    from modelsearch import signal_handlers
    from modelsearch.index import get_indexed_models

    for model in get_indexed_models():
        assert indexing.on_save in post_save._live_receivers(model)[0], model
        assert indexing.on_delete in post_delete._live_receivers(model)[0], model
        assert signal_handlers.post_save_signal_handler not in post_save._live_receivers(model)[0], model
        assert signal_handlers.post_delete_signal_handler not in post_delete._live_receivers(model)[0], model
