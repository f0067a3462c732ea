from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import reverse

from pages import publiccache
from pages.models import MunicipalitySettings

from ..models import Branding

register = template.Library()


@dataclass(frozen=True)
class Brand:
    municipality: str  # the municipality's name: the logo's text
    logo_url: str  # "" without a logo


@register.simple_tag(takes_context=True)
def brand(context):
    """The municipality's name and logo for the site's header and the admin."""
    request = context.get("request")
    if request is None:
        return Brand(settings.WAGTAIL_SITE_NAME, "")
    branding = Branding.for_request_cached(request)
    municipality = ""
    if branding.site_id:
        # CachedSiteMiddleware has put it on the request already (no query).
        municipality = MunicipalitySettings.for_request(request).municipality_name
    logo_url = branding.logo.url if branding.logo else ""
    return Brand(municipality or settings.WAGTAIL_SITE_NAME, logo_url)


@register.simple_tag
def branding_css_url():
    """/branding.css with the public cache's generation: a save of the setting (which
    starts a new one) gives a new address, so no browser keeps the old colours."""
    return f"{reverse('branding_css')}?v={publiccache.generation()}"
