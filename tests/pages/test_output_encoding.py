"""CSV exports open as data, never as formulas (pages/csvexport.py): what residents and
editors typed that starts with = + - @ (or a tab or carriage return) comes out of every
CSV export behind a single quote, through the real admin views."""

import csv
import io
from datetime import UTC, datetime, timedelta

import openpyxl
import pytest
from django.contrib.auth.models import Group, User
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from initiatives import signups
from initiatives.models import Pitch, SignUp
from initiatives.wagtail_hooks import SignUpViewSet
from pages.csvexport import ReadableExportMixin
from tests import factories

pytestmark = pytest.mark.django_db

FORMULAS = ['=HYPERLINK("http://x","y")', "=1+2", "+1+2", "-2+3", "@SUM(A1:A2)", "\t=1+2", "\r=1+2"]


def csv_rows(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


@pytest.fixture
def moderator(db):
    user = User.objects.create_user("moderator", password="x" * 16)
    user.groups.add(Group.objects.get(name="Moderatoren"))
    return user


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("beheer", password="x" * 16, email="beheer@gemeente.example")


@pytest.mark.parametrize("formula", FORMULAS, ids=["hyperlink", "equals", "plus", "minus", "at", "tab", "return"])
def test_a_sign_up_name_is_exported_as_text(client, site_tree, moderator, formula):
    event = factories.PitchEventPageFactory(parent=site_tree.events, title="Pitchavond Zuid", capacity=5)
    signups.sign_up(event, name=formula, email="a@bewoner.example.org", seats=1, language="nl")
    signups.sign_up(
        event, name="Fatima", email="f@bewoner.example.org", seats=2, language="nl", accessibility_needs=formula
    )
    client.force_login(moderator)

    rows = csv_rows(client.get("/admin/signups/", {"export": "csv"}))

    column = {field: SignUpViewSet.list_export.index(field) for field in ["event", "name", "email", "seats"]}
    column["needs"] = SignUpViewSet.list_export.index("accessibility_needs")
    by_email = {row[column["email"]]: row for row in rows[1:]}
    assert by_email["a@bewoner.example.org"][column["name"]] == "'" + formula
    assert by_email["f@bewoner.example.org"][column["needs"]] == "'" + formula
    # What cannot be a formula is left as it is: names, numbers.
    assert by_email["f@bewoner.example.org"][column["name"]] == "Fatima"
    assert by_email["f@bewoner.example.org"][column["seats"]] == "2"
    assert by_email["f@bewoner.example.org"][column["event"]] == "Pitchavond Zuid"


def test_the_xlsx_export_keeps_the_text_as_a_string_cell(client, site_tree, moderator):
    """Wagtail stores every XLSX value as a string cell already: no quote is added there."""
    event = factories.PitchEventPageFactory(parent=site_tree.events, title="Pitchavond Zuid", capacity=5)
    signups.sign_up(event, name="=1+2", email="a@bewoner.example.org", seats=1, language="nl")
    client.force_login(moderator)

    response = client.get("/admin/signups/", {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cell = sheet[2][SignUpViewSet.list_export.index("name")]
    assert (cell.value, cell.data_type) == ("=1+2", "s")


def test_the_staff_reports_export_titles_as_text(client, site_tree, superuser):
    factories.PitchEventPageFactory(
        parent=site_tree.events, title="=1+2", capacity=50, start=timezone.now() + timedelta(days=3)
    )
    Pitch.objects.create(
        initiative_name='=HYPERLINK("http://x","y")',
        summary="Samenvatting",
        description="Beschrijving",
        founder_name="Iemand",
        email="iemand@bewoner.example.org",
        language="nl",
    )
    client.force_login(superuser)

    events = csv_rows(client.get(reverse("staff_reports_events"), {"export": "csv"}))
    assert events[1][0] == "'=1+2"
    assert events[1][2] == "50"  # the capacity, a number, untouched

    pitches = csv_rows(client.get(reverse("staff_reports_pitches"), {"export": "csv"}))
    assert pitches[1][0] == '\'=HYPERLINK("http://x","y")'


OUR_APPS = ("initiatives", "participation", "staff", "pages", "notifications", "search", "demo", "portal")


def _views(resolver):
    """(view class, the keyword arguments of as_view()) of every class-based view."""
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _views(pattern)
        elif isinstance(pattern, URLPattern) and hasattr(pattern.callback, "view_class"):
            yield pattern.callback.view_class, pattern.callback.view_initkwargs


def test_every_export_of_meedoen_neutralises_its_csv():
    """Every view with an export that is Meedoen's (its class, or the model of its viewset,
    in one of Meedoen's apps) uses the mixin: a new report or list cannot forget it."""
    exporting = set()
    for view_class, initkwargs in _views(get_resolver()):
        if not issubclass(view_class, SpreadsheetExportMixin):
            continue
        model = initkwargs.get("model")
        ours = view_class.__module__.split(".")[0] in OUR_APPS or (model and model._meta.app_label in OUR_APPS)
        if ours and initkwargs.get("list_export", view_class.list_export):
            exporting.add(view_class)
    assert len(exporting) >= 5, exporting  # the sign-ups list and the four staff reports
    assert sorted(view.__qualname__ for view in exporting if not issubclass(view, ReadableExportMixin)) == []


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_the_sign_up_export_reads_as_a_dutch_spreadsheet(client, site_tree, moderator, export_format):
    """Local time to the second, "ja"/"nee", and a heading for the event that says event."""
    event = factories.PitchEventPageFactory(parent=site_tree.events, title="Pitchavond Zuid", capacity=5)
    signups.sign_up(event, name="Fatima", email="f@bewoner.example.org", seats=1, language="nl", wants_updates=True)
    signed_up_at = datetime(2026, 7, 1, 10, 15, 30, 123456, tzinfo=UTC)
    SignUp.objects.update(created_at=signed_up_at)  # summer: Amsterdam is UTC+2
    client.force_login(moderator)

    response = client.get("/admin/signups/", {"export": export_format}, HTTP_ACCEPT_LANGUAGE="nl")
    if export_format == "csv":
        rows = csv_rows(response)
    else:
        sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
        rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    heading, row = rows[0], dict(zip(rows[0], rows[1], strict=True))
    assert heading[SignUpViewSet.list_export.index("event")] == "Pitchavond"
    assert row["Pitchavond"] == "Pitchavond Zuid"
    assert str(row["Aangemeld op"]) == "2026-07-01 12:15:30"
    assert row[heading[SignUpViewSet.list_export.index("wants_updates")]] == "ja"


def test_a_share_on_screen_is_rounded_as_in_the_export():
    from django.utils import translation

    from staff.templatetags.staff_tags import percent
    from staff.wagtail_hooks import _percent

    with translation.override("nl"):
        assert percent(0.0379) == "3,8%"  # not cut off to 3,7
    assert _percent(0.0379) == 3.8
