"""Admin hooks of the site search."""

from wagtail import hooks


@hooks.register("construct_reports_menu")
def hide_search_terms_report(request, menu_items):
    """Wagtail's "Search terms" report lists what residents searched for; Meedoen never
    records that (search/promotions.py), so the report would stay empty."""
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]
