"""Several processes, one public cache: the `server` fixture runs two gunicorn workers that
share Redis, as production must (portal/settings/production.py refuses a cache per process).
A page made private by a third process (manage.py, as an editor's request on another app
server would) is gone from the overview and the API on every worker at once.

Marked `browser` for the server it shares with the browser tests; no browser is needed."""

import json
import urllib.error
import urllib.request

import pytest

pytestmark = pytest.mark.browser

REQUESTS = 8  # enough for both workers to answer several times

NEWEST = """
import json
from initiatives.models import InitiativePage
page = InitiativePage.objects.live().public().filter(locale__language_code="nl")
page = page.order_by("-first_published_at", "-pk").first()
print(json.dumps({"pk": page.pk, "title": page.title, "overview": page.get_parent().url}))
"""

RESTRICT = """
from wagtail.models import PageViewRestriction
PageViewRestriction.objects.create(page_id={pk}, restriction_type="password", password="geheim")
"""

LIFT = """
from wagtail.models import PageViewRestriction
PageViewRestriction.objects.filter(page_id={pk}).delete()
"""


def bodies(url, count=REQUESTS):
    """The bodies of `count` fresh requests (a new connection each: any worker answers)."""
    found = []
    for _ in range(count):
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - our own test server
            found.append(response.read().decode())
    return found


def statuses(url, count=REQUESTS):
    found = []
    for _ in range(count):
        try:
            with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - our own test server
                found.append(response.status)
        except urllib.error.HTTPError as error:
            found.append(error.code)
    return found


def test_a_page_made_private_leaves_every_worker_at_once(server):
    newest = json.loads(server.manage("shell", "-c", NEWEST).strip().splitlines()[-1])
    overview = server.url + newest["overview"]
    api = f"{server.url}/api/v2/initiatives/{newest['pk']}/"
    assert all(newest["title"] in body for body in bodies(overview))
    assert statuses(api) == [200] * REQUESTS

    server.manage("shell", "-c", RESTRICT.format(pk=newest["pk"]))
    try:
        assert not any(newest["title"] in body for body in bodies(overview))
        assert statuses(api) == [404] * REQUESTS
    finally:
        server.manage("shell", "-c", LIFT.format(pk=newest["pk"]))
    assert all(newest["title"] in body for body in bodies(overview))
