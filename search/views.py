"""Site search over all public pages of the active language, and title suggestions for
the search box."""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

from pages.models import paginate
from pages.templatetags.meedoen_tags import type_label

MAX_QUERY_LENGTH = 200
SUGGESTION_MIN_LENGTH = 2
SUGGESTION_COUNT = 8
SUGGESTION_MAX_AGE = 60  # seconds a browser or proxy may keep suggestions


def public_pages():
    """The live, public pages of the active language that residents can find: everything
    below the home pages. Drafts, private pages and the other languages never appear."""
    return Page.objects.live().public().filter(locale=Locale.get_active()).exclude(depth__lte=2)


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = None
    if query:
        # Newest first: relevance ordering on the database backend runs a ranking
        # subquery per matching row, which takes seconds on large sites.
        pages = public_pages().specific().order_by("-first_published_at")
        results = paginate(request, pages.search(query, order_by_relevance=False))
    return TemplateResponse(request, "search/search.html", {"search_query": query, "search_results": results})


@require_GET
def suggest(request):
    """As-you-type suggestions: up to eight page titles that start with the words typed,
    as JSON ({"query": ..., "results": [{"title", "url", "type"}]}). Fewer than two
    characters give no suggestions rather than the whole site."""
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    results = []
    if len(query) >= SUGGESTION_MIN_LENGTH:
        pages = public_pages().specific().order_by("title").autocomplete(query, order_by_relevance=False)
        results = [
            {"title": page.title, "url": page.get_url(request), "type": str(type_label(page))}
            for page in pages[:SUGGESTION_COUNT]
        ]
    response = JsonResponse({"query": query, "results": results})
    patch_cache_control(response, public=True, max_age=SUGGESTION_MAX_AGE)
    return response
