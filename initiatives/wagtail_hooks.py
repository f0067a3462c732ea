"""Staff views of residents' sign-ups in the Wagtail admin.

Sign-ups hold personal data, so they are a plain model behind Django's model permissions:
only groups with "view sign-up" (the Moderatoren group, made by a data migration) see the
list, and the search runs in the database, never through the search index."""

from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button

from pages.csvexport import ReadableExportMixin

from . import admin_views, pitch_admin
from .models import InitiativePage, Pitch, SignUp


class SignUpIndexView(ReadableExportMixin, IndexView):
    """The list of sign-ups; its export holds what residents typed, so no CSV cell may
    run as a spreadsheet formula, and reads in local time and words (pages/csvexport.py)."""


class SignUpViewSet(ModelViewSet):
    model = SignUp
    index_view_class = SignUpIndexView
    icon = "group"
    menu_label = _("Sign-ups")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "event", "status", "seats", "role", "created_at"]
    list_filter = ["status", "role", "wants_updates", "event"]
    search_fields = ["name", "email"]
    search_backend_name = None  # personal data stays out of the search index
    ordering = ["event_key", "status", "created_at"]
    list_export = [
        "event",
        "name",
        "email",
        "seats",
        "get_status_display",
        "get_role_display",
        "accessibility_needs",
        "wants_updates",
        "language",
        "created_at",
    ]
    export_headings = {
        "event": _("Event"),  # the field's own label, "signed up on", reads as a date
        "get_status_display": _("Status"),
        "get_role_display": _("Comes to"),
        "created_at": _("Signed up at"),
    }
    export_filename = "aanmeldingen"
    # Seats and status change only through the rules (initiatives/signups.py), never by
    # editing a row: staff correct what a resident typed.
    form_fields = ["name", "accessibility_needs", "wants_updates"]
    inspect_view_enabled = True
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_signup_viewset():
    return SignUpViewSet("signups")


@hooks.register("register_admin_urls")
def register_signup_event_urls():
    return admin_views.urls()


class SignUpMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("initiatives.view_signup")


@hooks.register("register_admin_menu_item")
def register_signup_events_menu_item():
    return SignUpMenuItem(_("Sign-ups per event"), reverse_lazy("signups_events"), icon_name="calendar", order=249)


@hooks.register("register_admin_viewset")
def register_pitch_viewset():
    return pitch_admin.PitchViewSet("pitches")


@hooks.register("register_admin_urls")
def register_pitch_review_urls():
    return pitch_admin.urls()


@hooks.register("register_page_header_buttons")
def pitch_button(page, user, view_name, next_url=None):
    """On an initiative made from a pitch: a link back to the pitch, for staff who may read it."""
    if page.specific_class is InitiativePage and user.has_perm("initiatives.view_pitch"):
        for pk in Pitch.objects.filter(initiative_id=page.pk).values_list("pk", flat=True):
            yield Button(_("The pitch"), reverse("pitches_review", args=[pk]), icon_name="pick", priority=80)
