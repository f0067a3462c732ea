"""The municipality's colours reach every page: a save of Settings > Look and logo (here
from the shell, as the admin's form calls the same `full_clean`) changes the computed
colour of links and the menu bar on the next page, and axe still finds nothing."""

import pytest

pytestmark = pytest.mark.browser

SAVE = """
from branding.models import Branding
from wagtail.models import Site
branding = Branding.for_site(Site.objects.get(is_default_site=True))
branding.primary_color = {primary!r}
branding.link_color = {link!r}
branding.full_clean()
branding.save()
"""

MEEDOEN = {"primary": "", "link": ""}
VIOLET = {"primary": "#5115ef", "link": "#00568b"}  # the NL Design System example theme's


def rgb(hex_colour):
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red}, {green}, {blue})"


def colours_of(page):
    return page.evaluate(
        """() => ({
            menu: getComputedStyle(document.querySelector(".main-nav")).backgroundColor,
            link: getComputedStyle(document.querySelector(".site-footer__list a")).color,
        })"""
    )


def test_the_municipalitys_colours_reach_the_pages(page, server, visit, check_page):
    visit(page, "/nl/")
    check_page(page)
    assert colours_of(page) == {"menu": rgb("#0b4f8a"), "link": rgb("#0b4f8a")}

    server.manage("shell", "-c", SAVE.format(**VIOLET))
    try:
        for path in ("/nl/", "/nl/initiatieven/"):
            visit(page, path)
            check_page(page)  # axe: the new colours keep every contrast
            assert colours_of(page) == {"menu": rgb(VIOLET["primary"]), "link": rgb(VIOLET["link"])}, path
    finally:
        server.manage("shell", "-c", SAVE.format(**MEEDOEN))  # the other browser tests see Meedoen's own

    visit(page, "/nl/")
    assert colours_of(page)["menu"] == rgb("#0b4f8a")


def test_the_admin_login_carries_the_municipalitys_name(page, visit, check_page):
    visit(page, "/admin/login/")
    heading = check_page(page)
    assert "Gemeente Meerwijk" in heading and "Wagtail" not in heading
    assert "Gemeente Meerwijk" in page.title() and "Wagtail" not in page.title()
