"""A new app-server process warms itself before its first resident (portal/warmup.py)."""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.wsgi import get_wsgi_application
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.warmup import warm_up


def home_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


# Transactional: the WSGI handler closes connections around each request, as in a real
# process (the test client does not), which a test inside a transaction would not survive.
def test_the_first_home_page_after_the_warm_up_is_a_warm_one(
    keep_migrated_data, transactional_db, client, published_pages, site_tree
):
    url = site_tree.home.url
    cold = home_queries(client, url)
    cache.clear()
    ContentType.objects.clear_cache()  # as in a new process

    statuses = warm_up(get_wsgi_application())

    assert statuses == ["200 OK", "200 OK"]  # every language's home page
    assert home_queries(client, url) < cold / 2
    assert home_queries(client, url) == home_queries(client, url)  # as warm as it gets


def test_a_portal_without_a_site_starts_all_the_same(keep_migrated_data, transactional_db):
    from wagtail.models import Site

    Site.objects.all().delete()
    assert warm_up(get_wsgi_application()) == []
