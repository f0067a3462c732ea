"""Two-factor authentication for staff (django-otp, time-based codes from an authenticator
app), switched on with STAFF_2FA. With it on, a signed-in admin user reaches nothing in
the admin before confirming this login with a code; one without an app yet sets it up
first (the key is shown to type into the app)."""

import base64

from django import forms
from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def _next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("wagtailadmin_home")


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
        "page_title": _("Set up two-step login"),
    }
    return TemplateResponse(request, "staff/two_factor_setup.html", context, status=400 if form.errors else 200)


def urls():
    return [
        path("two-factor/", verify, name="staff_2fa_verify"),
        path("two-factor/setup/", setup, name="staff_2fa_setup"),
    ]


class RequireVerifiedStaffMiddleware:
    """With STAFF_2FA on, every admin address except logging in and out and the two
    two-factor pages sends a signed-in user who has not confirmed this login to them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.MEEDOEN_STAFF_2FA and self._needs_code(request):
            target = "staff_2fa_verify" if user_has_device(request.user) else "staff_2fa_setup"
            return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    def _needs_code(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():
            return False
        admin = reverse("wagtailadmin_home")
        if not request.path.startswith(admin):
            return False
        exempt = [reverse(name) for name in ("wagtailadmin_login", "wagtailadmin_logout")]
        exempt += [reverse("staff_2fa_verify"), reverse("staff_2fa_setup")]
        return request.path not in exempt
