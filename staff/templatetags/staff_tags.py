"""Small filters for the staff reports' chart and tables."""

from django import template
from django.utils.formats import number_format

register = template.Library()

BAR_MAX = 380  # the chart's bars are drawn from x=200 to at most x=580
ROW_HEIGHT = 34


@register.filter
def bar_width(share):
    return round((share or 0) * BAR_MAX, 1)


@register.filter
def chart_y(index):
    return index * ROW_HEIGHT


@register.filter
def chart_height(count):
    return max(count, 1) * ROW_HEIGHT


@register.filter
def percent(share):
    """0.123 -> '12,3%' (in the active language's format); None -> '–'."""
    if share is None:
        return "–"
    return f"{number_format(round(share * 100, 1), 1)}%"  # rounded, as the export: not cut off


@register.filter
def get_item(mapping, key):
    return mapping.get(key, 0)
