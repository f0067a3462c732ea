"""The overview rules of participation projects and feedback stories: which filters and
sorts their index pages offer (the machinery is search/listings.py's). Called by the
index pages' `get_context`."""

from django.utils.translation import gettext_lazy as _

from pages import publiccache
from pages.models import child_pages
from search.facets import ChoiceFilter
from search.listings import BY_TITLE, Sort, field_choices, listing, locale_of, overview_key, taxonomy_filters

from . import models


def participation_projects(request, index_page):
    """The projects of an overview, by theme, neighbourhood, status and ladder rung."""
    ParticipationProjectPage = models.ParticipationProjectPage  # noqa: N806
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
    queryset = child_pages(ParticipationProjectPage.objects.all(), index_page).live().exclude(private)
    return listing(request, queryset, filters, sorts, ParticipationProjectPage, overview_key(index_page))


def feedback_stories(request, index_page):
    """The feedback stories of an overview, by theme and neighbourhood."""
    PolicyFeedbackStoryPage = models.PolicyFeedbackStoryPage  # noqa: N806
    filters = taxonomy_filters([PolicyFeedbackStoryPage], locale_of(index_page))
    sorts = [
        Sort("newest", _("Newest first"), ("-date", "-pk")),
        Sort("oldest", _("Oldest first"), ("date", "pk")),
        Sort("title", _("Title (A to Z)"), BY_TITLE),
    ]
    private = publiccache.private_q()
    queryset = child_pages(PolicyFeedbackStoryPage.objects.all(), index_page).live().exclude(private)
    return listing(request, queryset, filters, sorts, PolicyFeedbackStoryPage, overview_key(index_page))
