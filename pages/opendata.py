"""What each page type's schema.org JSON-LD (its `json_ld(request)` method) and the share
meta (templatetags/opendata_tags.py) have in common: absolute addresses, the share image,
the site. No models here: the models build on this module."""

from django.templatetags.static import static
from wagtail.models import Site

#: The rendition used for Open Graph, Twitter cards and JSON-LD images (1.91:1).
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg"
#: Shown when a page has no image of its own (static/img/share-default.png).
DEFAULT_SHARE_IMAGE = "img/share-default.png"


def site_of(request):
    site = Site.find_for_request(request) if request is not None else None
    return site or Site.objects.filter(is_default_site=True).first()


def absolute(request, url):
    if url.startswith(("http://", "https://")):
        return url
    if request is not None:
        return request.build_absolute_uri(url)
    site = site_of(None)
    return f"{site.root_url}{url}" if site else url


def share_image(request, page):
    """(absolute URL, alt text, width, height) of the image that represents `page`."""
    image = getattr(page, "card_image", None) or getattr(page, "hero_image", None)
    if image is not None:
        try:
            rendition = image.get_rendition(SHARE_IMAGE_SPEC)
        except Exception:  # noqa: BLE001 - a missing file must not break the page
            rendition = None
        if rendition is not None:
            return absolute(request, rendition.url), rendition.alt, rendition.width, rendition.height
    return absolute(request, static(DEFAULT_SHARE_IMAGE)), "", 1200, 630
