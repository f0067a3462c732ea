"""Addresses of the calendar and news feeds, under each language (/nl/feeds/…, /en/feeds/…).

- events.ics, events/theme/<slug>.ics, events/neighbourhood/<slug>.ics: upcoming pitch events
- events/<id>.ics: one pitch event ("add to calendar")
- initiatives.rss / .atom and stories.rss / .atom, each also per theme and neighbourhood
"""

from django.urls import path, register_converter

from initiatives.feeds import InitiativesAtomFeed, InitiativesFeed, event_calendar_file, events_calendar
from pages.publiccache import cached_view
from participation.feeds import FeedbackStoriesAtomFeed, FeedbackStoriesFeed


class ScopeConverter:
    """'theme' or 'neighbourhood'."""

    regex = "theme|neighbourhood"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(ScopeConverter, "scope")

app_name = "feeds"

NEWS_FEEDS = {
    "initiatives": {"rss": InitiativesFeed(), "atom": InitiativesAtomFeed()},
    "stories": {"rss": FeedbackStoriesFeed(), "atom": FeedbackStoriesAtomFeed()},
}

urlpatterns = [
    path("events.ics", events_calendar, name="events_ics"),
    path("events/<scope:scope>/<slug:slug>.ics", events_calendar, name="events_ics"),
    path("events/<int:pk>.ics", event_calendar_file, name="event_ics"),
]
for kind, formats in NEWS_FEEDS.items():
    for extension, feed in formats.items():
        view = cached_view(f"{kind}-{extension}")(feed)
        urlpatterns += [
            path(f"{kind}.{extension}", view, name=f"{kind}_{extension}"),
            path(f"{kind}/<scope:scope>/<slug:slug>.{extension}", view, name=f"{kind}_{extension}"),
        ]
