"""What the overview pages show: their items narrowed by the filters in the query string
(theme, neighbourhood and what fits the type), with facet counts and a sort order.

The index pages' `get_context` calls one function here; the content apps build on this
one, so their models are looked up by name. The state lives in GET parameters only
(`?theme=groen&theme=wonen&neighbourhood=west&sort=title&page=2`), so a filtered list
can be shared, bookmarked and used without JavaScript."""

from dataclasses import dataclass
from functools import partial

from django.apps import apps
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from pages import publiccache
from pages.models import Neighbourhood, Theme, live_pages, load_pages, paginate

from .facets import ChoiceFilter, RelatedChoiceFilter, TaxonomyFilter, WhenFilter, narrow


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


def initiatives(request, index_page):
    """The initiatives of an overview, by theme, neighbourhood, status and what they need,
    and the overview's live pitch form (`pitch_form`), if editors placed one."""
    InitiativePage = apps.get_model("initiatives", "InitiativePage")  # noqa: N806
    InitiativeNeed = apps.get_model("initiatives", "InitiativeNeed")  # noqa: N806
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
    queryset = InitiativePage.objects.child_of(index_page).live().exclude(private)
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
    PitchEventPage = apps.get_model("initiatives", "PitchEventPage")  # noqa: N806
    filters = [*taxonomy_filters([PitchEventPage], locale_of(index_page)), WhenFilter()]
    private = publiccache.private_q()
    queryset = PitchEventPage.objects.child_of(index_page).live().exclude(private)
    narrowed = narrow(queryset, filters, request.GET, key=overview_key(index_page))
    now = timezone.now()
    past = narrowed.queryset.filter(end__lt=now).order_by("-start", "-pk")
    # How many past events there are is the when filter's count of them (kept with the
    # counts until the next event ends), unless only upcoming ones are asked for.
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


def participation_projects(request, index_page):
    """The projects of an overview, by theme, neighbourhood, status and ladder rung."""
    ParticipationProjectPage = apps.get_model("participation", "ParticipationProjectPage")  # noqa: N806
    filters = [
        *taxonomy_filters([ParticipationProjectPage], locale_of(index_page)),
        ChoiceFilter("status", _("Status"), "status", ParticipationProjectPage.Status.choices),
        ChoiceFilter(
            "ladder", _("Participation ladder"), "ladder_rung", field_choices(ParticipationProjectPage, "ladder_rung")
        ),
    ]
    sorts = [
        Sort("status", _("Open first"), (ParticipationProjectPage.status_ordering(), "-first_published_at", "-pk")),
        Sort("newest", _("Newest first"), ("-first_published_at", "-pk")),
        Sort("title", _("Title (A to Z)"), BY_TITLE),
    ]
    private = publiccache.private_q()
    queryset = ParticipationProjectPage.objects.child_of(index_page).live().exclude(private)
    return listing(request, queryset, filters, sorts, ParticipationProjectPage, overview_key(index_page))


def feedback_stories(request, index_page):
    """The feedback stories of an overview, by theme and neighbourhood."""
    PolicyFeedbackStoryPage = apps.get_model("participation", "PolicyFeedbackStoryPage")  # noqa: N806
    filters = taxonomy_filters([PolicyFeedbackStoryPage], locale_of(index_page))
    sorts = [
        Sort("newest", _("Newest first"), ("-date", "-pk")),
        Sort("oldest", _("Oldest first"), ("date", "pk")),
        Sort("title", _("Title (A to Z)"), BY_TITLE),
    ]
    private = publiccache.private_q()
    queryset = PolicyFeedbackStoryPage.objects.child_of(index_page).live().exclude(private)
    return listing(request, queryset, filters, sorts, PolicyFeedbackStoryPage, overview_key(index_page))
