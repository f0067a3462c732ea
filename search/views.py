"""Site search over all public pages of the active language."""

from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

from pages.models import paginate

MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = None
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).exclude(depth__lte=2).specific()
        # Newest first: relevance ordering on the database backend runs a ranking
        # subquery per matching row, which takes seconds on large sites.
        results = paginate(request, pages.order_by("-first_published_at").search(query, order_by_relevance=False))
    return TemplateResponse(request, "search/search.html", {"search_query": query, "search_results": results})
