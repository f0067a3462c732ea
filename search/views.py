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
        results = paginate(request, pages.search(query))
    return TemplateResponse(request, "search/search.html", {"search_query": query, "search_results": results})
