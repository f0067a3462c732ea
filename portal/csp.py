"""The Content Security Policy for Wagtail's admin.

The public site runs scripts only from our own host or with the request's nonce. Wagtail's
admin (the page editor and the widgets it builds from HTML templates) still executes
inline scripts, so for /admin/ the policy allows inline scripts from our own pages. Every
other directive stays as strict as on the public site: no third-party hosts anywhere.
"""

from django.urls import reverse

SELF = "'self'"


class AdminScriptsMiddleware:
    """Placed after django-csp's CSPMiddleware, so it marks the response before the
    policy header is built."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(reverse("wagtailadmin_home")):
            response._csp_replace = {"script-src": [SELF, "'unsafe-inline'"]}
        return response
