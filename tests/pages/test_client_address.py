"""The client address behind a proxy (pages.ratelimit.client_ip), which every rate limit,
the API throttle and the admin login lockout (django-axes) count per.

nginx appends the address it got the request from to X-Forwarded-For, so whatever a client
sends in that header ends up on the left: only the entries written by the
TRUSTED_PROXY_COUNT proxies, counted from the right, may be believed. A 429 from any limit
says in Retry-After how many seconds are left in its window.
"""

import time
from types import SimpleNamespace

import pytest
from django.test import RequestFactory
from django.urls import reverse

from pages import ratelimit
from tests import factories
from tests.test_settings import run_python

pytestmark = pytest.mark.django_db

PROXY = "127.0.0.1"  # nginx, as the app server sees it (REMOTE_ADDR)
REAL = "203.0.113.9"  # the client nginx saw and appended
VICTIM = "198.51.100.20"  # a staff member's own address, which an attacker writes in the header
PASSWORD = "x-wachtwoord-123"


@pytest.fixture
def behind_nginx(settings):
    settings.MEEDOEN_TRUSTED_PROXY_COUNT = 1


def forwarded(header, remote_addr=PROXY):
    """Request keyword arguments as they reach the app server through the proxy."""
    return {"REMOTE_ADDR": remote_addr, "headers": {"X-Forwarded-For": header}}


# --- Which address counts -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("proxies", "header", "expected"),
    [
        pytest.param(1, f"10.6.6.6, {REAL}", REAL, id="one-proxy-ignores-what-the-client-sent"),
        pytest.param(1, REAL, REAL, id="one-proxy-no-client-header"),
        pytest.param(2, f"10.6.6.6, {REAL}, 192.0.2.80", REAL, id="two-proxies-second-from-the-right"),
        pytest.param(2, REAL, REAL, id="fewer-entries-than-proxies-the-left-most"),
        pytest.param(0, f"10.6.6.6, {REAL}", PROXY, id="no-proxy-header-ignored"),
        pytest.param(1, "", PROXY, id="no-header"),
        pytest.param(1, "10.6.6.6, unknown", PROXY, id="not-an-address"),
        pytest.param(1, "10.6.6.6, 2001:DB8:0::1", "2001:db8::1", id="ipv6-written-one-way"),
    ],
)
def test_the_address_is_counted_from_the_right_by_the_trusted_proxies(settings, proxies, header, expected):
    settings.MEEDOEN_TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", **forwarded(header))
    assert ratelimit.client_ip(request) == expected


def test_the_old_setting_refuses_to_start_with_a_pointer_to_the_new_one(tmp_path):
    """TRUST_X_FORWARDED_FOR=1 believed the first entry; leaving it set must not silently
    lump every client behind nginx into one address either."""
    env = {"DJANGO_SETTINGS_MODULE": "portal.settings.test", "MEEDOEN_VAR_DIR": str(tmp_path)}
    refused = run_python(["manage.py", "check"], {**env, "TRUST_X_FORWARDED_FOR": "1"})
    assert refused.returncode != 0
    assert "ImproperlyConfigured" in refused.stderr and "TRUSTED_PROXY_COUNT" in refused.stderr
    assert run_python(["manage.py", "check"], {**env, "TRUSTED_PROXY_COUNT": "1"}).returncode == 0


# --- The admin login lockout (django-axes) ---------------------------------------------------------


@pytest.fixture
def staff_member(django_user_model):
    return django_user_model.objects.create_superuser("redacteur", "redactie@gemeente.example", PASSWORD)


def try_login(client, password, header):
    data = {"username": "redacteur", "password": password, "next": "/admin/"}
    return client.post(reverse("wagtailadmin_login"), data, **forwarded(header))


def test_a_forged_address_per_guess_does_not_escape_the_lockout(client, staff_member, settings, behind_nginx):
    codes = [try_login(client, "geraden", f"10.6.{n}.1, {REAL}").status_code for n in range(30)]
    limit = settings.AXES_FAILURE_LIMIT
    assert codes == [200] * (limit - 1) + [429] * (31 - limit)
    assert try_login(client, PASSWORD, f"10.7.7.7, {REAL}").status_code == 429


def test_guesses_in_a_victims_name_do_not_lock_the_victim_out(client, staff_member, settings, behind_nginx):
    for _attempt in range(settings.AXES_FAILURE_LIMIT + 1):
        try_login(client, "geraden", f"{VICTIM}, {REAL}")

    assert try_login(client, PASSWORD, VICTIM).status_code == 302


# --- Every limit counts per real address and answers 429 with Retry-After -----------------------


@pytest.fixture
def pitch_page(site_tree):
    return factories.PitchSubmissionPageFactory(parent=site_tree.initiatives)


def contact_message(n):
    return {
        "name": "Fatima",
        "email": f"bewoner{n}@example.org",
        "message": "Ik wil graag op zaterdag komen helpen in de tuin.",
        "consent": "on",
        "website": "",
    }


def sign_up(n):
    data = {"name": "Fatima", "email": f"bewoner{n}@example.org", "seats": "1", "role": "attend"}
    return {**data, "accessibility_needs": "", "consent": "on", "website": ""}


def pitch(n):
    return {
        "initiative_name": f"Buurttuin {n}",
        "summary": "Een moestuin voor en door de buren van de Vlinderstraat.",
        "description": "We willen het braakliggende veldje aan de Vlinderstraat omtoveren tot een moestuin.",
        "stage": "idea",
        "needs_explanation": "",
        "wished_event": "",
        "founder_name": "Sanne de Vries",
        "email": f"oprichter{n}@example.org",
        "phone": "",
        "organisation": "",
        "website": "",
        "consent": "on",
        "fax": "",
    }


@pytest.fixture
def limits(settings, site_tree, initiative_page, pitch_page):
    """Each limiter with a limit of 2 per client address: (url, data for attempt n, method,
    window in seconds)."""
    settings.MEEDOEN_CONTACT_RATE_LIMIT = 2
    settings.MEEDOEN_SIGNUP_RATE_LIMIT_PER_IP = 2
    settings.MEEDOEN_PITCH_RATE_LIMIT_PER_IP = 2
    settings.MEEDOEN_API_RATE_LIMIT = "2/minute"
    event = factories.PitchEventPageFactory(parent=site_tree.events, slug="pitchavond", capacity=10)
    return {
        "contact": (initiative_page.url + "contact/", contact_message, "post", 3600),
        "sign-up": (event.url + "aanmelden/", sign_up, "post", 3600),
        "pitch": (pitch_page.url, pitch, "post", 24 * 3600),
        "api": ("/api/v2/themes/", lambda n: {}, "get", 60),
    }


@pytest.mark.parametrize("name", ["contact", "sign-up", "pitch", "api"])
def test_each_limit_counts_the_real_address_and_says_when_to_retry(client, limits, name, behind_nginx):
    url, data, method, window = limits[name]
    send = getattr(client, method)
    codes = [send(url, data(n), **forwarded(f"10.6.{n}.1, {REAL}")).status_code for n in range(2)]
    assert 429 not in codes

    response = send(url, data(2), **forwarded(f"10.6.2.1, {REAL}"))
    assert response.status_code == 429
    assert window / 2 < int(response["Retry-After"]) <= window  # the limit's own window, nearly all of it left

    # Another client behind the same proxy, claiming to be the limited one, is not refused.
    assert send(url, data(3), **forwarded(f"{REAL}, 192.0.2.33")).status_code != 429


def test_retry_after_counts_down_to_the_end_of_the_window(client, limits, behind_nginx, monkeypatch):
    url, data, _method, _window = limits["contact"]
    for n in range(3):
        client.post(url, data(n), **forwarded(REAL))

    later = time.time() + 1000
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: later))
    response = client.post(url, data(3), **forwarded(REAL))
    assert response.status_code == 429
    assert 2500 < int(response["Retry-After"]) <= 2600  # 3600 less the 1000 gone by (less the test's own time)
