"""Keeping the search indexes up to date, in the task worker, never in a request.

modelsearch indexes a saved object in a task, but removes a deleted one inside the
request, and a write the search server fails is logged and lost: a page published
while the server was down stayed missing until `update_index` was run by hand. Here
every write (a save or a delete of any indexed model) is a task of the worker; a backend
that fails (a search server that cannot be reached) is tried again by the worker, later
and later (RETRY_DELAYS), until it succeeds. The database backends are written in the
same task and fail it outright, as a database error should.

Before its first write in a process, a search server's index is made with its settings
(the Dutch analysis) and mappings if it does not exist yet: a server left to create it
on the first write would make it without them.
"""

import logging
from datetime import timedelta

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django_tasks import task
from modelsearch.backends import get_search_backends_with_name
from modelsearch.index import get_indexed_instance, get_indexed_models

from pages import publiccache

logger = logging.getLogger(__name__)

#: Seconds before a failed write is tried again: the n-th retry waits the n-th delay,
#: and every later one the last.
RETRY_DELAYS = (30, 60, 300, 900, 3600)

_prepared = set()  # names of the server indexes this process made sure of


def prepare_index(backend, model):
    """Make sure a search server's index for `model` exists with its settings and the
    mappings of every model it holds. A database backend needs nothing."""
    get_index = getattr(backend, "get_index_for_model", None)
    if get_index is None or not hasattr(backend, "es"):
        return
    index = get_index(model)
    if index.name in _prepared:
        return
    if not index.exists():
        index.put()
        for other in get_indexed_models():
            if get_index(other).name == index.name:
                index.add_model(other)
    _prepared.add(index.name)


def write(app_label, model_name, pk, *, backends, attempt, remove):
    """Add (or remove) one object in each backend; the names of those that failed."""
    model = apps.get_model(app_label, model_name)
    instance = None if remove else model.objects.filter(pk=pk).first()
    if instance is None:
        remove, instance = True, model(pk=pk)  # gone before the worker came to it
    else:
        instance = get_indexed_instance(instance)
        if instance is None:  # no longer indexed (a page of a type that is not)
            return []
    failed, server_written = [], False
    # Every backend, the server's too: it is configured with AUTO_UPDATE False so that
    # modelsearch's direct writes (Wagtail's image and document forms) leave it to this.
    for name, backend in get_search_backends_with_name():
        if backends is not None and name not in backends:
            continue
        try:
            prepare_index(backend, model)
            backend.delete(instance) if remove else backend.add(instance)
            server_written = server_written or backend.catch_indexing_errors
        except Exception:
            if not backend.catch_indexing_errors:
                raise  # a database backend: the error belongs to the task
            logger.exception(
                "Search backend %r could not %s %s %s (attempt %d); the worker tries again",
                name,
                "remove" if remove else "index",
                model_name,
                pk,
                attempt + 1,
            )
            failed.append(name)
    if server_written:
        # A search server's answers change without a write to the database, which is
        # what starts a new generation of the public cache otherwise (suggestions).
        publiccache.bump()
    return failed


def again(task_function, app_label, model_name, pk, failed, attempt):
    """Queue the write again for the backends that failed, after a delay."""
    backend = task_function.get_backend()
    if not backend.supports_defer:
        logger.error("The task backend cannot delay tasks: the failed index write is not retried")
        return
    delay = RETRY_DELAYS[min(attempt, len(RETRY_DELAYS) - 1)]
    task_function.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(
        app_label, model_name, pk, backends=failed, attempt=attempt + 1
    )


@task()
def index_object(app_label, model_name, pk, backends=None, attempt=0):
    """Index the object as it is now (or remove it, if it has gone)."""
    failed = write(app_label, model_name, pk, backends=backends, attempt=attempt, remove=False)
    if failed:
        again(index_object, app_label, model_name, pk, failed, attempt)


@task()
def remove_object(app_label, model_name, pk, backends=None, attempt=0):
    """Remove a deleted object from the indexes."""
    failed = write(app_label, model_name, pk, backends=backends, attempt=attempt, remove=True)
    if failed:
        again(remove_object, app_label, model_name, pk, failed, attempt)


def on_save(sender, instance, raw=False, **kwargs):
    if not raw:
        index_object.enqueue(instance._meta.app_label, instance._meta.model_name, str(instance.pk))


def on_delete(sender, instance, **kwargs):
    remove_object.enqueue(instance._meta.app_label, instance._meta.model_name, str(instance.pk))


def take_over_index_updates():
    """Index every indexed model through these tasks instead of modelsearch's own signal
    handlers, which it then leaves out (`search_auto_update`); called by the search app
    before modelsearch connects its handlers."""
    # Chosen before any is changed: a subclass inherits the attribute from its parent.
    taken = [model for model in get_indexed_models() if getattr(model, "search_auto_update", True)]
    for model in taken:
        model.search_auto_update = False
        post_save.connect(on_save, sender=model, dispatch_uid=f"search-index-{model._meta.label}")
        post_delete.connect(on_delete, sender=model, dispatch_uid=f"search-unindex-{model._meta.label}")
