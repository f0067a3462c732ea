"""Staff views per pitch event: seats against capacity, the check-in list, the waiting
list, and acting on a resident's behalf (cancel, move up, close registration early).

Viewing needs "view sign-up", acting "change sign-up" (the Moderatoren group). Every
action goes through initiatives/signups.py, like a resident's own (closing registration:
PitchEventPage.close_registration)."""

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from . import pitches, signups
from .models import PitchEventPage, SignUp


def _require(request, action):
    if not request.user.has_perm(f"initiatives.{action}_signup"):
        raise PermissionDenied


def _event(pk):
    return get_object_or_404(PitchEventPage, pk=pk)


def events(request):
    """Every pitch event from yesterday on, with its seats and waiting list."""
    _require(request, "view")
    upcoming = PitchEventPage.objects.filter(end__gte=timezone.now() - timedelta(days=1))
    # One row per event, not per translation: the first page made (normally the Dutch one).
    seen, rows = set(), []
    for event in upcoming.order_by("start", "pk"):
        if event.translation_key not in seen:
            seen.add(event.translation_key)
            rows.append({"event": event, "availability": signups.availability(event)})
    return TemplateResponse(
        request,
        "initiatives/admin/events.html",
        {"rows": rows, "page_title": _("Sign-ups per event"), "header_icon": "group"},
    )


def event_detail(request, pk):
    _require(request, "view")
    event = _event(pk)
    key = event.translation_key
    context = {
        "event": event,
        "availability": signups.availability(event),
        "confirmed": SignUp.objects.filter(event_key=key, status="confirmed").order_by("name", "pk"),
        "waiting": signups.waiting_list(key),
        "cancelled_count": SignUp.objects.filter(event_key=key, status="cancelled").count(),
        "can_change": request.user.has_perm("initiatives.change_signup"),
        "page_title": event.title,
        "page_subtitle": _("Sign-ups"),
        "header_icon": "group",
    }
    return TemplateResponse(request, "initiatives/admin/event_detail.html", context)


def check_in(request, pk):
    """A plain page to print and tick off at the door."""
    _require(request, "view")
    event = _event(pk)
    confirmed = SignUp.objects.filter(event_key=event.translation_key, status="confirmed").order_by("name", "pk")
    return TemplateResponse(
        request,
        "initiatives/admin/check_in.html",
        {"event": event, "confirmed": confirmed, "availability": signups.availability(event)},
    )


@require_POST
def cancel(request, pk, signup_pk):
    _require(request, "change")
    event = _event(pk)
    outcome = signups.cancel(get_object_or_404(SignUp, pk=signup_pk, event_key=event.translation_key).pk)
    if outcome.ok:
        messages.success(request, _("The sign-up is cancelled; %(count)s moved up.") % {"count": len(outcome.promoted)})
    else:
        messages.warning(request, _("This sign-up was cancelled already."))
    return redirect("signups_event", pk=event.pk)


@require_POST
def move_up(request, pk, signup_pk):
    _require(request, "change")
    event = _event(pk)
    outcome = signups.move_up(get_object_or_404(SignUp, pk=signup_pk, event_key=event.translation_key).pk)
    if outcome.ok:
        messages.success(request, _("Moved up: the seats are confirmed and the resident gets an e-mail."))
    else:
        messages.error(request, _("Not moved up: there are not enough seats left for this request."))
    return redirect("signups_event", pk=event.pk)


@require_POST
def close_registration(request, pk):
    """Close registration now, on the event and on each of its translations. A sign-up
    power of its own: it needs no right to publish pages, and publishes nothing else
    (PitchEventPage.close_registration)."""
    _require(request, "change")
    event = _event(pk)
    with transaction.atomic():
        for page in PitchEventPage.objects.filter(translation_key=event.translation_key):
            page.close_registration(request.user)
    messages.success(request, _("Registration is closed."))
    return redirect("signups_event", pk=event.pk)


class PersonalDataForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-mail address of the resident"), max_length=254)


def personal_data(request):
    """A resident's request (GDPR): download everything held about an e-mail address as
    JSON, or erase it (sign-ups cancelled and anonymised, messages deleted). Erasing
    cannot be undone, so the first click shows what would go and asks again."""
    _require(request, "view")
    form = PersonalDataForm(request.POST or None)
    context = {
        "form": form,
        "can_change": request.user.has_perm("initiatives.change_signup"),
        "page_title": _("Personal data of a resident"),
        "header_icon": "user",
    }
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        erasing = request.POST.get("action") == "erase"
        if erasing:
            _require(request, "change")
        if erasing and request.POST.get("confirm") == "yes":
            erased, deleted = signups.erase(email)
            removed = pitches.erase(email)
            parts = [
                ngettext("%(count)s sign-up", "%(count)s sign-ups", erased) % {"count": erased},
                ngettext("%(count)s message", "%(count)s messages", deleted) % {"count": deleted},
                ngettext("%(count)s pitch", "%(count)s pitches", removed) % {"count": removed},
            ]
            messages.success(request, _("Erased: %(parts)s.") % {"parts": get_text_list(parts, _("and"))})
            return redirect("signups_personal_data")
        data = {**signups.personal_data(email), "pitches": pitches.personal_data(email)}
        if erasing:
            return TemplateResponse(request, "initiatives/admin/personal_data.html", {**context, "to_erase": data})
        response = JsonResponse(data, json_dumps_params={"indent": 2, "ensure_ascii": False})
        response["Content-Disposition"] = 'attachment; filename="personal-data.json"'
        return response
    return TemplateResponse(request, "initiatives/admin/personal_data.html", context)


def urls():
    return [
        path("signups/personal-data/", personal_data, name="signups_personal_data"),
        path("signups/events/", events, name="signups_events"),
        path("signups/events/<int:pk>/", event_detail, name="signups_event"),
        path("signups/events/<int:pk>/check-in/", check_in, name="signups_check_in"),
        path("signups/events/<int:pk>/close/", close_registration, name="signups_close"),
        path("signups/events/<int:pk>/<int:signup_pk>/cancel/", cancel, name="signups_cancel"),
        path("signups/events/<int:pk>/<int:signup_pk>/move-up/", move_up, name="signups_move_up"),
    ]
