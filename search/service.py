"""The one site search: words, filters from the facets, counts, pages of results.

Views call `site_search()` and never look at the backend. The configured engine
(settings.SEARCH_ENGINE) matches the words:

- the database backend (the default) matches in SQL, and counts every facet with one
  SQL statement over the matching pages (search/facets.py), kept in the public cache;
- a search server (Elasticsearch 7/8/9, OpenSearch 2/3) matches the words, applies the
  filters and counts the facets with its aggregations, in one request (search/engine.py).
  When the server cannot be reached (or fails), the database backend answers instead,
  with a notice and a logged error.

Without words (the theme and neighbourhood pages list everything of theirs) the database
answers on every engine: there is nothing to match, only filters to apply.

Only live, public pages of the active language below the home page, of the page types that
declare a `search_type` (`content_models()`), are ever found: drafts, private pages, the other languages and
everything that is not a page (sign-ups, pitches, messages) never are.
"""

import logging
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, get_page_models

from pages import publiccache
from pages.models import LISTING_PAGE_SIZE, TaxonomyMixin, paginate

from . import dutch, ranking
from .engine import ALL_WORDS, EngineSearch
from .facets import ContentTypeFilter, narrow
from .listings import taxonomy_filters

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
DATABASE_BACKEND = "database"

STOP_WORDS_NOTICE = _("We do not search for words like these: they are in almost every text. Try another word.")
UNREACHABLE_NOTICE = _(
    "The search service cannot be reached right now, so we searched in a simpler way. The results may be less complete."
)


#: After the search server failed, searches skip it for this many seconds and are
#: answered by the database at once (a hanging server would make each wait its timeout).
SERVER_PAUSE_SECONDS = 30
SERVER_PAUSED_KEY = "search:server-paused"


def server_paused():
    """Whether the search server failed a moment ago (in any process: the shared cache)."""
    return bool(cache.get(SERVER_PAUSED_KEY))


def pause_server():
    cache.set(SERVER_PAUSED_KEY, True, SERVER_PAUSE_SECONDS)


def clean_query(raw):
    """What a resident typed, fit to search with: no control characters (NUL bytes
    included), single spaces, at most MAX_QUERY_LENGTH characters."""
    text = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in str(raw))
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def engine():
    return getattr(settings, "SEARCH_ENGINE", DATABASE_BACKEND)


def fallback_backend():
    """The backend alias that answers when the search server does not."""
    return DATABASE_BACKEND if DATABASE_BACKEND in settings.WAGTAILSEARCH_BACKENDS else "default"


def content_models():
    """What the site search finds: (GET value, label, model) of every page type that
    declares a `search_type` (value, label) of its own, in facet order (`search_order`)."""
    models = [model for model in get_page_models() if vars(model).get("search_type")]
    return [(*model.search_type, model) for model in sorted(models, key=lambda model: model.search_order)]


def searched_models():
    """The page models the site search finds, in facet order."""
    return [model for _value, _label, model in content_models()]


def searchable_pages(locale=None, private=None):
    """The pages residents can find: live, public, of the active language and of the
    content types of the site search. `private`: publiccache.private_q(), if known."""
    locale = locale or Locale.get_active()
    types = ContentTypeFilter(content_models())
    return (
        Page.objects.live()
        .exclude(publiccache.private_q() if private is None else private)
        .filter(locale=locale, content_type_id__in=list(types.content_types.values()))
    )


def match_in_database(pages, query, backend):
    """The pages matching `query`, as a queryset (the match is a subquery)."""
    return pages.search(query, operator=ALL_WORDS, order_by_relevance=False, backend=backend).get_queryset().order_by()


def relevance(pages, query, backend):
    """{page pk: relevance} of the pages matching `query` on a database backend
    (search/backends/): {} where the backend cannot score, which leaves newest first."""
    results = pages.search(query, operator=ALL_WORDS, order_by_relevance=False, backend=backend)
    scores = getattr(results.query_compiler, "scores", None)
    return scores(results.backend) if scores else {}


def load_specific(pks):
    """The specific pages with these primary keys, in that order."""
    by_pk = {page.pk: page for page in Page.objects.filter(pk__in=pks).specific()}
    return [by_pk[pk] for pk in pks if pk in by_pk]


@dataclass
class SearchOutcome:
    query: str
    results: object  # a Django paginator Page of specific pages, or None
    sort: str | None = None  # with words: ranking.RELEVANCE or ranking.NEWEST
    facets: list = field(default_factory=list)
    filtered: bool = False
    notice: str | None = None
    locale: object = None  # the language searched in (wagtail Locale)

    @property
    def count(self):
        return self.results.paginator.count if self.results is not None else 0


def site_search(request, query, *, fixed=None, browse=False):
    """Search the active language's public pages for `query`, narrowed by the filters in
    request.GET (type, theme, neighbourhood) and `fixed` ({parameter: value} that always
    applies, as on a theme's page). Without words and without `browse` there are no
    results (the form alone); with `browse`, everything matching the filters is listed."""
    query = clean_query(query)
    if not query and not browse:
        return SearchOutcome(query=query, results=None)
    fixed = fixed or {}
    params = request.GET.copy()
    for name, value in fixed.items():
        params.setlist(name, [value])
    locale = Locale.get_active()
    filters, taxonomy_models = site_filters(locale)
    searchable = pages = searchable_pages(locale)
    sort = ranking.sort_of(params, query)
    notice, backend = None, None
    if query and not dutch.words(query):
        pages = pages.none()  # only punctuation or operators: no word to look for
    elif query and dutch.only_stop_words(query):
        pages, notice = pages.none(), STOP_WORDS_NOTICE  # 'de': no engine looks for it
    elif query:
        backend = "default"
        if engine() != DATABASE_BACKEND:
            if not server_paused():
                try:
                    outcome = engine_search(request, pages, query, filters, taxonomy_models, params, fixed, sort)
                    outcome.locale = locale
                    return outcome
                except Exception:
                    logger.exception("Search engine %s failed; searching with the database backend instead", engine())
                    pause_server()
            backend, notice = fallback_backend(), UNREACHABLE_NOTICE
        pages = match_in_database(pages, query, backend)
    # The number of results is counted with the facets, and kept with them.
    key = f"search:{locale.pk}:{'fallback' if notice else 'default'}:{query}"
    narrowed = narrow(pages, filters, params, key=key)
    if backend and sort == ranking.RELEVANCE:
        models = searched_models()
        standings = publiccache.remember(
            publiccache.key("ranked", key, sorted(narrowed.selected.items())),
            lambda: ranking.standings(narrowed.queryset, relevance(searchable, query, backend), models),
        )
        ordered = ranking.RankedHits(ranking.order(standings, models))
    else:
        # Pages made live without being published (no date) last, as on a search server.
        ordered = narrowed.queryset.order_by(F("first_published_at").desc(nulls_last=True), "-pk")
    return SearchOutcome(
        query=query,
        sort=sort if query else None,
        results=paginate(request, ordered, load=load_specific, count=narrowed.total),
        facets=[facet for facet in narrowed.facets if facet.name not in fixed],
        filtered=any(values for name, values in narrowed.selected.items() if name not in fixed),
        notice=notice,
        locale=locale,
    )


def site_filters(locale):
    """(the site search's filters, the page models that have themes and neighbourhoods)."""
    types = content_models()
    taxonomy_models = [model for _value, _label, model in types if issubclass(model, TaxonomyMixin)]
    return [ContentTypeFilter(types), *taxonomy_filters(taxonomy_models, locale)], taxonomy_models


def page_number(request):
    """The ?page= asked for, as paginate() reads it (anything else is the first page)."""
    try:
        return int(float(request.GET.get("page", 1)))
    except (TypeError, ValueError, OverflowError):
        return 1


def engine_search(request, pages, query, filters, taxonomy_models, params, fixed, sort):
    """The site search on the search server: words, filters, counts and one page of
    results from one request (search/engine.py)."""
    search = EngineSearch(
        pages,
        query,
        filters,
        taxonomy_models,
        params,
        per_page=LISTING_PAGE_SIZE,
        page=page_number(request),
        over=ranking.Over.of(searched_models()) if sort == ranking.RELEVANCE else None,
    )
    results = paginate(request, search.hits(), load=load_specific)
    return SearchOutcome(
        query=query,
        sort=sort,
        results=results,
        facets=[facet for facet in search.facets() if facet.name not in fixed],
        filtered=any(values for name, values in search.selected.items() if name not in fixed),
    )


def suggestions(query, *, limit=8):
    """Pages whose title starts with the words typed, in the active language."""
    query = clean_query(query)
    if not dutch.words(query):
        return []
    pages = searchable_pages().specific().order_by("title")
    backend = "default"
    if engine() != DATABASE_BACKEND:
        if server_paused():
            backend = fallback_backend()
        else:
            try:
                return list(pages.autocomplete(query, operator=ALL_WORDS, order_by_relevance=False)[:limit])
            except Exception:
                logger.exception("Search engine %s failed; suggesting with the database backend instead", engine())
                pause_server()
                backend = fallback_backend()
    return list(pages.autocomplete(query, operator=ALL_WORDS, order_by_relevance=False, backend=backend)[:limit])
