"""The read API's endpoints for initiatives and pitch events (see pages/api.py).

Never here: an initiative's contact address, sign-ups (names, e-mail addresses, needs),
pitches handed in by residents. Seats are shown as counts only."""

from django.urls import reverse
from django.utils import timezone, translation
from wagtail.api import APIField
from wagtail.api.v2.views import PagesAPIViewSet

from pages.api import ContentPagesEndpoint, MethodField, image_fields, page_reference, taxonomy_fields

from . import signups
from .models import InitiativePage, PitchEventPage


def absolute(page, path):
    """`path` on the host of `page`'s site (as the page's html_url)."""
    _site_id, root_url, _page_path = page.get_url_parts()
    return f"{root_url or ''}{path}"


def initiative_needs(page):
    return [
        {"kind": need.kind, "kind_label": str(need.get_kind_display()), "description": need.description}
        for need in page.needs.all()
    ]


def initiative_pitch_events(page):
    return [page_reference(event) for event in page.pitch_events()]


class InitiativesEndpoint(ContentPagesEndpoint):
    """Resident initiatives: ?status=, ?theme=, ?neighbourhood=, ?date_from=/?date_to= (first
    published), ?locale=, ?search=."""

    name = "initiatives"
    model = InitiativePage
    status_field = "status"
    date_field = "first_published_at"
    body_fields = PagesAPIViewSet.body_fields + [
        "summary",
        "status",
        APIField("status_label", serializer=MethodField(lambda page: str(page.get_status_display()))),
        "public_owner",
        "website",
        "body",
        "links",
        APIField("tags", serializer=MethodField(lambda page: sorted(tag.name for tag in page.tags.all()))),
        APIField("needs", serializer=MethodField(initiative_needs)),
        APIField("pitch_events", serializer=MethodField(initiative_pitch_events)),
        *taxonomy_fields(),
        *image_fields(),
    ]
    listing_default_fields = ContentPagesEndpoint.listing_default_fields + ["status"]
    prefetch = (*ContentPagesEndpoint.prefetch, "needs", "tags")
    # Looked up per item: in the detail only, so a listing costs the same for 5 or 50.
    detail_only_fields = [*PagesAPIViewSet.detail_only_fields, "pitch_events"]


def event_venue(event):
    return {
        "name": event.venue_name,
        "street_address": event.street_address,
        "postal_code": event.postal_code,
        "city": event.city,
    }


def local(moment):
    return timezone.localtime(moment) if moment else None


def event_registration(event):
    """How to get a seat, as counts: never who signed up."""
    state = event.registration_state
    data = {
        "state": state,
        "opens_at": local(event.registration_opens_at),
        "closes_at": local(event.registration_closes),
        "capacity": event.capacity,
        "max_seats_per_signup": event.max_seats_per_signup,
        "waiting_list_enabled": event.waiting_list_enabled,
        "seats_left": None,
    }
    if state != "past":
        data["seats_left"] = signups.availability(event).left
    return data


def event_programme(event):
    return [
        {
            "initiative": page_reference(slot.initiative, event.locale_id),
            "starts_at": slot.starts_at.strftime("%H:%M") if slot.starts_at else None,
            "note": slot.note,
        }
        for slot in event.programme_items()
    ]


def event_calendar_url(event):
    with translation.override(event.locale.language_code):
        return absolute(event, reverse("feeds:event_ics", args=[event.pk]))


class PitchEventsEndpoint(ContentPagesEndpoint):
    """Pitch events, soonest first: ?upcoming=true, ?date_from=/?date_to= (start date),
    ?theme=, ?neighbourhood=, ?locale=, ?search=."""

    name = "events"
    model = PitchEventPage
    date_field = "start"
    extra_parameters = frozenset(["upcoming"])
    default_order = ["start", "pk"]
    body_fields = PagesAPIViewSet.body_fields + [
        "edition",
        "summary",
        "start",
        "end",
        APIField("is_past", serializer=MethodField(lambda event: event.end < timezone.now())),
        APIField("venue", serializer=MethodField(event_venue)),
        "accessibility_info",
        APIField("registration", serializer=MethodField(event_registration)),
        APIField("programme", serializer=MethodField(event_programme)),
        "body",
        APIField("calendar_url", serializer=MethodField(event_calendar_url)),
        *taxonomy_fields(),
        *image_fields(),
    ]
    listing_default_fields = ContentPagesEndpoint.listing_default_fields + ["start", "end", "venue"]
    detail_only_fields = [*PagesAPIViewSet.detail_only_fields, "programme"]
