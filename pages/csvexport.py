"""CSV exports that a spreadsheet opens as data, never as formulas.

Wagtail's spreadsheet export (SpreadsheetExportMixin, behind every `list_export` in the
admin: sign-ups, the staff reports) writes CSV cells as they are. A spreadsheet runs a
cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return before one) as a
formula, so a resident who signs up as `=HYPERLINK("http://x","y")` would put a live link
in a moderator's sheet ("CSV injection"). OWASP's remedy: start such a cell with a single
quote, which spreadsheets show as text. The XLSX export needs nothing: Wagtail already
stores every value there as a string cell."""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

#: A cell that starts with one of these is read as a formula by spreadsheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """`value` with a leading `'` if it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeCsvExportMixin:
    """Mix in before a Wagtail view with `list_export` (an IndexView, a ReportView) so its
    CSV cells are neutralised; numbers and dates stay numbers and dates."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == SpreadsheetExportMixin.FORMAT_CSV:
            return neutralise(value)
        return value
