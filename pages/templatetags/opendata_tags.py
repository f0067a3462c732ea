"""Template tags for what machines read on a page: schema.org JSON-LD (each page type's own,
from its `json_ld(request)` method: Event on pitch events, Article on feedback stories,
Organization on the home page), Open Graph and Twitter card meta, and the page's news and
calendar feeds (<link rel="alternate">, footer).

JSON-LD is emitted as `<script type="application/ld+json">`: a data block, which browsers
never run, so the Content-Security-Policy (script-src 'self' + nonce) does not apply to
it; <, > and & are escaped as in Django's json_script, so no text can close the element.
"""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from pages.opendata import share_image, site_of

register = template.Library()

#: The escapes of Django's json_script: the JSON can never end the <script> element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

#: Open Graph's locale names for the site languages.
OG_LOCALES = {"nl": "nl_NL", "en": "en_GB"}


def structured_data_for(request, page):
    """The schema.org object of `page` (a dict), or None for page types without one."""
    json_ld = getattr(page, "json_ld", None)
    return json_ld(request) if json_ld is not None else None


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
    image, alt, width, height = share_image(request, page)
    site = site_of(request)
    code = translation.get_language() or ""
    return {
        "type": getattr(page, "og_type", "website"),
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
    groups = {
        "initiatives": [
            _feed("initiatives_rss", _("New initiatives (RSS)"), RSS),
            _feed("initiatives_atom", _("New initiatives (Atom)"), ATOM),
        ],
        "stories": [
            _feed("stories_rss", _("You said, we did (RSS)"), RSS),
            _feed("stories_atom", _("You said, we did (Atom)"), ATOM),
        ],
        "events": [_feed("events_ics", _("Pitch events calendar (iCal)"), ICAL)],
    }
    # Each page type names the feeds that match it (`feed_groups`).
    feeds = [feed for group in getattr(page, "feed_groups", ()) for feed in groups.get(group, [])]
    return [feed for feed in feeds if feed]


@register.simple_tag
def footer_feeds():
    return all_feeds()


@register.simple_tag
def event_calendar_url(page):
    """The "add to calendar" address of a pitch event (an .ics file)."""
    return reverse("feeds:event_ics", args=[page.pk])
