"""The overview rules of initiatives and pitch events: which filters and sorts their index
pages offer (the machinery is search/listings.py's). Called by the index pages'
`get_context` (models/overviews.py)."""

from functools import partial

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pages import publiccache
from pages.models import child_pages, live_pages, load_pages, paginate
from search.facets import ChoiceFilter, RelatedChoiceFilter, WhenFilter, narrow
from search.listings import BY_TITLE, Sort, listing, locale_of, overview_key, taxonomy_filters

from . import models


def initiatives(request, index_page):
    """The initiatives of an overview, by theme, neighbourhood, status and what they need,
    and the overview's live pitch form (`pitch_form`), if editors placed one."""
    InitiativePage, InitiativeNeed = models.InitiativePage, models.InitiativeNeed  # noqa: N806
    filters = [
        *taxonomy_filters([InitiativePage], locale_of(index_page)),
        ChoiceFilter("status", _("Status"), "status", InitiativePage.Status.choices),
        RelatedChoiceFilter("need", _("Needs"), InitiativeNeed, "page", "kind", InitiativeNeed.Kind.choices),
    ]
    sorts = [
        Sort("newest", _("Newest first"), ("-first_published_at", "-pk")),
        Sort("oldest", _("Oldest first"), ("first_published_at", "pk")),
        Sort("title", _("Title (A to Z)"), BY_TITLE),
    ]
    # Which pages are in a private section, from the cache and once for the lists
    # below: `.public()` would ask the database again for each of them.
    private = publiccache.private_q()
    queryset = child_pages(InitiativePage.objects.all(), index_page).live().exclude(private)
    fast = live_pages(InitiativePage, index_page.locale_id, child_of=index_page, private=private)
    return {
        **listing(request, queryset, filters, sorts, InitiativePage, overview_key(index_page), fast_default=fast),
        "pitch_form": pitch_form(index_page, private),
    }


def pitch_form(index_page, private):
    """The overview's live pitch form (`index_page.pitch_form()`), from the public cache."""
    key = publiccache.key("pitch-form", overview_key(index_page))
    return publiccache.remember(key, lambda: index_page.pitch_form(private=private))


def pitch_events(request, index_page):
    """The pitch events of an overview: upcoming ones (soonest first) and a paged list of
    past ones (latest first), by theme, neighbourhood and upcoming or past."""
    PitchEventPage = models.PitchEventPage  # noqa: N806
    filters = [*taxonomy_filters([PitchEventPage], locale_of(index_page)), WhenFilter()]
    private = publiccache.private_q()
    queryset = child_pages(PitchEventPage.objects.all(), index_page).live().exclude(private)
    narrowed = narrow(queryset, filters, request.GET, key=None)  # not kept: events end
    now = timezone.now()
    past = narrowed.queryset.filter(end__lt=now).order_by("-start", "-pk")
    # How many past events there are is the when filter's count of them, unless only
    # upcoming ones are asked for.
    when = narrowed.selected["when"]
    past_count = next(o.count for f in narrowed.facets if f.name == "when" for o in f.options if o.value == "past")
    return {
        "upcoming_events": narrowed.queryset.filter(end__gte=now).order_by("start").select_related("image"),
        "past_events": paginate(
            request,
            past,
            load=partial(load_pages, PitchEventPage),
            count=past_count if "past" in when or not when else 0,
        ),
        "facets": narrowed.facets,
        "sorts": [],
        "filtered": narrowed.active,
    }
