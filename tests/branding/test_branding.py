"""The municipality's look: a save of Settings > Look and logo changes /branding.css, the
header's logo and the admin's name and logo; a pasted NL Design System theme drops in,
and nothing but custom properties gets in with it."""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from PIL import Image

from branding.models import Branding
from pages.models import MunicipalitySettings

pytestmark = pytest.mark.django_db

VOORBEELD_THEME = (
    Path(settings.BASE_DIR) / "static" / "vendor" / "nl-design-system-voorbeeld-design-tokens" / "theme.css"
)
SVG_LOGO = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40">'
    b'<defs><linearGradient id="g"><stop offset="0" stop-color="#0b4f8a"/></linearGradient></defs>'
    b'<rect width="40" height="40" fill="url(#g)"/><use href="#g"/></svg>'
)


@pytest.fixture
def site(site_tree):
    municipality = MunicipalitySettings.for_site(site_tree.home.get_site())
    municipality.municipality_name = "Gemeente Testwijk"
    municipality.save()
    return site_tree.home.get_site()


def save_branding(site, **fields):
    branding = Branding.for_site(site)
    for name, value in fields.items():
        setattr(branding, name, value)
    branding.full_clean()
    branding.save()
    return branding


def png_file(name="logo.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (60, 30), "#0b4f8a").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


# --- /branding.css ---------------------------------------------------------------------


def test_branding_css_holds_meedoens_own_colours_by_default(client, site):
    response = client.get("/branding.css")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    css = response.content.decode()
    assert "--utrecht-button-primary-action-background-color: #0b4f8a;" in css
    assert "--utrecht-link-color: #0b4f8a;" in css


def test_saving_the_setting_changes_branding_css(client, site):
    client.get("/branding.css")  # cached now
    save_branding(site, primary_color="#5115EF", link_color="#00568b")
    css = client.get("/branding.css").content.decode()
    assert "--utrecht-button-primary-action-background-color: #5115ef;" in css
    assert "--utrecht-link-color: #00568b;" in css
    assert "#0b4f8a" not in css


def test_every_page_links_branding_css_after_the_main_stylesheet(client, site_tree):
    html = client.get(site_tree.home.url).content.decode()
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert stylesheets[-1].startswith(reverse("branding_css") + "?v=")
    assert any("meedoen" in href for href in stylesheets[:-1])


def test_branding_css_holds_only_colours_whatever_was_pasted(client, site):
    save_branding(site, theme_tokens=":root { --utrecht-link-color: #00568b; --x: calc(1px + 2px); }")
    css = client.get("/branding.css").content.decode()
    values = re.findall(r"--[a-z0-9-]+:\s*([^;]+);", css)
    assert values and all(re.fullmatch(r"#[0-9a-f]{6}", value) for value in values)
    assert "--utrecht-link-color: #00568b;" in css and "calc" not in css


# --- A municipality's own NL Design System theme ---------------------------------------


def test_the_nl_design_system_example_theme_drops_in(client, site):
    save_branding(site, theme_tokens=VOORBEELD_THEME.read_text())
    css = client.get("/branding.css").content.decode()
    assert "--utrecht-button-primary-action-background-color: #5115ef;" in css  # the theme's violet
    assert "--utrecht-link-color: #00568b;" in css


def test_the_fields_come_before_the_theme(site):
    branding = save_branding(site, theme_tokens=VOORBEELD_THEME.read_text(), primary_color="#0b4f8a")
    assert branding.colours()["primary"] == "#0b4f8a"


@pytest.mark.parametrize(
    "tokens",
    [
        ":root { --utrecht-link-color: #00568b; --logo: url(https://example.com/logo.png); }",
        ':root { --logo: url("/media/logo.png"); }',
        '@import url("https://example.com/theme.css");',
        "@import 'theme.css'; :root { --utrecht-link-color: #00568b; }",
        ":root { --utrecht-link-color: #00568b; } </style><script>alert(1)</script>",
        ":root { --x: expression(alert(1)); }",
        "body { --utrecht-link-color: #00568b; }",
        ":root { color: red; }",
        ":root { --x: red; } a { color: red; }",
        "@media screen { :root { --x: red; } }",
        ":root { --x: \\75rl(evil); }",
    ],
    ids=[
        "url",
        "relative-url",
        "import-url",
        "import",
        "closing-style",
        "expression",
        "other-selector",
        "plain-property",
        "extra-rule",
        "at-rule",
        "escape",
    ],
)
def test_the_theme_field_takes_only_custom_properties(site, tokens):
    with pytest.raises(ValidationError) as refused:
        save_branding(site, theme_tokens=tokens)
    assert "theme_tokens" in refused.value.message_dict


def test_a_theme_colour_that_cannot_be_measured_is_refused(site):
    with translation.override("en"):
        with pytest.raises(ValidationError) as refused:
            save_branding(site, theme_tokens=":root { --utrecht-link-color: color-mix(in srgb, red, blue); }")
        message = " ".join(refused.value.message_dict["theme_tokens"])
    assert "--utrecht-link-color" in message and "cannot be checked" in message


def test_a_theme_that_fails_contrast_is_refused_with_the_pair(site):
    with translation.override("en"):
        with pytest.raises(ValidationError) as refused:
            save_branding(site, theme_tokens=".gemeente-theme { --geel: #ffcc00; --utrecht-link-color: var(--geel); }")
        messages = refused.value.message_dict["theme_tokens"]
    assert any(message.startswith("The link colour #ffcc00 on the background colour #ffffff") for message in messages)


# --- The logo --------------------------------------------------------------------------


def render_logo(site):
    request = RequestFactory().get("/nl/", HTTP_HOST=site.hostname)
    return render_to_string("branding/logo.html", request=request)


def test_without_a_logo_the_header_shows_the_names_in_words(site):
    html = render_logo(site)
    assert "<img" not in html
    assert "Meedoen Testwijk" in html and "Gemeente Testwijk" in html


def test_the_logo_is_shown_with_the_municipalitys_name_as_its_text(site):
    save_branding(site, logo=png_file())
    html = render_logo(site)
    logo = re.search(r'<img class="site-header__logo" src="([^"]+)" alt="([^"]+)"', html)
    assert logo and logo.group(1).startswith(settings.MEDIA_URL) and logo.group(2) == "Gemeente Testwijk"
    assert "site-header__municipality" not in html  # the logo says it already


def test_an_svg_drawing_is_accepted(site):
    branding = save_branding(site, logo=SimpleUploadedFile("logo.svg", SVG_LOGO, content_type="image/svg+xml"))
    assert branding.logo.name.endswith(".svg")


@pytest.mark.parametrize(
    "svg",
    [
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        b'<svg xmlns="http://www.w3.org/2000/svg"><image href="https://example.com/x.png"/></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">'
        b'<a x:href="javascript:alert(1)"><rect width="9" height="9"/></a></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>hi</p></foreignObject></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://example.com/a.css);</style></svg>',
        b'<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
        b"<html><body>no svg</body></html>",
    ],
    ids=[
        "script",
        "event-handler",
        "outside-image",
        "javascript-link",
        "foreign-object",
        "style-import",
        "dtd",
        "html",
    ],
)
def test_an_unsafe_or_broken_svg_is_refused(site, svg):
    with pytest.raises(ValidationError) as refused:
        save_branding(site, logo=SimpleUploadedFile("logo.svg", svg, content_type="image/svg+xml"))
    assert "logo" in refused.value.message_dict


def test_a_file_that_is_not_an_image_is_refused(site):
    with pytest.raises(ValidationError) as refused:
        save_branding(site, logo=SimpleUploadedFile("logo.png", b"not an image", content_type="image/png"))
    assert "logo" in refused.value.message_dict


# --- The admin -------------------------------------------------------------------------


def test_the_admin_login_shows_the_municipality_not_wagtail(client, site):
    html = client.get(reverse("wagtailadmin_login")).content.decode()
    heading = re.search(r"<h1>(.*?)</h1>", html, re.S).group(1)
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "Gemeente Testwijk" in heading and "Wagtail" not in heading
    assert "Gemeente Testwijk" in title and "Wagtail" not in title
    assert 'class="login-logo"' not in html  # no logo set: no bird either


def test_the_admin_login_shows_the_logo(client, site):
    branding = save_branding(site, logo=png_file())
    html = client.get(reverse("wagtailadmin_login")).content.decode()
    assert f'src="{branding.logo.url}"' in html


def test_the_admin_sidebar_and_dashboard_show_the_municipality(client, admin_user, site):
    branding = save_branding(site, logo=png_file())
    client.force_login(admin_user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    sidebar = re.search(r"<template data-wagtail-sidebar-branding-logo>(.*?)</template>", html, re.S).group(1)
    assert branding.logo.url in sidebar and 'alt="Gemeente Testwijk"' in sidebar
    assert "Wagtail" not in re.search(r"<title>(.*?)</title>", html, re.S).group(1)


def test_a_failing_colour_is_refused_in_the_admin_with_the_reason(client, admin_user, site):
    client.force_login(admin_user)
    url = reverse("wagtailsettings:edit", args=["branding", "branding", site.pk])
    form = {
        "primary_color": "#ffcc00",
        "primary_text_color": "#ffffff",
        "link_color": "",
        "focus_color": "",
        "background_color": "",
        "text_color": "",
        "theme_tokens": "",
    }
    with translation.override("en"):
        response = client.post(url, form, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200  # the form again
    assert "#ffcc00" in response.content.decode() and ":1" in response.content.decode()
    assert Branding.for_site(site).primary_color == ""

    form["primary_color"] = "#5115ef"
    response = client.post(url, form)
    assert response.status_code == 302
    assert Branding.for_site(site).primary_color == "#5115ef"
    assert "#5115ef" in client.get("/branding.css").content.decode()
