"""Template tags for what machines read on a page: schema.org JSON-LD (Event on pitch
events, Article on feedback stories, Organization on the home page), Open Graph and
Twitter card meta, and the page's news and calendar feeds (<link rel="alternate">, footer).

JSON-LD is emitted as `<script type="application/ld+json">`: a data block, which browsers
never run, so the Content-Security-Policy (script-src 'self' + nonce) does not apply to
it; <, > and & are escaped as in Django's json_script, so no text can close the element.
"""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from initiatives import signups
from initiatives.models import InitiativeIndexPage, InitiativePage, PitchEventIndexPage, PitchEventPage
from pages.models import HomePage, MunicipalitySettings
from participation.models import PolicyFeedbackStoryIndexPage, PolicyFeedbackStoryPage

register = template.Library()

#: The rendition used for Open Graph, Twitter cards and JSON-LD images (1.91:1).
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg"
#: Shown when a page has no image of its own (static/img/share-default.png).
DEFAULT_SHARE_IMAGE = "img/share-default.png"

#: The escapes of Django's json_script: the JSON can never end the <script> element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

#: Open Graph's locale names for the site languages.
OG_LOCALES = {"nl": "nl_NL", "en": "en_GB"}


def _site(request):
    site = Site.find_for_request(request) if request is not None else None
    return site or Site.objects.filter(is_default_site=True).first()


def _absolute(request, url):
    if url.startswith(("http://", "https://")):
        return url
    if request is not None:
        return request.build_absolute_uri(url)
    site = _site(None)
    return f"{site.root_url}{url}" if site else url


def _image_url(request, page):
    image = getattr(page, "card_image", None) or getattr(page, "hero_image", None)
    if image is not None:
        try:
            rendition = image.get_rendition(SHARE_IMAGE_SPEC)
        except Exception:  # noqa: BLE001 - a missing file must not break the page
            rendition = None
        if rendition is not None:
            return _absolute(request, rendition.url), rendition.alt, rendition.width, rendition.height
    return _absolute(request, static(DEFAULT_SHARE_IMAGE)), "", 1200, 630


def _organization(request):
    """The municipality that runs the portal, as a schema.org GovernmentOrganization."""
    site = _site(request)
    if request is not None and site is not None:
        municipality = MunicipalitySettings.for_request(request)  # cached for the request
    else:
        municipality = MunicipalitySettings.for_site(site) if site else None
    data = {"@type": "GovernmentOrganization", "name": municipality.municipality_name if municipality else ""}
    if site is not None:
        data["url"] = site.root_page.localized.get_full_url(request) if site.root_page else site.root_url
    if municipality is not None:
        if municipality.contact_email:
            data["email"] = municipality.contact_email
        if municipality.contact_phone:
            data["telephone"] = municipality.contact_phone
    return data


def _event(request, page):
    location = {"@type": "Place", "name": page.venue_name}
    address = {
        "@type": "PostalAddress",
        "streetAddress": page.street_address,
        "postalCode": page.postal_code,
        "addressLocality": page.city,
        "addressCountry": "NL",
    }
    location["address"] = {key: value for key, value in address.items() if value}
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.summary,
        "startDate": timezone.localtime(page.start).isoformat(),
        "endDate": timezone.localtime(page.end).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": location,
        "organizer": _organization(request),
        "url": page.get_full_url(request),
        "inLanguage": page.locale.language_code,
        "image": [_image_url(request, page)[0]],
        "isAccessibleForFree": True,
    }
    state = page.registration_state
    if state != "past":
        left = signups.availability(page).left
        if state == "open":
            availability = "InStock" if left > 0 else "SoldOut"
        elif state == "not_open":
            availability = "PreOrder"
        else:
            availability = "SoldOut" if left == 0 else "Discontinued"
        offer = {
            "@type": "Offer",
            "url": page.get_full_url(request) + "#registration",
            "price": "0",
            "priceCurrency": "EUR",
            "availability": f"https://schema.org/{availability}",
            "inventoryLevel": {"@type": "QuantitativeValue", "value": left},
        }
        if page.registration_opens_at:
            offer["validFrom"] = timezone.localtime(page.registration_opens_at).isoformat()
        data["offers"] = offer
        data["maximumAttendeeCapacity"] = page.capacity
        data["remainingAttendeeCapacity"] = left
    return data


def _article(request, page):
    organization = _organization(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": page.title[:110],
        "description": page.summary,
        "datePublished": page.date.isoformat(),
        "dateModified": timezone.localtime(page.last_published_at or timezone.now()).isoformat(),
        "author": organization,
        "publisher": organization,
        "mainEntityOfPage": page.get_full_url(request),
        "url": page.get_full_url(request),
        "inLanguage": page.locale.language_code,
        "image": [_image_url(request, page)[0]],
    }
    return data


def structured_data_for(request, page):
    """The schema.org object of `page` (a dict), or None for page types without one."""
    if isinstance(page, PitchEventPage):
        return _event(request, page)
    if isinstance(page, PolicyFeedbackStoryPage):
        return _article(request, page)
    if isinstance(page, HomePage):
        data = {"@context": "https://schema.org", **_organization(request)}
        data["logo"] = _absolute(request, static("img/favicon.svg"))
        return data
    return None


def json_ld(data):
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308 - escaped above


@register.simple_tag(takes_context=True)
def structured_data(context):
    """`{% structured_data %}`: the page's JSON-LD script element, or nothing."""
    page = context.get("page")
    if page is None or getattr(page, "pk", None) is None:
        return ""
    data = structured_data_for(context.get("request"), page)
    return json_ld(data) if data else ""


@register.simple_tag(takes_context=True)
def share_meta(context):
    """What the Open Graph and Twitter card tags need: title, description, url, image."""
    request = context.get("request")
    page = context.get("page")
    if page is None or getattr(page, "pk", None) is None:
        return None
    image, alt, width, height = _image_url(request, page)
    site = _site(request)
    code = translation.get_language() or ""
    return {
        "type": "article" if isinstance(page, PolicyFeedbackStoryPage | InitiativePage) else "website",
        "title": page.seo_title or page.title,
        "description": (page.search_description or page.card_summary or "")[:300],
        "url": page.get_full_url(request),
        "image": image,
        "image_alt": alt or page.title,
        "image_width": width,
        "image_height": height,
        "site_name": site.site_name if site else "",
        "locale": OG_LOCALES.get(code, code),
    }


def _feed(name, title, kind, **kwargs):
    try:
        return {"url": reverse(f"feeds:{name}", kwargs=kwargs or None), "title": title, "type": kind}
    except NoReverseMatch:
        return None


RSS = "application/rss+xml"
ATOM = "application/atom+xml"
ICAL = "text/calendar"


def all_feeds():
    """Every feed of the active language, as the footer lists them."""
    feeds = [
        _feed("initiatives_rss", _("New initiatives (RSS)"), RSS),
        _feed("stories_rss", _("You said, we did (RSS)"), RSS),
        _feed("events_ics", _("Pitch events calendar (iCal)"), ICAL),
    ]
    return [feed for feed in feeds if feed]


@register.simple_tag(takes_context=True)
def feed_alternates(context):
    """The feeds that match the page, for <link rel="alternate"> in the head: on the page
    of one theme or neighbourhood (search/views.py), that theme's or neighbourhood's."""
    page = context.get("page")
    kind, topic = context.get("landing_kind"), context.get("landing")
    if kind in ("theme", "neighbourhood") and topic is not None:
        scope = {"scope": kind, "slug": topic.slug}
        feeds = [
            _feed("initiatives_rss", _("New initiatives: %(topic)s (RSS)") % {"topic": topic.name}, RSS, **scope),
            _feed("stories_rss", _("You said, we did: %(topic)s (RSS)") % {"topic": topic.name}, RSS, **scope),
            _feed("events_ics", _("Pitch events: %(topic)s (iCal)") % {"topic": topic.name}, ICAL, **scope),
        ]
        return [feed for feed in feeds if feed]
    initiatives = [
        _feed("initiatives_rss", _("New initiatives (RSS)"), RSS),
        _feed("initiatives_atom", _("New initiatives (Atom)"), ATOM),
    ]
    stories = [
        _feed("stories_rss", _("You said, we did (RSS)"), RSS),
        _feed("stories_atom", _("You said, we did (Atom)"), ATOM),
    ]
    events = [_feed("events_ics", _("Pitch events calendar (iCal)"), ICAL)]
    if isinstance(page, HomePage):
        feeds = initiatives + stories + events
    elif isinstance(page, InitiativeIndexPage | InitiativePage):
        feeds = initiatives
    elif isinstance(page, PolicyFeedbackStoryIndexPage | PolicyFeedbackStoryPage):
        feeds = stories
    elif isinstance(page, PitchEventIndexPage | PitchEventPage):
        feeds = events
    else:
        feeds = []
    return [feed for feed in feeds if feed]


@register.simple_tag
def footer_feeds():
    return all_feeds()


@register.simple_tag
def event_calendar_url(page):
    """The "add to calendar" address of a pitch event (an .ics file)."""
    return reverse("feeds:event_ics", args=[page.pk])
