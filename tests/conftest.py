"""Fixtures shared by the whole suite: a minimal site tree and a published page of each type.

Every test runs with uploaded files in a temporary MEDIA_ROOT, an empty cache, and no
network beyond the services the suite is configured with (database, cache, search): a
test that would fetch an oEmbed or any other third-party resource fails instead.
"""

import ipaddress
import os
import socket
from datetime import timedelta
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.apps import apps as django_apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.files.storage import FileSystemStorage
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from django.utils import timezone
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from pages.models import MunicipalitySettings
from tests import factories

SERVICE_URL_VARIABLES = ("DATABASE_URL", "REDIS_URL", "CACHE_URL", "ELASTICSEARCH_URL")


def _service_addresses():
    """The IP addresses of the services named in the environment (database, cache, search)."""
    addresses = set()
    for name in SERVICE_URL_VARIABLES:
        for url in filter(None, os.environ.get(name, "").split(",")):
            host = urlsplit(url.strip()).hostname
            if not host:
                continue
            try:
                addresses.update(info[4][0] for info in socket.getaddrinfo(host, None))
            except OSError:
                continue
    return addresses


_ALLOWED_ADDRESSES = _service_addresses()
_real_connect = socket.socket.connect


def _guarded_connect(sock, address):
    if sock.family in (socket.AF_INET, socket.AF_INET6):
        host = address[0]
        try:
            is_local = ipaddress.ip_address(host).is_loopback
        except ValueError:
            is_local = host == "localhost"
        if not is_local and host not in _ALLOWED_ADDRESSES:
            raise AssertionError(f"Test tried to connect to {address!r}: tests must not use the network.")
    return _real_connect(sock, address)


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)


@pytest.fixture(autouse=True)
def _no_oembed_lookups(monkeypatch):
    """Embeds come from Embed rows the test creates; a finder lookup would be an HTTP call."""

    def refuse(url, *args, **kwargs):
        raise AssertionError(f"oEmbed lookup for {url}: create an Embed row in the test instead.")

    monkeypatch.setattr("wagtail.embeds.embeds.get_finder_for_embed", refuse)


@pytest.fixture(autouse=True)
def _file_roots(settings, tmp_path, monkeypatch):
    """Uploads (and renditions) go to a temporary MEDIA_ROOT; STATIC_ROOT exists so
    WhiteNoise has a directory to look at (files come from the finders in tests)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    # Pitch images: the field's storage is made once, from STORAGES["pitch_uploads"].
    monkeypatch.setattr(
        django_apps.get_model("initiatives", "Pitch")._meta.get_field("image"),
        "storage",
        FileSystemStorage(location=tmp_path / "private"),
    )
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATIC_ROOT.mkdir()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Wagtail caches site root paths and Meedoen keeps rate limits in the cache; neither
    may leak from one test to the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def keep_migrated_data(django_db_blocker):
    """What the migrations put in the database (Wagtail's root page, the locales...),
    put back after a transactional test has emptied every table, so that the next test
    session on a reused database (--reuse-db) still finds it. Request it before
    `transactional_db`, so that it is torn down after that fixture's flush."""
    with django_db_blocker.unblock():
        saved = connection.creation.serialize_db_to_string()
    yield
    with django_db_blocker.unblock():
        # That flush ran post_migrate, which made some rows anew: empty the tables once
        # more without it, then load what the migrations had made.
        call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)
        connection.creation.deserialize_db_from_string(saved)
        # Rows came back with their ids: move the id sequences past them, as loaddata does.
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), django_apps.get_models()):
                cursor.execute(sql)
        ContentType.objects.clear_cache()


# --- Site tree ----------------------------------------------------------------------------


@pytest.fixture
def locales(db):
    nl = Locale.objects.get(language_code="nl")
    en, _ = Locale.objects.get_or_create(language_code="en")
    return SimpleNamespace(nl=nl, en=en)


@pytest.fixture
def site_tree(locales):
    """A Dutch home page as the default site's root (replacing Wagtail's welcome page) with
    one index page of each kind, plus an English Locale (without translations)."""
    root = Page.get_first_root_node()
    for welcome_page in Page.objects.filter(depth=2):
        welcome_page.delete()  # and with it the default Site that points at it
    home = factories.HomePageFactory(parent=root, locale=locales.nl)
    site = Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Meedoen Testwijk"
    )
    # The settings row a live site has from its first request on (creating it starts a new
    # generation of the public cache, as saving it does).
    MunicipalitySettings.for_site(site)
    return SimpleNamespace(
        root=root,
        home=home,
        nl=locales.nl,
        en=locales.en,
        initiatives=factories.InitiativeIndexPageFactory(parent=home),
        events=factories.PitchEventIndexPageFactory(parent=home),
        projects=factories.ParticipationProjectIndexPageFactory(parent=home),
        stories=factories.PolicyFeedbackStoryIndexPageFactory(parent=home),
    )


@pytest.fixture
def theme(locales):
    return factories.ThemeFactory(name="Groen", slug="groen", locale=locales.nl)


@pytest.fixture
def neighbourhood(locales):
    return factories.NeighbourhoodFactory(name="Oud-West", slug="oud-west", locale=locales.nl)


@pytest.fixture
def image():
    return factories.ImageFactory(title="Bewoners in de moestuin")


# --- A published page of each type ---------------------------------------------------------


@pytest.fixture
def content_page(site_tree):
    return factories.ContentPageFactory(
        parent=site_tree.home, title="Over Meedoen", slug="over-meedoen", intro="Zo werkt meedoen in Testwijk."
    )


@pytest.fixture
def initiative_page(site_tree, theme, neighbourhood):
    return factories.InitiativePageFactory(
        parent=site_tree.initiatives,
        title="Buurtmoestuin De Linde",
        slug="buurtmoestuin-de-linde",
        summary="Samen groente kweken op het braakliggende veld achter de school.",
        contact_email="verborgen.adres@initiatief.example.org",
        themes=[theme],
        neighbourhoods=[neighbourhood],
        needs=[("volunteers", "Drie mensen op zaterdagochtend")],
    )


@pytest.fixture
def event_page(site_tree, theme, initiative_page):
    return factories.PitchEventPageFactory(
        parent=site_tree.events,
        title="Pitchavond voorjaar",
        slug="pitchavond-voorjaar",
        summary="Vijf initiatieven pitchen hun plan voor de buurt.",
        start=(timezone.now() + timedelta(days=14)).replace(microsecond=0),
        themes=[theme],
        programme=[initiative_page],
    )


@pytest.fixture
def project_page(site_tree, theme, neighbourhood):
    today = timezone.localdate()
    return factories.ParticipationProjectPageFactory(
        parent=site_tree.projects,
        title="Herinrichting Marktplein",
        slug="herinrichting-marktplein",
        summary="Denk mee over een groener Marktplein.",
        ladder_rung="coproduce",
        themes=[theme],
        neighbourhoods=[neighbourhood],
        phases=[
            {"title": "Ideeën ophalen", "starts_on": today - timedelta(days=10), "ends_on": today + timedelta(days=10)},
            {"title": "Besluit van de raad", "starts_on": today + timedelta(days=60), "ends_on": None},
        ],
    )


@pytest.fixture
def story_page(site_tree, theme, project_page):
    return factories.PolicyFeedbackStoryPageFactory(
        parent=site_tree.stories,
        title="Jij zei: meer bomen",
        slug="jij-zei-meer-bomen",
        summary="Wat we deden met de ideeën voor het Marktplein.",
        project=project_page,
        decision="<p>Het college plant twintig nieuwe lindebomen op het Marktplein.</p>",
        themes=[theme],
    )


@pytest.fixture
def published_pages(site_tree, content_page, initiative_page, event_page, project_page, story_page):
    """One live page of every type, by name."""
    return {
        "home": site_tree.home,
        "content": content_page,
        "initiative_index": site_tree.initiatives,
        "initiative": initiative_page,
        "event_index": site_tree.events,
        "event": event_page,
        "project_index": site_tree.projects,
        "project": project_page,
        "story_index": site_tree.stories,
        "story": story_page,
    }


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """translate(instance, locale): translate every string as an editor would in
    wagtail-localize's editor ("EN: " + the Dutch text, "en-" + a slug) and publish.
    Translating again after the source changed updates the translation."""

    def translate(instance, locale):
        source, created = TranslationSource.get_or_create_from_instance(instance)
        if not created:
            source.update_from_db()
        for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
            text = segment.string.data
            # A translator types a valid slug for a slug, and free text elsewhere.
            data = f"en-{text}" if segment.context.path == "slug" else f"EN: {text}"
            StringTranslation.objects.update_or_create(
                translation_of=segment.string, locale=locale, context=segment.context, defaults={"data": data}
            )
        translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
        with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
            translation.save_target(publish=True)
        translated = instance.get_translation(locale)
        return getattr(translated, "specific", translated)

    return translate
