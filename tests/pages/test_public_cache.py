"""The public cache (pages/publiccache.py): the site, the municipality settings, the page
chrome (menu, breadcrumbs, languages, footer), the cards and the facet counts are kept
under one generation that every write of public content renews: every change below is on
the next page, without waiting for the cache to expire, whatever path made it."""

import time
import uuid
from types import SimpleNamespace

import pytest
from django.apps import apps as django_apps
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection
from django.db.models.signals import post_save
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, PageViewRestriction, Site

from pages import publiccache
from pages.models import MunicipalitySettings
from tests import factories

pytestmark = pytest.mark.django_db


def page_text(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_second_view_asks_the_database_less(client, published_pages, site_tree):
    url = site_tree.initiatives.url
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    with CaptureQueriesContext(connection) as second:
        client.get(url)
    sql = " ".join(query["sql"] for query in second.captured_queries)
    assert len(second.captured_queries) < len(first.captured_queries)
    assert "wagtailcore_site" not in sql and "pages_municipalitysettings" not in sql
    assert "chrome_language_code" not in sql  # the chrome query


def route_queries(client, url, status=200):
    """The SQL of a view of `url` that reads the page tree or view restrictions."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == status
    return [
        query["sql"]
        for query in queries.captured_queries
        # Wagtail's walk (a child by its slug) and its check of the page's restrictions
        if '"wagtailcore_page"."slug" =' in query["sql"]
        or '"wagtailcore_pageviewrestriction"."page_id" IN' in query["sql"]
    ]


def test_a_page_seen_before_is_found_without_walking_the_tree(client, published_pages):
    url = published_pages["initiative"].url
    assert route_queries(client, url)  # Wagtail walks down the tree, level by level
    assert route_queries(client, url) == []  # the route and its (absent) restrictions are kept
    assert published_pages["initiative"].title in page_text(client, url)


def test_a_page_made_private_is_closed_at_once(client, published_pages):
    page = published_pages["initiative"]
    page_text(client, page.url)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(page.url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_moved_or_unpublished_page_leaves_its_old_address_at_once(client, published_pages, site_tree):
    page = published_pages["initiative"]
    old_url = page.url
    page_text(client, old_url)
    page.slug = "nieuwe-naam"
    page.save_revision().publish()
    assert client.get(old_url).status_code == 404
    page.refresh_from_db()
    new_url = page.url
    page_text(client, new_url)

    page.unpublish()
    assert client.get(new_url).status_code == 404


def test_a_route_of_the_page_itself_is_kept_but_not_its_parameters(client, published_pages):
    """The initiative's contact route (no parameters; a GET leads to the form on the page)
    comes from the kept page; a route with a parameter (a resident's token) is never kept."""
    contact = published_pages["initiative"].url + "contact/"
    assert route_queries(client, contact, status=302)
    assert route_queries(client, contact, status=302) == []
    personal = published_pages["event"].url + "aanmelden/een-onbekende-code/"
    assert route_queries(client, personal, status=404)
    assert route_queries(client, personal, status=404)  # walked again: nothing was kept


def test_edited_municipality_settings_show_at_once(client, published_pages, site_tree):
    url = site_tree.initiatives.url
    page_text(client, url)
    municipality = MunicipalitySettings.for_site(Site.objects.get(is_default_site=True))
    municipality.municipality_name = "Gemeente Nieuwstad"
    municipality.privacy_page = published_pages["content"]
    municipality.save()

    text = page_text(client, url)
    assert "Gemeente Nieuwstad" in text
    assert published_pages["content"].url in text  # the footer's privacy link


def test_a_renamed_site_shows_at_once(client, published_pages, site_tree):
    url = site_tree.initiatives.url
    page_text(client, url)
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Doe mee in Nieuwstad"
    site.save()

    assert "Doe mee in Nieuwstad" in page_text(client, url)


def test_a_published_page_joins_the_menu_and_its_overview_at_once(client, published_pages, site_tree):
    url = site_tree.initiatives.url
    page_text(client, url)

    page = factories.ContentPageFactory(parent=site_tree.home, title="Nieuw in het menu", show_in_menus=True)
    page.save_revision().publish()
    initiative = factories.InitiativePageFactory(parent=site_tree.initiatives, title="Repaircafé op zaterdag")
    initiative.save_revision().publish()

    text = page_text(client, url)
    assert "Nieuw in het menu" in text
    assert "Repaircafé op zaterdag" in text


def test_a_retitled_initiative_shows_on_its_card_at_once(client, published_pages, site_tree):
    url = site_tree.initiatives.url
    initiative = published_pages["initiative"]
    assert initiative.title in page_text(client, url)

    initiative.title = "Buurtmoestuin met kas"
    initiative.save_revision().publish()

    assert "Buurtmoestuin met kas" in page_text(client, url)


def test_a_renamed_theme_shows_on_every_card_at_once(client, published_pages, site_tree, theme):
    url = site_tree.initiatives.url
    assert theme.name in page_text(client, url)

    theme.name = "Groen en water"
    theme.save()
    text = page_text(client, url)
    assert text.count("Groen en water") >= 2  # the filter's option and the initiative's card


def test_a_publish_during_a_request_is_seen_by_the_rest_of_it(rf):
    seen = []

    def view(request):
        seen.append(publiccache.generation())
        publiccache.bump()
        seen.append(publiccache.generation())
        return HttpResponse()

    publiccache.CachedSiteMiddleware(view)(rf.get("/"))
    assert seen[1] > seen[0]


# --- What a publish touches ----------------------------------------------------------------


def test_a_new_cache_starts_past_every_earlier_generation():
    cache.clear()
    first = publiccache.generation()
    cache.clear()
    publiccache.bump()
    assert publiccache.generation() > first


def test_a_retitled_overview_shows_in_the_breadcrumbs_of_its_pages_at_once(client, published_pages, site_tree):
    initiative_url = published_pages["initiative"].url
    page_text(client, initiative_url)
    overview = site_tree.initiatives
    overview.title = "Alle initiatieven van de stad"
    overview.save_revision().publish()
    assert "Alle initiatieven van de stad" in page_text(client, initiative_url)


# --- Every path that writes public content starts a new generation ------------------------


def overview_count(client, index_page):
    response = client.get(index_page.url)
    assert response.status_code == 200
    return response.context["items"].paginator.count


def test_an_alias_shows_on_the_overview_at_once(client, published_pages, site_tree):
    """ "Copy as alias" sends no publish signal: the alias still joins the overview, its
    cards and its count."""
    initiative = published_pages["initiative"]
    assert overview_count(client, site_tree.initiatives) == 1
    initiative.create_alias(parent=site_tree.initiatives, update_slug=f"{initiative.slug}-kopie")
    assert overview_count(client, site_tree.initiatives) == 2
    assert page_text(client, site_tree.initiatives.url).count(initiative.title) >= 2


def test_a_synchronised_language_shows_its_pages_at_once(client, site_tree, django_capture_on_commit_callbacks):
    """wagtail-localize's locale synchronisation makes aliases of the Dutch pages in
    English: a Dutch initiative published later is listed in English at once."""
    from wagtail_localize.models import LocaleSynchronization
    from wagtail_localize.synctree import create_aliases_for_new_page

    with django_capture_on_commit_callbacks(execute=True):
        LocaleSynchronization.objects.create(locale=site_tree.en, sync_from=site_tree.nl)
    english_overview = site_tree.initiatives.get_translation(site_tree.en)
    assert overview_count(client, english_overview) == 0

    with django_capture_on_commit_callbacks(execute=True):
        initiative = factories.InitiativePageFactory(parent=site_tree.initiatives, title="Buurtbieb")
        initiative.save_revision().publish()
        create_aliases_for_new_page(initiative)  # what the admin's page creation runs
    assert initiative.get_translation(site_tree.en).live
    assert overview_count(client, english_overview) == 1


def in_new_generation(write):
    before = publiccache.generation()
    write()
    return publiccache.generation() > before


WRITES = {
    "alias": lambda p, t: p["initiative"].create_alias(parent=t.initiatives, update_slug="alias"),
    "move": lambda p, t: p["content"].move(t.initiatives, pos="last-child"),
    "view-restriction": lambda p, t: PageViewRestriction.objects.create(
        page=p["initiative_index"], restriction_type="login"
    ),
    "unpublish": lambda p, t: p["initiative"].unpublish(),
    "delete": lambda p, t: p["story"].delete(),
    "queryset-delete": lambda p, t: type(p["story"]).objects.filter(pk=p["story"].pk).delete(),
    "draft": lambda p, t: p["initiative"].save_revision(),
    "theme": lambda p, t: factories.ThemeFactory(),
    "image": lambda p, t: factories.ImageFactory(),
    "collection": lambda p, t: Collection.get_first_root_node().add_child(name="Foto's"),
    "document": lambda p, t: get_document_model().objects.create(title="Verslag", file=ContentFile(b"%PDF", "v.pdf")),
    "site": lambda p, t: Site.objects.filter(is_default_site=True).get().save(),
    "settings": lambda p, t: MunicipalitySettings.objects.get().save(),
    "redirect": lambda p, t: Redirect.objects.create(old_path="/oud", redirect_page=p["initiative"]),
    "search-promotion": lambda p, t: SearchPromotion.objects.create(
        query=Query.get("subsidie"), page=p["initiative"], sort_order=0
    ),
    "locale": lambda p, t: Locale.objects.create(language_code="fy"),
    "timeline": lambda p, t: p["initiative"].save_revision().publish(),
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_every_write_path_starts_a_new_generation(write, published_pages, site_tree):
    assert in_new_generation(lambda: write(published_pages, site_tree))


def test_an_expiry_carried_out_by_cron_starts_a_new_generation(client, published_pages, site_tree):
    """publish_scheduled (cron) takes a page off line at its expiry date."""
    from django.core.management import call_command
    from django.utils import timezone

    initiative = published_pages["initiative"]
    assert overview_count(client, site_tree.initiatives) == 1
    type(initiative).objects.filter(pk=initiative.pk).update(expire_at=timezone.now())  # the moment passed
    assert in_new_generation(lambda: call_command("publish_scheduled", verbosity=0))
    assert overview_count(client, site_tree.initiatives) == 0


@pytest.mark.parametrize("model", django_apps.get_models(), ids=lambda model: model._meta.label_lower)
def test_every_model_starts_a_new_generation_unless_it_is_never_public(model):
    """The rule is a catch-all on the model signals, not a list of Wagtail's page signals:
    a model added tomorrow renews the cache too. Only models whose rows never reach a
    public answer (publiccache.IGNORED_MODELS) leave it alone."""
    before = publiccache.generation()
    post_save.send_robust(sender=model, instance=None, created=False, raw=True, using="default", update_fields=None)
    assert (publiccache.generation() > before) is not publiccache.is_ignored(model)


def test_our_apps_name_what_never_reaches_a_public_answer():
    """Pitches, messages, subscriptions and e-mails say so themselves; sign-ups do not (the
    API shows seats taken), nor does anything published."""
    ours = {"pages", "initiatives", "participation", "notifications", "search", "staff"}
    ignored = {
        model._meta.label_lower
        for model in django_apps.get_models()
        if model._meta.app_label in ours and publiccache.is_ignored(model)
    }
    assert ignored == {
        "initiatives.initiativecontactmessage",
        "initiatives.pitch",
        "initiatives.pitchemail",
        "initiatives.pitchmessage",
        "initiatives.signupemail",
        "notifications.subscription",
        "participation.feedbackemail",
    }


def test_a_new_release_starts_from_an_empty_cache(settings, tmp_path):
    """What is kept was rendered (cards, feeds) or pickled (pages) by the code of its
    release: every key names the release, so a changed template is never met by the HTML
    of the one before."""
    (tmp_path / "templates").mkdir()
    template = tmp_path / "templates" / "card.html"
    template.write_text("<p>{{ card.title }}</p>")
    settings.BASE_DIR = tmp_path
    publiccache.release.cache_clear()
    try:
        before = publiccache.key("cards", 1)
        assert publiccache.key("cards", 1) == before
        template.write_text("<p>{{ card.title|upper }}</p>")
        publiccache.release.cache_clear()
        assert publiccache.key("cards", 1) != before
    finally:
        publiccache.release.cache_clear()


def test_a_private_model_is_a_real_model():
    """A misspelt name in IGNORED_MODELS would mean nothing; each names an app or model."""
    labels = {model._meta.label_lower for model in django_apps.get_models()}
    app_labels = {config.label for config in django_apps.get_app_configs()} | {"otp_static"}
    assert {name for name in publiccache.IGNORED_MODELS if name not in labels | app_labels} == set()


# --- Lifetimes and several processes ---------------------------------------------------------


@pytest.fixture
def redis_cache(settings):
    """The cache as production has it: Redis, with keys of this test's own."""
    import redis

    url = "redis://127.0.0.1:6379/0"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("Redis at 127.0.0.1:6379 is not running")
    prefix = f"meedoen-test-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url, "KEY_PREFIX": prefix}
    }
    client = redis.Redis.from_url(url)
    yield SimpleNamespace(client=client, pattern=f"{prefix}:*")
    for name in client.scan_iter(f"{prefix}:*"):
        client.delete(name)


def lifetimes(redis_cache):
    """{key: milliseconds left} of every public cache entry in Redis (Wagtail keeps its own
    entries there too)."""
    names = [name for name in redis_cache.client.scan_iter(redis_cache.pattern) if b":publiccache:" in name]
    return {name: redis_cache.client.pttl(name) for name in names}


def test_no_entry_lives_longer_than_its_lifetime(client, published_pages, site_tree, redis_cache, settings):
    """Every answer is written once with PUBLIC_CACHE_SECONDS to live and never written
    again with a fresh lifetime, however often it is read or content changes; only the
    generation itself stays."""
    limit_ms = settings.MEEDOEN_PUBLIC_CACHE_SECONDS * 1000
    page_text(client, site_tree.initiatives.url)
    first = lifetimes(redis_cache)
    generation_keys = {name for name, ttl in first.items() if name.endswith(publiccache.GENERATION_KEY.encode())}
    assert len(generation_keys) == 1 and first[generation_keys.pop()] == -1  # no expiry
    entries = {name: ttl for name, ttl in first.items() if ttl != -1}
    assert len(entries) >= 5  # site, settings, chrome, facet counts, cards...
    assert all(0 < ttl <= limit_ms for ttl in entries.values())

    time.sleep(0.3)
    page_text(client, site_tree.initiatives.url)  # read again
    published_pages["initiative"].save_revision().publish()  # and content changes
    page_text(client, site_tree.initiatives.url)
    later = lifetimes(redis_cache)
    for name, ttl in entries.items():
        assert name in later
        assert 0 < later[name] <= ttl - 250, name  # counting down, never renewed
    assert all(0 < ttl <= limit_ms for ttl in later.values() if ttl != -1)
