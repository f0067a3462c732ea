"""With STAFF_2FA on, the code is asked when staff open an admin page, not when a page
loads its parts (Wagtail's icon sprite, its JavaScript translations); after the code they
land on the page they were opening. The set-up page shows the key as a QR code, drawn
inline."""

import re

import pytest
import segno
from bs4 import BeautifulSoup
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.icons import get_icon_sprite_url

PASSWORD = "x-wachtwoord-123"
# What a browser sends when it opens a page, and when a page fetches or loads a part.
NAVIGATE = {"Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "document", "Accept": "text/html,*/*;q=0.8"}
FETCH = {"Sec-Fetch-Mode": "cors", "Sec-Fetch-Dest": "empty", "Accept": "*/*"}
SCRIPT = {"Sec-Fetch-Mode": "no-cors", "Sec-Fetch-Dest": "script", "Accept": "*/*"}


@pytest.fixture(autouse=True)
def staff_2fa(settings):
    settings.MEEDOEN_STAFF_2FA = True


def code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def page_parts():
    return [(get_icon_sprite_url(), FETCH), (reverse("wagtailadmin_javascript_catalog"), SCRIPT)]


def log_in(client, next_url):
    response = client.post(
        reverse("wagtailadmin_login"), {"username": "redacteur", "password": PASSWORD, "next": next_url}
    )
    assert response.status_code == 302 and response["Location"] == next_url
    return response


def open_page(client, url):
    """Open `url` as a browser does: the page, then the parts it loads. Returns the page."""
    response = client.get(url, headers=NAVIGATE)
    for part, headers in page_parts():
        assert client.get(part, headers=headers).status_code == 200
    return response


@pytest.mark.parametrize("headers", [{}, FETCH, SCRIPT], ids=["plain", "fetch", "script"])
def test_the_page_parts_load_before_the_code(client, editor, headers):
    client.force_login(editor)
    sprite = client.get(get_icon_sprite_url(), headers=headers)
    assert sprite.status_code == 200
    assert sprite["Content-Type"].startswith("image/svg+xml")
    assert b"<symbol" in sprite.content
    catalogue = client.get(reverse("wagtailadmin_javascript_catalog"), headers=headers)
    assert catalogue.status_code == 200
    assert "javascript" in catalogue["Content-Type"]
    assert not TOTPDevice.objects.exists()  # no set-up page was rendered on the way


def test_other_admin_requests_of_a_page_are_refused_not_redirected(client, editor):
    client.force_login(editor)
    for headers in (FETCH, {"X-Requested-With": "XMLHttpRequest"}, {"Accept": "application/json"}):
        response = client.get(reverse("wagtailadmin_explore_root"), headers=headers)
        assert response.status_code == 403 and "Location" not in response, headers
    # Opening the page itself leads to the set-up page, and back to the page after it.
    response = client.get(reverse("wagtailadmin_explore_root"), headers=NAVIGATE)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('staff_2fa_setup')}?next=%2Fadmin%2Fpages%2F"


def hidden_next(response):
    return BeautifulSoup(response.content, "html.parser").find("input", attrs={"name": "next"})["value"]


def test_after_setting_up_the_app_staff_land_on_the_page_they_opened(client, editor):
    wanted = reverse("wagtailadmin_explore_root")
    log_in(client, wanted)
    response = open_page(client, wanted)
    assert response.status_code == 302 and response["Location"].startswith(reverse("staff_2fa_setup"))

    setup_page = open_page(client, response["Location"])
    assert setup_page.status_code == 200
    soup = BeautifulSoup(setup_page.content, "html.parser")
    assert len(soup.select("form.login-form")) == 1
    assert hidden_next(setup_page) == wanted

    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    response = client.post(reverse("staff_2fa_setup"), {"token": code(device), "next": hidden_next(setup_page)})
    assert response.status_code == 302 and response["Location"] == wanted
    assert client.get(wanted, headers=NAVIGATE).status_code == 200


def test_after_the_code_staff_land_on_the_page_they_opened(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="telefoon", confirmed=True)
    wanted = reverse("staff_reports_events")
    log_in(client, wanted)
    response = open_page(client, wanted)
    assert response.status_code == 302 and response["Location"].startswith(reverse("staff_2fa_verify"))

    verify_page = open_page(client, response["Location"])
    assert hidden_next(verify_page) == wanted
    response = client.post(reverse("staff_2fa_verify"), {"token": code(device), "next": hidden_next(verify_page)})
    assert response.status_code == 302 and response["Location"] == wanted


@pytest.mark.parametrize("has_app", [False, True], ids=["setup", "verify"])
@pytest.mark.parametrize(
    "kept",
    [
        "/admin/sprite/?h=0a1b2c3d",
        "http://testserver/admin/sprite/?h=0a1b2c3d",
        "/admin/jsi18n/",
        "/static/wagtailadmin/js/core.js",
        "/admin/two-factor/setup/",
        "/admin/logout/",
    ],
)
def test_a_page_part_is_never_the_address_after_the_code(client, editor, has_app, kept):
    """Addresses the old middleware kept as `next` (the sprite a page fetched), and others
    that are no page to land on: after the code, staff get the dashboard instead."""
    device = TOTPDevice.objects.create(user=editor, name="telefoon", confirmed=has_app)
    client.force_login(editor)
    view = "staff_2fa_verify" if has_app else "staff_2fa_setup"
    page = client.get(reverse(view), {"next": kept}, headers=NAVIGATE)
    assert page.status_code == 200
    assert hidden_next(page) == reverse("wagtailadmin_home")
    response = client.post(reverse(view), {"token": code(device), "next": kept})
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert client.get(response["Location"], headers=NAVIGATE).status_code == 200


QR_BORDER = 4  # the quiet zone the QR standard asks for, in modules


def modules(svg):
    """The dark modules (row, column) of a QR code drawn by segno: one path of horizontal
    lines through the middle of each row (M/m move, h draws that many modules)."""
    dark, x, y = set(), 0.0, 0.0
    path = svg.find("path", class_="qrline")
    for command, first, second in re.findall(r"([Mmh])(-?[\d.]+)(?:\s+(-?[\d.]+))?", path["d"]):
        if command == "M":
            x, y = float(first), float(second)
        elif command == "m":
            x, y = x + float(first), y + float(second)
        else:
            dark |= {(int(y - 0.5) - QR_BORDER, int(x) + i - QR_BORDER) for i in range(int(float(first)))}
            x += float(first)
    return dark


def test_the_setup_page_shows_the_key_as_an_inline_qr_code(client, editor):
    client.force_login(editor)
    response = client.get(reverse("staff_2fa_setup"), headers=NAVIGATE)
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    soup = BeautifulSoup(response.content, "html.parser")
    svg = soup.find("svg", class_="qr-code")
    assert svg is not None and svg.find_parent("main") is not None

    # It encodes the app's otpauth:// address: the same modules as segno's QR code of it.
    qr = segno.make_qr(device.config_url)
    expected = {(r, c) for r, row in enumerate(qr.matrix) for c, bit in enumerate(row) if bit}
    assert device.config_url.startswith("otpauth://totp/")
    assert modules(svg) == expected

    # Drawn in the page: nothing it refers to is fetched, from here or elsewhere.
    assert not [tag for tag in svg.find_all(True) if tag.get("href") or tag.get("xlink:href") or tag.get("src")]
    # Named for screen readers; whoever cannot scan types the key shown as text.
    assert svg["role"] == "img"
    assert svg.find("title").get_text(strip=True)
    key = soup.find("main").find("code").get_text(strip=True)
    assert key and key in device.config_url
