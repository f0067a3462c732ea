"""Promoted search results ("Aanbevolen"): for a search term, the pages or links staff
put above the results, with Wagtail's own search promotions
(wagtail.contrib.search_promotions: Settings > Promoted search results in the admin).

A promoted page is shown in the language of the search: its translation there, when that
is live and public (a draft, private or untranslated page is left out, never shown). An
external link is shown as it was entered.

What residents search for is never recorded (no search terms report): people type names
and addresses into a search box. Wagtail's `Query.get()` would store every term, so the
promotions are looked up without it: one query on the unique search term, not cached,
since the admin moves promotions to another term with an update that sends no signal."""

from dataclasses import dataclass

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from pages import publiccache


@dataclass(frozen=True)
class Promotion:
    title: str
    url: str
    description: str = ""


def promoted(request, query, locale, private=None):
    """The promotions for the search term `query` in `locale`: live, public pages only.
    `private`: publiccache.private_q(), if known."""
    term = normalise_query_string(query or "")
    chosen = list(
        SearchPromotion.objects.filter(query__query_string=term).select_related("page").order_by("sort_order", "pk")
    )
    keys = {promotion.page.translation_key for promotion in chosen if promotion.page is not None}
    pages = {}
    if keys:
        found = (
            Page.objects.live()
            .exclude(publiccache.private_q() if private is None else private)
            .filter(locale=locale, translation_key__in=keys)
        )
        pages = {page.translation_key: page for page in found}
    promotions, seen = [], set()
    for promotion in chosen:
        description = promotion.description
        if promotion.page is None:
            link = promotion.external_link_url
            if link and link not in seen:
                seen.add(link)
                title = promotion.external_link_text or link
                promotions.append(Promotion(title=title, url=link, description=description))
            continue
        page = pages.get(promotion.page.translation_key)
        url = page.get_url(request) if page is not None else None
        if not url or url in seen:
            continue
        seen.add(url)
        # The editor's description is in the language of the page they chose.
        if promotion.page.locale_id != locale.pk:
            description = ""
        promotions.append(Promotion(title=page.title, url=url, description=description))
    return promotions
