"""Pitch events in iCalendar (RFC 5545): one VEVENT per event, used by the calendar feeds
(initiatives/feeds.py) and by the .ics file attached to sign-up e-mails (tasks.py).
No model imports, so the e-mail tasks can use it."""

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _


def event_location(event):
    return ", ".join(part for part in [event.venue_name, event.street_address, event.postal_code, event.city] if part)


def calendar_event(event, url):
    """One pitch event as an RFC 5545 VEVENT, in Europe/Amsterdam time (the VTIMEZONE is
    added by `build_calendar`). The UID is the event's translation key, as in the e-mails'
    .ics files, so a calendar sees the same event and updates it."""
    entry = icalendar.Event()
    entry.add("uid", f"{event.translation_key}@meedoen")
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", timezone.localtime(event.start))
    entry.add("dtend", timezone.localtime(event.end))
    entry.add("summary", event.title)
    entry.add("location", event_location(event))
    entry.add("url", url)
    description = [event.summary, "", url]
    if event.accessibility_info:
        description[1:1] = ["", f"{_('Accessibility')}: {event.accessibility_info}"]
    entry.add("description", "\n".join(description))
    if event.last_published_at:
        entry.add("last-modified", event.last_published_at)
    entry.add("status", "CONFIRMED")
    entry.add("transp", "OPAQUE")
    return entry


def event_calendar(event, url):
    """The event as an iCalendar (.ics) file for the resident's calendar."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Meedoen//pitch events//NL")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add_component(calendar_event(event, url))
    calendar.add_missing_timezones()
    return calendar.to_ical()
