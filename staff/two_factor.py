"""Two-factor authentication for staff (django-otp, time-based codes from an authenticator
app), switched on with STAFF_2FA. With it on, a signed-in admin user reaches nothing in
the admin before confirming this login with a code; one without an app yet sets it up
first (a QR code to scan, and the key as text to type into the app)."""

import base64
from urllib.parse import urlsplit

import segno
from django import forms
from django.conf import settings
from django.db import transaction
from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import Resolver404, path, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

# What every admin page loads besides itself, the two-factor pages included: Wagtail's icon
# sprite and its JavaScript translation catalogue. They hold nothing about staff or
# content, so they are served before the code; and they are no page to return to after it.
PAGE_PARTS = {"wagtailadmin_sprite", "wagtailadmin_javascript_catalog"}
# The admin addresses a signed-in user who has not given the code yet may open.
BEFORE_THE_CODE = {"wagtailadmin_login", "wagtailadmin_logout", "staff_2fa_verify", "staff_2fa_setup"}


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def _view_name(path):
    try:
        return resolve(path).view_name
    except Resolver404:
        return None


def _next(request):
    """Where to go after the code: the page the user was opening, if it is one on this
    host; never a page part (the icon sprite, a script, a static file) nor the login and
    two-factor pages themselves. Otherwise the dashboard."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    home = reverse("wagtailadmin_home")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return home
    target_path = urlsplit(target).path
    if target_path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
        return home
    return home if _view_name(target_path) in PAGE_PARTS | BEFORE_THE_CODE else target


def qr_code(config_url):
    """The otpauth:// address as an inline SVG QR code (segno): nothing is fetched from
    elsewhere (the CSP allows no third party). Dark on white with the quiet zone, so it
    scans on the admin's dark theme too; role and title name it for screen readers, and
    the page shows the key as text for whoever cannot scan."""
    svg = segno.make_qr(config_url).svg_inline(
        scale=4, dark="#000", light="#fff", title=gettext("QR code for your authenticator app"), svgclass="qr-code"
    )
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))


def verify(request):
    """Confirm this login with a code from the app."""
    if not request.user.is_authenticated:
        return redirect("wagtailadmin_login")
    if not user_has_device(request.user):
        return redirect("staff_2fa_setup")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            for device in devices_for_user(request.user, for_verify=True):
                if device.verify_token(form.cleaned_data["token"].strip()):
                    otp_login(request, device)
                    return redirect(_next(request))
        form.add_error("token", _("This code is not right. Check the time on your phone and try the newest code."))
    context = {"form": form, "next": _next(request), "page_title": _("Two-step login")}
    return TemplateResponse(request, "staff/two_factor_verify.html", context, status=400 if form.errors else 200)


def setup(request):
    """Link an authenticator app: show the key, confirm it with a first code."""
    if not request.user.is_authenticated:
        return redirect("wagtailadmin_login")
    if user_has_device(request.user):
        return redirect("staff_2fa_verify")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=str(_("Authenticator app")), confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"].strip()):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return redirect(_next(request))
        form.add_error("token", _("This code is not right. Check the key in your app and try the newest code."))
    context = {
        "form": form,
        "next": _next(request),
        "key": base64.b32encode(device.bin_key).decode(),
        "config_url": device.config_url,
        "qr_code": qr_code(device.config_url),
        "page_title": _("Set up two-step login"),
    }
    return TemplateResponse(request, "staff/two_factor_setup.html", context, status=400 if form.errors else 200)


def urls():
    return [
        path("two-factor/", verify, name="staff_2fa_verify"),
        path("two-factor/setup/", setup, name="staff_2fa_setup"),
    ]


def _opens_a_page(request):
    """Whether the browser is opening a page (typed address, link, form) rather than
    loading a part of one (a script, an image, a fetch or XHR answer). Browsers say so in
    Sec-Fetch-Mode; without it, an XMLHttpRequest or an Accept without HTML is no page."""
    mode = request.headers.get("Sec-Fetch-Mode")
    if mode:
        return mode == "navigate"
    return request.headers.get("X-Requested-With") != "XMLHttpRequest" and request.accepts("text/html")


class RequireVerifiedStaffMiddleware:
    """With STAFF_2FA on, a signed-in user who has not confirmed this login with a code
    reaches no admin address but BEFORE_THE_CODE and PAGE_PARTS. Opening an admin page
    leads to the code, and back to that page after it. Anything else (a fetch, a script)
    is refused with 403, not redirected: the code page would end up inside the page that
    asked for it, and its address would be kept as the one to return to."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.MEEDOEN_STAFF_2FA and self._needs_code(request):
            if not _opens_a_page(request):
                return HttpResponseForbidden(
                    gettext("Confirm this login with the code from your authenticator app first."),
                    content_type="text/plain; charset=utf-8",
                )
            target = reverse("staff_2fa_verify" if user_has_device(request.user) else "staff_2fa_setup")
            if request.method in ("GET", "HEAD"):
                target += f"?{urlencode({'next': request.get_full_path()})}"
            return redirect(target)
        return self.get_response(request)

    def _needs_code(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():
            return False
        if not request.path.startswith(reverse("wagtailadmin_home")):
            return False
        return _view_name(request.path_info) not in (PAGE_PARTS | BEFORE_THE_CODE)
