"""The Content Security Policy: strict on the public site, inline scripts only in the admin."""

import pytest

pytestmark = pytest.mark.django_db


def script_src(response):
    policy = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";") if part.strip())
    return policy["script-src"]


def test_public_pages_allow_no_inline_scripts(client, site_tree):
    src = script_src(client.get(site_tree.home.url))
    assert src.split()[0] == "'self'" and "'unsafe-inline'" not in src  # a nonce is added when a page uses one


def test_the_admin_allows_inline_scripts_from_our_own_pages_only(client, admin_user, site_tree):
    client.force_login(admin_user)
    response = client.get(f"/admin/pages/{site_tree.home.pk}/edit/")
    assert response.status_code == 200
    assert script_src(response) == "'self' 'unsafe-inline'"
    assert "default-src 'self'" in response["Content-Security-Policy"]
