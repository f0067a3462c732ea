"""Requests a few pages under the real production settings and prints what came back.

Run by tests/test_settings.py in a subprocess, with DJANGO_SETTINGS_MODULE pointing at
portal.settings.production, a migrated database and collected static files:

    python -m tests.production_requests /nl/ /nl/initiatieven/...

Builds a small site on first use (a home page, an initiative overview with one
initiative, a general page) and prints, as JSON, for every path the status, headers,
cookies and body of an HTTPS request as the TLS-terminating proxy forwards it, and the
status and Location of the same request over plain HTTP.
"""

import json
import sys

import django


def build_site():
    from wagtail.models import Page, Site

    from pages.models import HomePage
    from tests import factories

    if HomePage.objects.exists():
        return
    root = Page.get_first_root_node()
    for welcome_page in Page.objects.filter(depth=2):
        welcome_page.delete()
    home = factories.HomePageFactory(parent=root)
    Site.objects.create(hostname="meedoen.example.nl", port=443, root_page=home, is_default_site=True)
    index = factories.InitiativeIndexPageFactory(parent=home)
    factories.InitiativePageFactory(parent=index, title="Buurtmoestuin", slug="buurtmoestuin")
    factories.ContentPageFactory(parent=home, title="Over Meedoen", slug="over-meedoen")


def describe(response):
    return {
        "status": response.status_code,
        "headers": dict(response.headers),
        "cookies": {
            name: {
                "secure": bool(morsel["secure"]),
                "httponly": bool(morsel["httponly"]),
                "samesite": morsel["samesite"],
            }
            for name, morsel in response.cookies.items()
        },
        "body": response.content.decode(errors="replace"),
    }


def main(paths):
    django.setup()
    from django.test import Client

    build_site()
    client = Client(HTTP_HOST="meedoen.example.nl")
    result = {}
    for path in paths:
        secure = client.get(path, secure=True, HTTP_X_FORWARDED_PROTO="https")
        plain = client.get(path)
        result[path] = {
            "https": describe(secure),
            "http": {"status": plain.status_code, "location": plain.get("Location")},
        }
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
