"""A short-lived cache for what Meedoen publishes to machines (the read API, calendar and
news feeds): answers are kept for PUBLIC_CACHE_SECONDS under a key that includes a
"generation" number. Publishing, unpublishing, moving or deleting any page starts a new
generation, so an edit shows at once; only counts that change without a publish (seats
left) can be up to PUBLIC_CACHE_SECONDS old. With Redis configured every app server
shares the cache and the generation."""

import hashlib
from contextvars import ContextVar
from functools import wraps

from django.conf import settings
from django.core.cache import cache
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


GENERATION_KEYS = (GENERATION_KEY, SITES_GENERATION_KEY, CARDS_GENERATION_KEY)

#: The generations as a request read them ({key: number}), while CachedSiteMiddleware
#: handles it: read once, in one cache lookup (a Redis round trip), where the menu, the
#: cards, the counts and the rest would each ask again.
_request_generations = ContextVar("publiccache_generations", default=None)


def generation(name=GENERATION_KEY):
    known = _request_generations.get()
    if known is not None and name in known:
        return known[name]
    value = cache.get(name)
    if value is None:
        cache.add(name, 1, timeout=None)
        value = cache.get(name, 1)
    if known is not None:
        known[name] = value
    return value


def bump(name=GENERATION_KEY, **kwargs):
    """Start a new generation: every cached answer is out of date (a signal receiver)."""
    try:
        cache.incr(name)
    except ValueError:
        cache.set(name, 2, timeout=None)
    known = _request_generations.get()
    if known is not None:
        known.pop(name, None)  # the request that published reads the new one


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


def private_q():
    """What `Page.objects.all().private_q()` gives (the pages in a private section and
    their descendants), from the cache until the next generation, which every saved or
    deleted view restriction and every moved page starts: one query fewer per list."""
    sections = remember(
        f"publiccache:private-sections:{generation()}",
        lambda: list(PageViewRestriction.objects.values_list("page__path", "page__depth").distinct()),
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
    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
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
