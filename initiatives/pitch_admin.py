"""Staff review pitches in the Wagtail admin: a filtered, searchable list (a ModelViewSet's
index view) and one review screen per pitch with the whole pitch, the thread with the
founder and the actions. Every action goes through initiatives/pitches.py.

Who may do what, named once:
- "view pitch": read pitches without the founder's contact details (Communicatie);
- "view pitch contact": also see name, e-mail, phone and organisation (Moderatoren);
- "change pitch": review, ask, decline, accept, put on a programme (Moderatoren).
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from . import pitches
from .models import Pitch, PitchEventPage

VIEW, CONTACT, CHANGE = "initiatives.view_pitch", "initiatives.view_pitch_contact", "initiatives.change_pitch"


def _require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


# --- The list ------------------------------------------------------------------------------


class PitchIndexView(IndexView):
    """The list: each row opens the review screen; pitches are never added or edited here."""

    def get_edit_url(self, instance):
        return reverse("pitches_review", args=[instance.pk])

    def get_add_url(self):
        return None

    def get_copy_url(self, instance):
        return None

    def get_delete_url(self, instance):
        return None

    def get_inspect_url(self, instance):
        return None


class PitchURLFinder(ModelAdminURLFinder):
    def get_edit_url(self, instance):
        return reverse("pitches_review", args=[instance.pk])


class PitchViewSet(ModelViewSet):
    model = Pitch
    icon = "pick"
    menu_label = gettext_lazy("Pitches")
    menu_order = 240
    add_to_admin_menu = True
    index_view_class = PitchIndexView
    url_finder_class = PitchURLFinder
    list_display = ["initiative_name", "status", "wished_event", "language", "created_at"]
    list_filter = ["status", "themes", "neighbourhoods", "wished_event"]
    # Searching never covers contact details, and runs in the database: pitches are not indexed.
    search_fields = ["initiative_name", "summary", "description"]
    search_backend_name = None
    ordering = ["created_at"]
    copy_view_enabled = False

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]


# --- The review screen -------------------------------------------------------------------------


class QuestionForm(forms.Form):
    question = forms.CharField(
        label=gettext_lazy("Your question to the founder"),
        min_length=5,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason (the founder reads this)"),
        min_length=10,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ProgrammeForm(forms.Form):
    event = forms.ModelChoiceField(label=gettext_lazy("Pitch event"), queryset=PitchEventPage.objects.none())
    starts_at = forms.TimeField(label=gettext_lazy("Time (optional)"), required=False)
    note = forms.CharField(label=gettext_lazy("Note (optional)"), max_length=200, required=False)

    def __init__(self, *args, pitch, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = PitchEventPage.objects.filter(
            locale__language_code=pitch.language, end__gte=timezone.now()
        ).order_by("start")


def review(request, pk):
    _require(request, VIEW)
    pitch = get_object_or_404(Pitch.objects.select_related("wished_event", "initiative", "page"), pk=pk)
    forms_ = {
        "question_form": QuestionForm(),
        "decline_form": DeclineForm(),
        "programme_form": ProgrammeForm(pitch=pitch),
    }
    status = 200
    if request.method == "POST":
        _require(request, CHANGE)
        response, bound, status = _act(request, pitch)
        if response is not None:
            return response
        forms_.update(bound)
    context = {
        "pitch": pitch,
        "thread": pitch.messages.select_related("staff_user"),
        "emails": pitch.emails.all(),
        "themes": pitch.themes.all(),
        "neighbourhoods": pitch.neighbourhoods.all(),
        "can_see_contact": request.user.has_perm(CONTACT),
        "can_change": request.user.has_perm(CHANGE),
        "page_title": pitch.initiative_name,
        "page_subtitle": _("Pitch"),
        "header_icon": "pick",
        **forms_,
    }
    response = TemplateResponse(request, "initiatives/admin/pitch_review.html", context)
    response.status_code = status
    return response


def _act(request, pitch):
    """Run the action a review form posted. Returns (redirect or None, bound forms, status)."""
    action = request.POST.get("action")
    done = redirect("pitches_review", pk=pitch.pk)
    try:
        if action == "review":
            pitches.start_review(pitch.pk, request.user)
            messages.success(request, _("The pitch is in review; the founder gets an e-mail."))
            return done, {}, 200
        if action == "ask":
            form = QuestionForm(request.POST)
            if not form.is_valid():
                return None, {"question_form": form}, 400
            pitches.ask_information(pitch.pk, request.user, form.cleaned_data["question"])
            messages.success(request, _("Your question is on its way to the founder."))
            return done, {}, 200
        if action == "decline":
            form = DeclineForm(request.POST)
            if not form.is_valid():
                return None, {"decline_form": form}, 400
            pitches.decline(pitch.pk, request.user, form.cleaned_data["reason"])
            messages.success(request, _("The pitch is declined; the founder gets an e-mail with your reason."))
            return done, {}, 200
        if action == "accept":
            page = pitches.accept(pitch.pk, request.user)
            messages.success(
                request,
                _(
                    "Accepted. A draft initiative page has been made: "
                    "check it, improve it and submit it for publication."
                ),
                buttons=[messages.button(reverse("wagtailadmin_pages:edit", args=[page.pk]), _("Edit the draft"))],
            )
            return done, {}, 200
        if action == "programme":
            form = ProgrammeForm(request.POST, pitch=pitch)
            if not form.is_valid():
                return None, {"programme_form": form}, 400
            data = form.cleaned_data
            published = pitches.add_to_programme(pitch.pk, data["event"], request.user, data["starts_at"], data["note"])
            if published:
                messages.success(request, _("The initiative is on the programme of the event."))
            else:
                messages.success(
                    request, _("The initiative is on the programme in a draft of the event; an editor publishes it.")
                )
            return done, {}, 200
    except pitches.Refused as refused:
        messages.error(request, str(refused))
        return done, {}, 409
    messages.error(request, _("Unknown action."))
    return done, {}, 400


def image(request, pk):
    """The pitch's image, for staff only: pitch images are not in the public media."""
    _require(request, VIEW)
    pitch = get_object_or_404(Pitch, pk=pk)
    if not pitch.image:
        raise Http404
    response = FileResponse(pitch.image.open("rb"))
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def urls():
    return [
        path("pitches/review/<int:pk>/", review, name="pitches_review"),
        path("pitches/review/<int:pk>/image/", image, name="pitches_image"),
    ]
