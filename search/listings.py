"""What the overview pages show: their items narrowed by the filters in the query string
(theme, neighbourhood and what fits the type), with facet counts and a sort order.

This is the machinery (`listing`, `Sort`, `taxonomy_filters`, the facets in facets.py);
each content type's overview rules, its filters and sorts, live in its own app
(initiatives/filters.py, participation/filters.py), called by the index page's
`get_context`. The state lives in GET parameters only
(`?theme=groen&theme=wonen&neighbourhood=west&sort=title&page=2`), so a filtered list
can be shared, bookmarked and used without JavaScript."""

from dataclasses import dataclass
from functools import partial

from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from pages.models import Neighbourhood, Theme, load_pages, paginate

from .facets import TaxonomyFilter, narrow


@dataclass
class Sort:
    value: str
    label: str
    order_by: tuple


#: A to Z whatever the case: both databases compare text byte by byte here (SQLite's
#: BINARY, PostgreSQL's C collation), which puts "appeltuin" after "Zwembad".
BY_TITLE = (Lower("title"), "pk")


def taxonomy_filters(models, locale):
    """The theme and neighbourhood filters every content type has."""
    return [
        TaxonomyFilter("theme", _("Theme"), Theme, "themes", models, locale),
        TaxonomyFilter("neighbourhood", _("Neighbourhood"), Neighbourhood, "neighbourhoods", models, locale),
    ]


def locale_of(page):
    """The locale of `page` as the taxonomy filters need it (by its primary key), without
    the query that `page.locale` makes."""
    return Locale(pk=page.locale_id)


def field_choices(model, field_name):
    return model._meta.get_field(field_name).choices


def chosen_sort(params, sorts):
    """The sort asked for by ?sort=, or the first (the default) when it is unknown."""
    wanted = params.get("sort", "")
    return next((sort for sort in sorts if sort.value == wanted), sorts[0])


def overview_key(index_page):
    """What names the pages of an overview for the facet counts' cache."""
    return f"overview:{index_page.pk}"


def listing(request, queryset, filters, sorts, model, key, fast_default=None):
    """The context of an overview: `items` (one page of `model` pages), `facets`,
    `sorts`, `sort` and `filtered`. `key` names the overview (`overview_key`).
    `fast_default`, when given, is the unfiltered list in the default order as
    Wagtail's page table answers it (see pages.models.live_pages)."""
    narrowed = narrow(queryset, filters, request.GET, key=key)
    sort = chosen_sort(request.GET, sorts)
    if not narrowed.active and sort is sorts[0] and fast_default is not None:
        ordered = fast_default
    else:
        ordered = narrowed.queryset.order_by(*sort.order_by)
    return {
        "items": paginate(request, ordered, load=partial(load_pages, model), count=narrowed.total),
        "facets": narrowed.facets,
        "sorts": sorts,
        "sort": sort,
        "filtered": narrowed.active,
    }
