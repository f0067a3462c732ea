from django.http import HttpResponse

from pages import publiccache

from . import theme
from .models import Branding


@publiccache.cached_view("branding-css")
def branding_css(request):
    """/branding.css: the municipality's colours as NL Design System tokens, read by the
    main stylesheet (linked after it). Plain `#rrggbb` values only; kept in the public cache
    until the next save."""
    colours = Branding.for_request_cached(request).colours()
    css = "/* The municipality's look (Settings > Look and logo). */\n" + theme.theme_css(colours)
    return HttpResponse(css, content_type="text/css; charset=utf-8")
