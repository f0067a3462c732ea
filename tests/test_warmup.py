"""A new app-server process warms itself before its first resident (portal/warmup.py)."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.wsgi import get_wsgi_application
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.warmup import warm_up

pytestmark = pytest.mark.django_db


def home_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_first_home_page_after_the_warm_up_is_a_warm_one(client, published_pages, site_tree):
    url = site_tree.home.url
    cold = home_queries(client, url)
    cache.clear()
    ContentType.objects.clear_cache()  # as in a new process

    statuses = warm_up(get_wsgi_application())

    assert statuses == ["200 OK", "200 OK"]  # every language's home page
    assert home_queries(client, url) < cold / 2
    assert home_queries(client, url) == home_queries(client, url)  # as warm as it gets


def test_a_portal_without_a_site_starts_all_the_same():
    from wagtail.models import Site

    Site.objects.all().delete()
    assert warm_up(get_wsgi_application()) == []
