"""The staff overview in Wagtail's admin: a dashboard panel, three reports (upcoming
events, inclusion, feedback debt) with CSV and Excel export, and the two-factor pages."""

from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.reports import ReportView

from pages.csvexport import ReadableExportMixin

from . import reports, two_factor


class StaffReportView(ReadableExportMixin, ReportView):
    """A report over a list of rows from staff/reports.py; CSV/XLSX export of the same rows
    (titles come from editors and residents, so CSV cells are neutralised: pages/csvexport.py)."""

    paginate_by = None

    def dispatch(self, request, *args, **kwargs):
        if not reports.can_view_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return self.export_filename


class UpcomingEventsReport(StaffReportView):
    page_title = _("Upcoming events")
    header_icon = "calendar"
    index_url_name = "staff_reports_events"
    results_template_name = "staff/reports/events_results.html"
    export_filename = "evenementen"
    list_export = [
        "title",
        "start",
        "capacity",
        "seats_taken",
        "seats_left",
        "waiting_signups",
        "waiting_seats",
        "registration_label",
    ]
    export_headings = {
        "title": _("Event"),
        "start": _("Starts at"),
        "capacity": _("Seats"),
        "seats_taken": _("Seats taken"),
        "seats_left": _("Seats left"),
        "waiting_signups": _("Sign-ups waiting"),
        "waiting_seats": _("Seats asked by those waiting"),
        "registration_label": _("Registration"),
    }

    def get_queryset(self):
        return reports.upcoming_events()


class FeedbackDebtReport(StaffReportView):
    page_title = _("Feedback debt")
    header_icon = "comment"
    index_url_name = "staff_reports_feedback_debt"
    results_template_name = "staff/reports/feedback_debt_results.html"
    export_filename = "terugkoppeling-open"
    list_export = ["title", "participation_ended_on", "days_ago"]
    export_headings = {
        "title": _("Participation project"),
        "participation_ended_on": _("Participation ended on"),
        "days_ago": _("Days ago"),
    }

    def get_queryset(self):
        return reports.feedback_debt()


class PitchesReport(StaffReportView):
    """Open pitches, oldest waiting first, and how many pitches there are per status.
    Only for staff who may read pitches."""

    page_title = _("Pitches waiting")
    header_icon = "pick"
    index_url_name = "staff_reports_pitches"
    results_template_name = "staff/reports/pitches_results.html"
    export_filename = "pitches-wachtend"
    list_export = ["title", "status", "waiting_since", "days_waiting", "wished_event"]
    export_headings = {
        "title": _("Initiative"),
        "status": _("Status"),
        "waiting_since": _("Waiting since"),
        "days_waiting": _("Days waiting"),
        "wished_event": _("Wished pitch event"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("initiatives.view_pitch"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return reports.pitches_waiting()

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["by_status"] = reports.pitches_by_status()
        return context


class InclusionReport(StaffReportView):
    page_title = _("Who takes part where")
    header_icon = "group"
    index_url_name = "staff_reports_inclusion"
    results_template_name = "staff/reports/inclusion_results.html"
    export_filename = "deelname-per-wijk"

    @property
    def figures(self):
        if not hasattr(self, "_figures"):
            self._figures = reports.inclusion()
        return self._figures

    @property
    def list_export(self):
        return (
            ["name", "population", "population_share_percent"]
            + [f"count_{source.key}" for source in self.figures.sources]
            + ["total", "total_share_percent", "under_represented"]
        )

    @property
    def export_headings(self):
        headings = {
            "name": _("Neighbourhood"),
            "population": _("Residents"),
            "population_share_percent": _("Share of residents (%)"),
            "total": _("Total"),
            "total_share_percent": _("Share of taking part (%)"),
            "under_represented": _("Under-represented"),
        }
        headings.update({f"count_{source.key}": source.label for source in self.figures.sources})
        return headings

    def get_queryset(self):
        return [ExportRow(row) for row in self.figures.neighbourhoods]

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["figures"] = self.figures
        context["chart_rows"] = [row for row in self.figures.neighbourhoods if row.key is not None]
        return context


class ExportRow:
    """An inclusion row with flat attributes for the spreadsheet export."""

    def __init__(self, row):
        self.row = row
        self.name, self.population, self.total = row.name, row.population, row.total
        self.population_share_percent = _percent(row.population_share)
        self.total_share_percent = _percent(row.total_share)
        self.under_represented = row.under_represented
        for key, count in row.counts.items():
            setattr(self, f"count_{key}", count)


def _percent(share):
    return None if share is None else round(share * 100, 1)


REPORTS = [
    ("events", UpcomingEventsReport, "staff_reports_events", "calendar"),
    ("inclusion", InclusionReport, "staff_reports_inclusion", "group"),
    ("pitches", PitchesReport, "staff_reports_pitches", "pick"),
    ("feedback-debt", FeedbackDebtReport, "staff_reports_feedback_debt", "comment"),
]


@hooks.register("register_admin_urls")
def register_staff_urls():
    report_urls = [path(f"{slug}/", view.as_view(), name=name) for slug, view, name, _icon in REPORTS]
    return [
        path("meedoen-reports/", include(report_urls)),
        *two_factor.urls(),
    ]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return reports.can_view_reports(request.user)


@hooks.register("register_reports_menu_item")
def register_events_report():
    return ReportMenuItem(_("Upcoming events"), reverse("staff_reports_events"), icon_name="calendar", order=100)


@hooks.register("register_reports_menu_item")
def register_inclusion_report():
    return ReportMenuItem(_("Who takes part where"), reverse("staff_reports_inclusion"), icon_name="group", order=101)


@hooks.register("register_reports_menu_item")
def register_feedback_debt_report():
    return ReportMenuItem(_("Feedback debt"), reverse("staff_reports_feedback_debt"), icon_name="comment", order=102)


class PitchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("initiatives.view_pitch")


@hooks.register("register_reports_menu_item")
def register_pitches_report():
    return PitchReportMenuItem(_("Pitches waiting"), reverse("staff_reports_pitches"), icon_name="pick", order=103)


class StaffOverviewPanel(Component):
    """The dashboard: events coming up, neighbourhoods taking part less, stories owed."""

    name = "meedoen_overview"
    template_name = "staff/overview_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(reports.summary())
        request = parent_context.get("request")
        if request is not None and request.user.has_perm("initiatives.view_pitch"):
            context["pitches"] = reports.pitches_waiting()[:5]
        return context


@hooks.register("construct_homepage_panels")
def add_overview_panel(request, panels):
    if reports.can_view_reports(request.user):
        panels.append(StaffOverviewPanel())
