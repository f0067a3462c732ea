"""The admin login resists guessing (django-axes) and can demand a second step (django-otp)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

LOGIN = "wagtailadmin_login"


def try_login(client, password, username="redacteur"):
    return client.post(reverse(LOGIN), {"username": username, "password": password, "next": "/admin/"})


def test_the_right_password_logs_in(client, editor):
    response = try_login(client, "x-wachtwoord-123")
    assert response.status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_too_many_wrong_passwords_lock_the_account_out(client, editor, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = try_login(client, "geraden")
        assert response.status_code == 200  # the form again, with Wagtail's error

    response = try_login(client, "geraden")
    assert response.status_code == 429
    assert "Te veel pogingen" in response.content.decode()

    # Locked: even the right password is refused now, with the same answer.
    response = try_login(client, "x-wachtwoord-123")
    assert response.status_code == 429
    assert client.get(reverse("wagtailadmin_home")).status_code == 302

    # Another user name from the same address is not locked.
    assert try_login(client, "geraden", username="moderator").status_code == 200


def test_the_lockout_says_when_to_try_again(client, editor, settings, monkeypatch):
    settings.AXES_COOLOFF_TIME = timedelta(minutes=7)
    clock = [timezone.now()]
    monkeypatch.setattr("axes.handlers.proxy.now", lambda: clock[0])  # django-axes' time of an attempt
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        response = try_login(client, "geraden")
    assert response.status_code == 429
    assert "Te veel pogingen" in response.content.decode()
    assert response["Retry-After"] == str(7 * 60)

    # A minute before then it is still locked, and that attempt starts the lockout again:
    # the answer says the full time again, and it holds.
    clock[0] += timedelta(minutes=6)
    response = try_login(client, "x-wachtwoord-123")
    assert response.status_code == 429 and response["Retry-After"] == str(7 * 60)
    clock[0] += timedelta(minutes=6)
    assert try_login(client, "x-wachtwoord-123").status_code == 429

    # Once the time it said has passed, the right password logs in.
    clock[0] += timedelta(minutes=7, seconds=1)
    assert try_login(client, "x-wachtwoord-123").status_code == 302


def test_a_success_resets_the_count(client, editor, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        try_login(client, "geraden")
    assert try_login(client, "x-wachtwoord-123").status_code == 302
    client.logout()
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert try_login(client, "geraden").status_code == 200


@pytest.fixture
def staff_2fa(settings):
    settings.MEEDOEN_STAFF_2FA = True


def code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def test_without_2fa_switched_on_nothing_is_asked(client, editor):
    client.force_login(editor)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_with_2fa_a_new_staff_member_sets_up_an_app_first(client, editor, staff_2fa):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_explore_root"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("staff_2fa_setup"))

    response = client.get(response["Location"])
    assert response.status_code == 200
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert device.config_url in response.content.decode().replace("&amp;", "&")

    response = client.post(reverse("staff_2fa_setup"), {"token": "000000", "next": "/admin/"})
    assert response.status_code == 400
    assert "Deze code klopt niet" in response.content.decode()
    device.refresh_from_db()
    device.throttle_reset()

    response = client.post(reverse("staff_2fa_setup"), {"token": code(device), "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("wagtailadmin_explore_root")).status_code == 200


def test_with_2fa_every_login_needs_a_code(client, editor, staff_2fa):
    device = TOTPDevice.objects.create(user=editor, name="telefoon", confirmed=True)
    client.force_login(editor)
    for address in [reverse("wagtailadmin_home"), reverse("signups_personal_data"), reverse("staff_reports_events")]:
        response = client.get(address)
        assert response.status_code == 302 and response["Location"].startswith(reverse("staff_2fa_verify"))

    response = client.post(reverse("staff_2fa_verify"), {"token": "123456"})
    assert response.status_code == 400
    device.refresh_from_db()
    assert device.throttling_failure_count == 1  # django-otp slows down guessing codes too
    device.throttle_reset()
    response = client.post(reverse("staff_2fa_verify"), {"token": code(device), "next": "https://elders.example/"})
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")  # never off-site
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_with_2fa_public_pages_and_logging_in_stay_open(client, editor, staff_2fa, published_pages):
    client.force_login(editor)
    assert client.get(published_pages["home"].url).status_code == 200
    assert client.post(reverse("wagtailadmin_logout")).status_code == 302
    assert client.get(reverse(LOGIN)).status_code == 200
