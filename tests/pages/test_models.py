"""The home page's automatic sections, pagination and the shared taxonomy."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import PageViewRestriction

from initiatives.models import InitiativePage
from pages.models import HomePageFeaturedItem, Theme, live_pages, load_pages, paginate
from tests import factories

DAY = timedelta(days=1)


@pytest.mark.parametrize(
    "number, expected_page",
    [("1", 1), ("2", 2), ("3", 3), ("abc", 1), ("", 1), ("999", 3)],
    ids=["first", "second", "last", "not-a-number", "empty", "past-the-end"],
)
def test_paginate_bad_numbers_give_the_first_or_last_page(number, expected_page):
    page = paginate(RequestFactory().get("/", {"page": number}), list(range(30)), per_page=12)
    assert page.number == expected_page


@pytest.mark.parametrize(
    "number", ["0", "-1", "1.5", "9" * 30, "%00"], ids=["zero", "negative", "decimal", "huge", "nul"]
)
def test_paginate_never_fails(number):
    page = paginate(RequestFactory().get("/", {"page": number}), list(range(30)), per_page=12)
    assert 1 <= page.number <= 3


def test_paginate_defaults_to_the_first_page():
    page = paginate(RequestFactory().get("/"), list(range(30)))
    assert list(page) == list(range(12))


def test_paginate_with_load_pages_the_keys_and_loads_only_the_page_shown(site_tree):
    initiatives = [factories.InitiativePageFactory(parent=site_tree.initiatives) for _ in range(14)]
    loaded = []

    def load(pks):
        loaded.append(pks)
        return load_pages(InitiativePage, pks)

    page = paginate(RequestFactory().get("/", {"page": "2"}), site_tree.initiatives.initiatives(), 12, load=load)

    oldest_two = [initiatives[1], initiatives[0]]
    assert loaded == [[p.pk for p in oldest_two]]
    assert list(page) == oldest_two and all(type(p) is InitiativePage for p in page)
    assert (page.number, page.paginator.count, page.start_index()) == (2, 14, 13)


def test_live_pages_are_live_public_of_one_type_and_language_newest_first(site_tree, translate):
    older = factories.InitiativePageFactory(parent=site_tree.initiatives)
    newer = factories.InitiativePageFactory(parent=site_tree.initiatives)
    factories.InitiativePageFactory(parent=site_tree.initiatives, live=False)
    hidden = factories.InitiativePageFactory(parent=site_tree.initiatives)
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="x")
    translate(older, site_tree.en)
    factories.PitchEventPageFactory(parent=site_tree.events)

    listed = live_pages(InitiativePage, site_tree.nl.pk)
    within = live_pages(InitiativePage, site_tree.nl.pk, child_of=site_tree.initiatives)

    assert list(listed.values_list("pk", flat=True)) == [newer.pk, older.pk]
    assert list(within.values_list("pk", flat=True)) == [newer.pk, older.pk]
    assert not live_pages(InitiativePage, site_tree.nl.pk, child_of=site_tree.events).exists()


def test_load_pages_keeps_the_order_and_skips_missing_keys(site_tree):
    first, second = (factories.InitiativePageFactory(parent=site_tree.initiatives) for _ in range(2))
    assert load_pages(InitiativePage, [second.pk, 10**9, first.pk]) == [second, first]


def test_the_listing_index_exists_on_the_page_table(db):
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "wagtailcore_page")
    assert constraints["meedoen_page_listing"]["columns"][:3] == ["content_type_id", "locale_id", "first_published_at"]


def home_context(home):
    return home.get_context(RequestFactory().get("/"))


def test_home_page_sections(site_tree):
    now = timezone.now()
    events = [
        factories.PitchEventPageFactory(parent=site_tree.events, start=now + days * DAY, end=now + days * DAY + DAY)
        for days in (30, 5, 10, 20)
    ]
    factories.PitchEventPageFactory(parent=site_tree.events, start=now - 3 * DAY, end=now - 2 * DAY)
    initiatives = [factories.InitiativePageFactory(parent=site_tree.initiatives) for _ in range(7)]
    factories.InitiativePageFactory(parent=site_tree.initiatives, live=False)
    stories = [
        factories.PolicyFeedbackStoryPageFactory(parent=site_tree.stories, date=timezone.localdate() - days * DAY)
        for days in (3, 1, 7, 20)
    ]

    context = home_context(site_tree.home)

    assert [e.pk for e in context["upcoming_events"]] == [events[1].pk, events[2].pk, events[3].pk]
    assert [i.pk for i in context["newest_initiatives"]] == [i.pk for i in reversed(initiatives)][:6]
    assert [s.pk for s in context["latest_stories"]] == [stories[1].pk, stories[0].pk, stories[2].pk]
    assert context["featured_pages"] == []


def test_featured_items_come_first_and_are_not_repeated(site_tree, initiative_page, event_page):
    draft = factories.InitiativePageFactory(parent=site_tree.initiatives, live=False)
    home = site_tree.home
    for position, item in enumerate([event_page, draft, initiative_page]):
        HomePageFeaturedItem.objects.create(page=home, item=item, sort_order=position)

    context = home_context(home)

    assert [p.pk for p in context["featured_pages"]] == [event_page.pk, initiative_page.pk]
    assert type(context["featured_pages"][0]).__name__ == "PitchEventPage"
    assert initiative_page.pk not in [i.pk for i in context["newest_initiatives"]]
    assert event_page.pk not in [e.pk for e in context["upcoming_events"]]


def test_sections_of_the_english_home_show_english_pages_only(site_tree, initiative_page):
    english_initiative = initiative_page.copy_for_translation(site_tree.en, copy_parents=True)
    english_initiative.save_revision().publish()
    english_home = site_tree.home.get_translation(site_tree.en)

    assert [i.pk for i in home_context(english_home)["newest_initiatives"]] == [english_initiative.pk]
    assert [i.pk for i in home_context(site_tree.home)["newest_initiatives"]] == [initiative_page.pk]


def test_content_page_card_summary_falls_back_to_the_intro(content_page):
    assert content_page.card_summary == "Zo werkt meedoen in Testwijk."
    content_page.search_description = "Korte beschrijving"
    assert content_page.card_summary == "Korte beschrijving"


# --- Taxonomy --------------------------------------------------------------------------------


def test_theme_slug_is_unique_per_language(locales, theme):
    factories.ThemeFactory(name="Green", slug="groen", locale=locales.en)
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.ThemeFactory(name="Groen 2", slug="groen", locale=locales.nl)


def test_neighbourhood_slug_is_unique_per_language(locales, neighbourhood):
    factories.NeighbourhoodFactory(name="Old West", slug="oud-west", locale=locales.en)
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.NeighbourhoodFactory(name="Oud-West 2", slug="oud-west", locale=locales.nl)


def test_taxonomy_is_listed_alphabetically(locales):
    for name in ["Wonen", "Groen", "Cultuur"]:
        factories.ThemeFactory(name=name)
    assert [str(t) for t in Theme.objects.all()] == ["Cultuur", "Groen", "Wonen"]
