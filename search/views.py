"""Site search over all public pages of the active language, the pages that gather one
theme or neighbourhood, and title suggestions for the search box. Everything is asked of
search/service.py; no view knows which search engine answers."""

from django.http import Http404, JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from pages import publiccache
from pages.models import Neighbourhood, Theme
from pages.templatetags.meedoen_tags import type_label

from . import service
from .promotions import promoted

SUGGESTION_MIN_LENGTH = 2
SUGGESTION_COUNT = 8


def render_search(request, outcome, upcoming=None, **extra):
    """`upcoming(locale)`, given by the URLconf (portal/urls.py), lists what is coming up
    for a search that found nothing."""
    context = {
        "search_query": outcome.query,
        "search_results": outcome.results,
        "outcome": outcome,
        "facets": outcome.facets,
        "breadcrumb": extra["landing"].name if extra.get("landing") else _("Search"),
        **extra,
    }
    if outcome.results is not None and not outcome.count and upcoming is not None:
        context["upcoming_events"] = upcoming(outcome.locale or Locale.get_active())
    return TemplateResponse(request, "search/search.html", context)


@require_GET
def search(request, upcoming=None):
    outcome = service.site_search(request, request.GET.get("q", ""))
    promotions = []
    if outcome.query and not outcome.filtered and service.page_number(request) == 1:
        promotions = promoted(request, outcome.query, outcome.locale)
    return render_search(request, outcome, upcoming, promotions=promotions)


def taxonomy_page(request, model, parameter, slug, upcoming=None):
    """Everything about one theme or neighbourhood (in the active language), across the
    content types, narrowed further by the words and filters in the query string."""
    snippet = model.objects.filter(locale=Locale.get_active(), slug=slug[:80]).first()
    if snippet is None:
        raise Http404
    outcome = service.site_search(request, request.GET.get("q", ""), fixed={parameter: snippet.slug}, browse=True)
    return render_search(request, outcome, upcoming, landing=snippet, landing_kind=parameter)


@require_GET
def theme(request, slug, upcoming=None):
    return taxonomy_page(request, Theme, "theme", slug, upcoming)


@require_GET
def neighbourhood(request, slug, upcoming=None):
    return taxonomy_page(request, Neighbourhood, "neighbourhood", slug, upcoming)


@require_GET
@publiccache.cached_view("suggest")
def suggest(request):
    """As-you-type suggestions: up to eight page titles that start with the words typed,
    as JSON ({"query": ..., "results": [{"title", "url", "type"}]}). Fewer than two
    characters give no suggestions rather than the whole site.

    Many residents type the same first letters: an answer is kept in the cache (and by
    browsers and proxies) until the next publish, or MEEDOEN_PUBLIC_CACHE_SECONDS."""
    query = service.clean_query(request.GET.get("q", ""))
    results = []
    if len(query) >= SUGGESTION_MIN_LENGTH:
        results = [
            {"title": page.title, "url": page.get_url(request), "type": str(type_label(page))}
            for page in service.suggestions(query, limit=SUGGESTION_COUNT)
        ]
    return JsonResponse({"query": query, "results": results})
