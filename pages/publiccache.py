"""One cache for public answers, under one rule: every answer is kept under the current
content *generation*, and any write that can change public output starts a new one.

- `generation()` is a number in the shared cache (Redis in production, so every app server
  and worker sees the same one), read once per request (`CachedSiteMiddleware`).
- `connect()` bumps it from Django's model signals for *every* model (post_save,
  post_delete, m2m_changed) and from Wagtail's page move, except those whose rows never
  change a public answer: `IGNORED_MODELS` (sessions, logs, image renditions) and our own
  models that say so (`changes_public_output = False`: what residents hand in). A new
  model bumps it by default, whatever path writes it: an alias, a synchronised
  translation, a view restriction, a snippet, an image, a setting. A write inside a
  transaction bumps it again once the transaction commits, so an answer computed in
  between from the data before the commit is out of date as well.
- Every key also names the release (`release()`, a hash of the code, templates and
  catalogs): a new release starts from an empty cache.
- Answers are kept for at most PUBLIC_CACHE_SECONDS (`timeout()`), never refreshed: an
  entry is written once, with that lifetime, and read until it expires or the generation
  moves on.

What is live per request (seats left, the CSRF token, a resident's own form state) is never
kept here: pages themselves are rendered on each request from cached fragments.
"""

import hashlib
import time
from contextvars import ContextVar
from functools import lru_cache, wraps
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http.request import split_domain_port
from django.utils import translation
from django.utils.cache import patch_cache_control
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import post_page_move

from .models import MunicipalitySettings

GENERATION_KEY = "publiccache:generation"

#: Models (app_label.model_name, or a whole app by its label) whose rows never change a
#: public answer: writing them keeps the cache. Everything else starts a new generation.
IGNORED_MODELS = frozenset(
    {
        # Staff, logins, sessions and logs.
        "admin",
        "auth",
        "axes",
        "contenttypes",
        "otp_totp",
        "otp_static",
        "sessions",
        "wagtailadmin",
        "wagtailusers",
        "wagtailcore.comment",
        "wagtailcore.commentreply",
        "wagtailcore.modellogentry",
        "wagtailcore.pagelogentry",
        "wagtailcore.pagesubscription",
        "wagtailcore.referenceindex",
        "wagtailcore.taskstate",
        "wagtailcore.uploadedfile",
        "wagtailcore.workflowstate",
        # Made while a page is shown (an image's size on first use), and deleted only with
        # a change of their image, which is saved too.
        "wagtailimages.rendition",
        # What residents hand in; never public. (Our own apps' models say so themselves,
        # with `changes_public_output = False`; sign-ups do not: the API shows seats taken.)
        "wagtailforms.formsubmission",
        "wagtailsearchpromotions.querydailyhits",
        # The task queue: a queued e-mail or index write is not public output (the
        # index write itself is, and starts a new generation: search/indexing.py).
        "django_tasks_database",
    }
)

#: The generation as the current request read it (CachedSiteMiddleware): one cache lookup.
_request_generation = ContextVar("publiccache_generation", default=None)


def timeout():
    return getattr(settings, "MEEDOEN_PUBLIC_CACHE_SECONDS", 60)


def generation():
    known = _request_generation.get()
    if known is not None:
        return known
    value = cache.get(GENERATION_KEY)
    if value is None:
        # A new or emptied cache starts at the time in milliseconds, so a new count never
        # meets the numbers of an earlier one.
        cache.add(GENERATION_KEY, time.time_ns() // 1_000_000, timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def bump(**kwargs):
    """Start a new generation: every cached answer is out of date. Returns its number."""
    try:
        value = cache.incr(GENERATION_KEY)
    except ValueError:  # not in the cache (a new or emptied one): past any start there
        value = time.time_ns() // 1_000_000 + 1
        cache.set(GENERATION_KEY, value, timeout=None)
    if _request_generation.get() is not None:
        _request_generation.set(value)  # the request that wrote reads the new one
    return value


def is_ignored(model):
    """Whether writing `model` leaves the public cache as it is: it is in
    `IGNORED_MODELS`, or says so itself with `changes_public_output = False`."""
    meta = model._meta
    ignored = meta.app_label in IGNORED_MODELS or meta.label_lower in IGNORED_MODELS
    return ignored or not getattr(model, "changes_public_output", True)


def changed(sender, **kwargs):
    """A signal receiver for any model: a new generation now and once more after commit."""
    if kwargs.get("action", "post_").startswith("pre_") or is_ignored(sender):
        return
    bump()
    transaction.on_commit(bump, robust=True)


def connect():
    """Listen to every write (called from PagesConfig.ready)."""
    post_save.connect(changed, dispatch_uid="publiccache-saved")
    post_delete.connect(changed, dispatch_uid="publiccache-deleted")
    m2m_changed.connect(changed, dispatch_uid="publiccache-m2m")
    # Treebeard moves pages with UPDATE statements; Wagtail tells with its own signal.
    post_page_move.connect(changed, dispatch_uid="publiccache-moved")


@lru_cache(maxsize=1)
def release():
    """A hash of the project's own code, templates and compiled catalogs (once per process),
    part of every key: a new release starts from an empty cache, as a change of content
    does, since what is kept was rendered or pickled by the code before it."""
    root = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    folders = {root / "templates", *map(Path, settings.LOCALE_PATHS)}
    folders |= {Path(config.path) for config in apps.get_app_configs() if Path(config.path).parent == root}
    for path in sorted(
        path for folder in folders for path in folder.rglob("*") if path.suffix in (".py", ".html", ".mo")
    ):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def key(scope, *parts):
    """The cache key of one answer under this release and the current generation: `parts`
    are hashed."""
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:40]
    return f"publiccache:{release()}:{generation()}:{scope}:{digest}"


def request_key(scope, request, *parts):
    """`key` for an answer to `request`: its host and full path with the query string."""
    return key(scope, request.get_host(), request.get_full_path(), *parts)


def remember(cache_key, compute):
    """`compute()` (None too), kept under `cache_key` for timeout() seconds."""
    found = cache.get(cache_key)
    if found is None:
        found = (compute(),)
        cache.set(cache_key, found, timeout())
    return found[0]


def mark_public(response):
    """Let browsers and proxies keep a successful answer for as long as we do."""
    if response.status_code == 200:
        patch_cache_control(response, public=True, max_age=timeout())
    return response


def cached_view(scope):
    """Cache the 200 answers of a plain Django view (a feed) for anonymous GET requests."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method not in ("GET", "HEAD"):
                return view(request, *args, **kwargs)
            cache_key = request_key(scope, request)
            response = cache.get(cache_key)
            if response is None:
                response = view(request, *args, **kwargs)
                if response.status_code == 200 and not getattr(response, "streaming", False):
                    if callable(getattr(response, "render", None)):
                        response.render()
                    cache.set(cache_key, response, timeout())
            return mark_public(response)

        return wrapped

    return decorator


def private_q():
    """What `Page.objects.all().private_q()` gives (the pages in a private section and
    their descendants), with the sections from the cache: one query fewer per list."""
    sections = remember(
        key("private-sections"),
        lambda: sorted(PageViewRestriction.objects.values_list("page__path", "page__depth").distinct()),
    )
    q = Q()
    for path, depth in sections:
        q |= Q(path__startswith=path, depth__gte=depth)
    return q if q else Q(pk__in=[])  # as Wagtail's: no private section matches no page


def view_restrictions(page):
    """`page.get_view_restrictions()`, with which restrictions apply kept under the
    generation: none (no query at all) for a public page."""
    ids = remember(
        key("view-restrictions", page.pk),
        lambda: list(Page.get_view_restrictions(page).values_list("pk", flat=True)),
    )
    return PageViewRestriction.objects.filter(pk__in=ids) if ids else PageViewRestriction.objects.none()


def remember_route(page, request, serve_args, serve_kwargs):
    """A `before_serve_page` hook: keep the page a GET request was routed to, and how many
    parts of its address led there, so the next request for that address skips Wagtail's
    walk down the tree (two queries per level). Not kept: a route with parameters of the
    page's own (a resident's token), or one that came from the cache."""
    route_key = getattr(request, "_meedoen_route_key", None)
    if route_key is None or getattr(request, "_meedoen_cached_route", False):
        return
    if serve_args and (serve_args[1] or serve_args[2]):  # RoutablePageMixin's (view, args, kwargs)
        return
    levels, step = 0, page
    while getattr(step, "_cached_parent_obj", None) is not None:  # set by Page.route at each level
        levels, step = levels + 1, step._cached_parent_obj
    cache.set(route_key, (page, levels), timeout())


class CachedSiteMiddleware:
    """Read the generation once for the request, and hand Wagtail the request's Site and
    MunicipalitySettings from the cache, as `Site.find_for_request` and
    `MunicipalitySettings.for_request` keep them on the request: two queries fewer."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_generation.set(None)
        _request_generation.set(generation())
        try:
            hostname, port = split_domain_port(request._get_raw_host())[0], request.get_port()
            site = remember(key("site", hostname, port), lambda: Site._find_for_request(request))
            if site is not None:
                request._wagtail_site = site
                # Not for_site(), which creates the row: a request that needs no settings
                # (the API) then writes nothing, and the first page shown creates it.
                municipality = remember(
                    key("settings", site.pk), lambda: MunicipalitySettings.base_queryset().filter(site=site).first()
                )
                if municipality is not None:
                    municipality._request = request  # as for_request does, for its pages' URLs
                    setattr(request, MunicipalitySettings.get_cache_attr_name(), municipality)
            return self.get_response(request)
        finally:
            _request_generation.reset(token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        """For a GET of a Wagtail page, set Wagtail's route of the request
        (`request._wagtail_route_for_request`, which `Page.route_for_request` uses) from the
        page `remember_route` kept; that page's own route is asked for the rest of the
        address, which needs no query."""
        from wagtail.views import serve  # not at import: it needs the models loaded

        if view_func is not serve or request.method not in ("GET", "HEAD"):
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        parts = [part for part in path.split("/") if part]
        request._meedoen_route_key = key("route", request.get_host(), translation.get_language(), *parts)
        found = cache.get(request._meedoen_route_key)
        if found is not None:
            page, levels = found
            request._wagtail_route_for_request = page.route(request, parts[levels:])
            request._meedoen_cached_route = True
        return None
