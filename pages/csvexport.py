"""Spreadsheet exports that read well and open as data, never as formulas.

Wagtail's spreadsheet export (SpreadsheetExportMixin, behind every `list_export` in the
admin: sign-ups, the staff reports) writes values as Python has them. `ReadableExportMixin`
makes them what a municipality's staff expect in a Dutch spreadsheet:

- times in local time, to the second (Wagtail writes UTC with microseconds);
- yes or no in the interface's language instead of True and False;
- in CSV, text that a spreadsheet would run as a formula starts with a single quote. A cell
  that starts with `=`, `+`, `-` or `@` (or a tab or carriage return before one) is a
  formula to a spreadsheet, so a resident who signs up as `=HYPERLINK("http://x","y")`
  would put a live link in a moderator's sheet ("CSV injection"); OWASP's remedy is the
  quote, which spreadsheets show as text. The XLSX export needs nothing: Wagtail already
  stores every value there as a string cell."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.views.mixins import SpreadsheetExportMixin

#: A cell that starts with one of these is read as a formula by spreadsheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """`value` with a leading `'` if it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def readable(value):
    """A time in local time to the second (without a zone: spreadsheets know none), a
    yes/no as words; anything else as it is."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.make_naive(value)  # in the current (the municipality's) zone
        return value.replace(microsecond=0)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return value


class ReadableExportMixin:
    """Mix in before a Wagtail view with `list_export` (an IndexView, a ReportView)."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, readable(value), export_format)
        if export_format == SpreadsheetExportMixin.FORMAT_CSV:
            return neutralise(value)
        return value
