"""A short-lived cache for what Meedoen publishes to machines (the read API, calendar and
news feeds): answers are kept for PUBLIC_CACHE_SECONDS under a key that includes a
"generation" number. Publishing, unpublishing, moving or deleting any page starts a new
generation, so an edit shows at once; only counts that change without a publish (seats
left) can be up to PUBLIC_CACHE_SECONDS old. With Redis configured every app server
shares the cache and the generation.

A publish or unpublish also records which page changed (`PageChange`), so that what it
does not touch can stay (`kept`): the menu and the chrome of other pages, the private
sections, the pitch form; and what it touches a little, the facet index of an overview
(search/facets.py), is brought up to date by reading that page again."""

import hashlib
import time
from contextvars import ContextVar
from functools import wraps
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port
from django.utils.cache import patch_cache_control
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .models import MunicipalitySettings, Neighbourhood, Theme

GENERATION_KEY = "publiccache:generation"
#: A generation of its own for the sites and the municipality settings, which change
#: far less often than pages are published (CachedSiteMiddleware).
SITES_GENERATION_KEY = "publiccache:sites-generation"
#: A generation of its own for the cards of listings (pages/templatetags/meedoen_tags.py):
#: a card's key holds what its page says (title, status, when it was last published), so
#: a publish needs to renew only the card of the page published; what a card shows of
#: other rows (a theme's name, an image's file) renews them all. The lists of themes and
#: neighbourhoods the filters offer (search/facets.py) are kept under it too.
CARDS_GENERATION_KEY = "publiccache:cards-generation"


def timeout():
    return getattr(settings, "MEEDOEN_PUBLIC_CACHE_SECONDS", 60)


def kept_timeout():
    """How long `kept` answers and the page changes that bring them up to date stay: at
    least as long as the other answers."""
    return max(getattr(settings, "MEEDOEN_KEPT_CACHE_SECONDS", 3600), timeout())


GENERATION_KEYS = (GENERATION_KEY, SITES_GENERATION_KEY, CARDS_GENERATION_KEY)

#: The generations as a request read them ({key: number}), while CachedSiteMiddleware
#: handles it: read once, in one cache lookup (a Redis round trip), where the menu, the
#: cards, the counts and the rest would each ask again.
_request_generations = ContextVar("publiccache_generations", default=None)


def _first_generation():
    """Where a generation starts when the cache has none (a new or emptied cache): the
    time in milliseconds, so a new count never meets the numbers of an earlier one (an
    answer or a change kept under such a number would otherwise pass for a current one)."""
    return time.time_ns() // 1_000_000


def generation(name=GENERATION_KEY):
    known = _request_generations.get()
    if known is not None and name in known:
        return known[name]
    value = cache.get(name)
    if value is None:
        cache.add(name, _first_generation(), timeout=None)
        value = cache.get(name) or _first_generation()
    if known is not None:
        known[name] = value
    return value


def bump(name=GENERATION_KEY, **kwargs):
    """Start a new generation: every cached answer is out of date (a signal receiver).
    Returns the new generation's number."""
    try:
        value = cache.incr(name)
    except ValueError:
        value = _first_generation() + 1
        cache.set(name, value, timeout=None)
    known = _request_generations.get()
    if known is not None:
        known.pop(name, None)  # the request that published reads the new one
    return value


# --- What changed: answers kept across a publish that does not touch them ----------------

#: At most this many changes are looked at to bring a kept answer up to date; after
#: more, it is computed again.
MAX_CHANGES = 50


class PageChange(NamedTuple):
    """A page published or unpublished: what a kept answer needs to tell whether it is
    touched (see `kept`)."""

    pk: int
    translation_key: str
    path: str
    depth: int
    content_type_id: int


def _change_key(number):
    return f"publiccache:change:{number}"


def _record(change):
    number = bump()
    cache.set(_change_key(number), change, kept_timeout())


def page_changed(sender, instance, **kwargs):
    """A page was published or unpublished: start a new generation that records which
    page (a signal receiver). Once more after the transaction commits: an answer
    computed in between, from the data before the commit, is then out of date too."""
    change = PageChange(
        instance.pk, str(instance.translation_key), instance.path, instance.depth, instance.content_type_id
    )
    _record(change)
    transaction.on_commit(lambda: _record(change))


def changes_since(number):
    """The page changes of the generations after `number` up to the current one, oldest
    first; None when one of them is not known (a theme saved, a page moved, a change
    older than the cache keeps), so that everything must be computed again."""
    current = generation()
    if number == current:
        return []
    if not number < current <= number + MAX_CHANGES:
        return None
    keys = [_change_key(n) for n in range(number + 1, current + 1)]
    found = cache.get_many(keys)
    if len(found) != len(keys):
        return None
    return [found[key] for key in keys]


def kept(cache_key, compute, refresh):
    """`compute()`, kept in the cache under `cache_key` (without a generation) with the
    generation it is up to date with. After a publish, `refresh(value, changes)` gets
    the page changes since (`changes_since`) and returns the value up to date (the same
    one when none of the changes touches it), or None to have it computed again; after
    any other change it is computed again. So an answer that a publish does not touch
    (the menu, after an initiative is published) stays, and one that it touches a little
    (the facet counts) is brought up to date instead of computed from scratch."""
    current = generation()
    stored = cache.get(cache_key)
    if stored is not None:
        number, value = stored
        if number == current:
            return value
        changes = changes_since(number)
        value = refresh(value, changes) if changes is not None else None
        if value is not None:
            cache.set(cache_key, (current, value), kept_timeout())
            return value
    value = compute()
    cache.set(cache_key, (current, value), kept_timeout())
    return value


def unchanged_by_pages(value, changes):
    """A `refresh` for what no page publish touches (the private sections)."""
    return value


def bump_cards(**kwargs):
    """A theme, neighbourhood or image changed: the cards that show it are out of date,
    and so is everything else kept (the filters list the themes and neighbourhoods)."""
    bump(CARDS_GENERATION_KEY)
    bump()


def bump_sites(**kwargs):
    """A site or the settings changed: what pages show of them is out of date too."""
    bump(SITES_GENERATION_KEY)
    bump_cards()


def key(scope, request, *parts):
    """The cache key of one answer: the scope, the generation, the host and the full path
    with its query string (hashed, so any query string gives a short key)."""
    raw = "|".join([request.get_host(), request.get_full_path(), *map(str, parts)])
    digest = hashlib.sha256(raw.encode()).hexdigest()[:40]
    return f"publiccache:{scope}:{generation()}:{digest}"


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
            cache_key = key(scope, request)
            cached = cache.get(cache_key)
            if cached is not None:
                return mark_public(cached)
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not getattr(response, "streaming", False):
                if hasattr(response, "render") and callable(response.render):
                    response.render()
                cache.set(cache_key, response, timeout())
            return mark_public(response)

        return wrapped

    return decorator


def remember(cache_key, compute):
    """`compute()`, kept in the cache under `cache_key` (which should hold the
    generation) for timeout() seconds; None too."""
    kept = cache.get(cache_key)
    if kept is None:
        kept = (compute(),)
        cache.set(cache_key, kept, timeout())
    return kept[0]


def private_digest(private):
    """A short name of the private sections `private` (a `private_q()`), for cache keys:
    a page made private changes the keys of what lists pages."""
    return hashlib.sha256(str(private).encode()).hexdigest()[:40]


def private_q():
    """What `Page.objects.all().private_q()` gives (the pages in a private section and
    their descendants), from the cache until the next generation, which every saved or
    deleted view restriction and every moved page starts: one query fewer per list."""
    sections = kept(
        "publiccache:private-sections",
        lambda: list(PageViewRestriction.objects.values_list("page__path", "page__depth").distinct()),
        unchanged_by_pages,
    )
    q = Q()
    for path, depth in sorted(sections):
        q |= Q(path__startswith=path, depth__gte=depth)
    return q if q else Q(pk__in=[])  # as Wagtail's: no private section matches no page


class CachedSiteMiddleware:
    """Hand Wagtail the request's Site and MunicipalitySettings from the cache, as
    `Site.find_for_request` and `MunicipalitySettings.for_request` keep them on the
    request: two queries fewer on every page. Saving or deleting a site or the settings
    starts a new generation of them (and of everything else, as publishing does); a
    publish leaves them in the cache. The generations are read once per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_generations.set(cache.get_many(GENERATION_KEYS))
        try:
            return self.handle(request)
        finally:
            _request_generations.reset(token)

    def handle(self, request):
        hostname, port = split_domain_port(request._get_raw_host())[0], request.get_port()
        prefix = f"publiccache:site:{generation(SITES_GENERATION_KEY)}:{hostname}:{port}"
        site = remember(f"{prefix}:site", lambda: Site._find_for_request(request))
        if site is not None:
            request._wagtail_site = site
            # Not for_site(), which creates the row: a request that needs no settings
            # (the API) then writes nothing, and the first page shown creates it.
            municipality = remember(
                f"{prefix}:settings", lambda: MunicipalitySettings.base_queryset().filter(site=site).first()
            )
            if municipality is not None:
                municipality._request = request  # as for_request does, for its pages' URLs
                setattr(request, MunicipalitySettings.get_cache_attr_name(), municipality)
        return self.get_response(request)


def _bump_for_pages(sender, **kwargs):
    if issubclass(sender, Page):
        bump()


def connect():
    """Start a new generation whenever published content changes: pages published,
    unpublished, moved, renamed or deleted, and themes, neighbourhoods, images, sites, the
    municipality settings and view restrictions (a page made private) saved or deleted
    (called from PagesConfig.ready)."""
    for signal in (page_published, page_unpublished):
        signal.connect(page_changed, dispatch_uid=f"publiccache-{id(signal)}")
    for signal in (page_slug_changed, post_page_move):
        signal.connect(bump, dispatch_uid=f"publiccache-{id(signal)}")
    post_delete.connect(_bump_for_pages, dispatch_uid="publiccache-page-deleted")
    post_save.connect(bump, sender=PageViewRestriction, dispatch_uid="publiccache-saved-PageViewRestriction")
    post_delete.connect(bump, sender=PageViewRestriction, dispatch_uid="publiccache-deleted-PageViewRestriction")
    for model in (Theme, Neighbourhood, get_image_model()):
        post_save.connect(bump_cards, sender=model, dispatch_uid=f"publiccache-saved-{model.__name__}")
        post_delete.connect(bump_cards, sender=model, dispatch_uid=f"publiccache-deleted-{model.__name__}")
    # A site's root page is part of the Site kept in the cache: a move renews them too.
    post_page_move.connect(bump_sites, dispatch_uid="publiccache-sites-page-moved")
    for model in (Site, MunicipalitySettings):
        post_save.connect(bump_sites, sender=model, dispatch_uid=f"publiccache-saved-{model.__name__}")
        post_delete.connect(bump_sites, sender=model, dispatch_uid=f"publiccache-deleted-{model.__name__}")
