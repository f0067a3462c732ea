"""Feeds of the initiatives app: the iCalendar feed of upcoming pitch events (all, per theme,
per neighbourhood), one event as an .ics file ("add to calendar"), and the news feeds of
new initiatives (RSS and Atom). Addresses are in portal/feeds.py."""

from datetime import timedelta

import icalendar
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Site

from pages.api import MAX_ID
from pages.feeds import AtomPageFeed, FeedScope, PageFeed, active_locale, scope_object
from pages.publiccache import cached_view

from .calendar import calendar_event
from .models import InitiativeIndexPage, InitiativePage, PitchEventPage

#: Calendar apps that honour it check a subscribed feed this often.
REFRESH_INTERVAL = timedelta(hours=6)


def build_calendar(events, name, request):
    """An iCalendar (RFC 5545) of `events`, named `name`, with a VTIMEZONE for every time
    zone used."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Meedoen//pitch events//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", timezone.get_current_timezone_name())
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    for event in events:
        calendar.add_component(calendar_event(event, event.get_full_url(request)))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def calendar_response(data, filename, attachment=False):
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Content-Language"] = translation.get_language()
    return response


def site_name(request):
    site = Site.find_for_request(request)
    return site.site_name if site and site.site_name else "Meedoen"


@cached_view("events-ics")
def events_calendar(request, scope=None, slug=None):
    """Upcoming pitch events in the active language, soonest first: all of them, or those
    of one theme or neighbourhood (/nl/feeds/events/theme/groen.ics)."""
    locale = active_locale()
    topic = scope_object(scope, slug, locale) if scope else None
    events = PitchEventPage.objects.live().public().filter(locale=locale, end__gte=timezone.now())
    events = FeedScope(request, locale, scope, topic).filter(events).order_by("start", "pk")
    name = _("Pitch events") if topic is None else _("Pitch events: %(topic)s") % {"topic": topic.name}
    filename = "pitch-events.ics" if topic is None else f"pitch-events-{scope}-{topic.slug}.ics"
    return calendar_response(build_calendar(events, f"{name} | {site_name(request)}", request), filename)


@cached_view("event-ics")
def event_calendar_file(request, pk):
    """One pitch event as an .ics file: the "add to calendar" link on its page."""
    if pk > MAX_ID:
        raise Http404("No such event.")
    event = get_object_or_404(PitchEventPage.objects.live().public(), pk=pk)
    if event.locale.language_code != translation.get_language():
        # The event in the language of the address, where it has a live translation.
        translated = event.get_translation_or_none(active_locale())
        if translated is None or not translated.live:
            raise Http404("This event has no translation in this language.")
        event = translated
    data = build_calendar([event], f"{event.title} | {site_name(request)}", request)
    return calendar_response(data, f"{event.slug}.ics", attachment=True)


class InitiativesFeed(PageFeed):
    """The newest initiatives (RSS 2.0)."""

    model = InitiativePage
    index_model = InitiativeIndexPage
    title_all = gettext_lazy("New initiatives")
    title_scoped = gettext_lazy("New initiatives: %(topic)s")
    description_text = gettext_lazy("Resident initiatives that were published most recently.")


class InitiativesAtomFeed(AtomPageFeed, InitiativesFeed):
    """The newest initiatives (Atom 1.0)."""
