"""The language switcher and what it leads to, pages shown in another language, dates,
times and numbers per language, e-mail in the reader's language, and a third language
added through the settings alone."""

import os
import subprocess
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.conf import settings
from django.core import mail
from django.test import override_settings
from wagtail.models import Locale

from pages.apps import create_locales
from tests import factories
from tests.helpers import soup_of, text_of

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
WITH_ARABIC = [("nl", "Dutch"), ("en", "English"), ("ar", "Arabic")]


def switcher(response):
    """{language code: (link text, href, aria-current)} of the language switcher."""
    nav = soup_of(response).find("nav", class_="language-switcher")
    assert nav is not None, "the page has no language switcher"
    return {a["lang"]: (a.get_text(strip=True), a["href"], a.get("aria-current")) for a in nav.find_all("a")}


# --- Where the switcher leads ---------------------------------------------------------------


def test_switcher_leads_to_the_translation_of_the_page(client, initiative_page, site_tree, translate):
    english = translate(initiative_page, site_tree.en)

    dutch_links = switcher(client.get(initiative_page.url))
    english_links = switcher(client.get(english.url))

    assert dutch_links["nl"] == ("Nederlands", initiative_page.url, "true")
    assert dutch_links["en"] == ("English", english.url, None)
    assert english_links["nl"] == ("Nederlands", initiative_page.url, None)
    assert english_links["en"] == ("English", english.url, "true")


def test_untranslated_page_leads_to_the_nearest_translated_ancestor_with_a_notice(
    client, initiative_page, site_tree, translate
):
    english_overview = translate(site_tree.initiatives, site_tree.en)
    untranslated = factories.InitiativePageFactory(parent=site_tree.initiatives, title="Repair Café Oost")

    target = switcher(client.get(untranslated.url))["en"][1]
    assert target == english_overview.url + "?untranslated=1"

    landing = client.get(target)
    assert landing.status_code == 200
    assert soup_of(landing).html["lang"] == "en"
    assert "This page is not available in English yet. You are on the nearest page that is." in text_of(landing)
    assert "not available" not in text_of(client.get(english_overview.url))


def test_a_page_shown_in_a_language_it_has_no_translation_into_says_so_and_marks_its_language(client, site_tree):
    """With no English home page at all, /en/ shows the Dutch home page: the interface is
    English, the content is marked as Dutch for screen readers, and a notice says why."""
    switch_to_english = switcher(client.get(site_tree.home.url))["en"][1]
    assert switch_to_english == "/en/?untranslated=1"

    response = client.get("/en/")
    page = soup_of(response)
    assert page.html["lang"] == "en"
    wrapper = page.find("main").find("div", attrs={"lang": "nl"})
    assert wrapper is not None and wrapper["dir"] == "ltr"
    assert wrapper.find("h1") is not None
    assert "This page is not available in English yet. It is shown in Dutch." in text_of(response)


def test_switcher_on_search_keeps_the_query(client, site_tree):
    links = switcher(client.get("/nl/zoeken/", {"q": "moestuin"}))
    assert links["en"][1] == "/en/search/?q=moestuin"
    assert links["nl"][2] == "true"


def test_hreflang_alternates_name_every_translation_and_a_default(client, initiative_page, site_tree, translate):
    english = translate(initiative_page, site_tree.en)
    alternates = {
        link["hreflang"]: link["href"]
        for link in soup_of(client.get(english.url)).find_all("link", rel="alternate", hreflang=True)
    }
    assert alternates == {
        "nl": "http://localhost" + initiative_page.url,
        "en": "http://localhost" + english.url,
        "x-default": "http://localhost" + initiative_page.url,
    }


# --- Dates, times and numbers -------------------------------------------------------------


def test_event_dates_and_times_are_written_the_way_each_language_reads_them(client, site_tree, translate):
    # 18:30 UTC on a winter evening is 19:30 in Amsterdam.
    start = datetime(2031, 12, 2, 18, 30, tzinfo=ZoneInfo("UTC"))
    event = factories.PitchEventPageFactory(
        parent=site_tree.events, start=start, end=start.replace(hour=21, minute=0), capacity=1200
    )
    english = translate(event, site_tree.en)

    dutch, english_text = text_of(client.get(event.url)), text_of(client.get(english.url))

    assert "dinsdag 2 december 2031, 19:30 – 22:00" in dutch
    assert "Tuesday 2 December 2031, 19:30 – 22:00" in english_text
    assert "1.200 plaatsen" in dutch
    assert "1,200 seats" in english_text


def test_an_event_card_writes_the_month_as_each_language_does(client, site_tree, translate):
    start = datetime(2031, 12, 2, 18, 30, tzinfo=ZoneInfo("UTC"))
    event = factories.PitchEventPageFactory(parent=site_tree.events, start=start, end=start.replace(hour=21))
    translate(event, site_tree.en)
    english_overview = site_tree.events.get_translation(site_tree.en)

    dutch, english = text_of(client.get(site_tree.events.url)), text_of(client.get(english_overview.url))

    assert "di 2 dec 2031, 19:30" in dutch  # Dutch month names have no capital
    assert "Tue 2 Dec 2031, 19:30" in english


def test_summer_time_is_amsterdam_time(client, site_tree):
    start = datetime(2031, 6, 3, 17, 0, tzinfo=ZoneInfo("UTC"))  # 19:00 CEST
    event = factories.PitchEventPageFactory(parent=site_tree.events, start=start, end=start.replace(hour=19))
    assert "dinsdag 3 juni 2031, 19:00 – 21:00" in text_of(client.get(event.url))


def test_counts_and_dates_on_a_story_follow_the_language(client, story_page, site_tree, translate):
    story_page.participant_count = 1234
    story_page.date = datetime(2031, 3, 14, tzinfo=AMSTERDAM).date()
    story_page.save_revision().publish()
    english = translate(story_page, site_tree.en)

    dutch, english_text = text_of(client.get(story_page.url)), text_of(client.get(english.url))

    assert "1.234 inwoners deden mee." in dutch and "14 maart 2031" in dutch
    assert "1,234 residents took part." in english_text and "14 March 2031" in english_text


# --- E-mail in the reader's language --------------------------------------------------------


@pytest.mark.parametrize(
    "language, subject_start, body_text",
    [
        ("nl", "Bericht over", "heeft een bericht gestuurd aan je initiatief"),
        ("en", "Message about", "sent a message to your initiative"),
    ],
    ids=["dutch-initiative", "english-initiative"],
)
def test_relayed_message_is_written_in_the_language_of_the_initiative(
    client,
    initiative_page,
    site_tree,
    translate,
    django_capture_on_commit_callbacks,
    language,
    subject_start,
    body_text,
):
    page = initiative_page if language == "nl" else translate(initiative_page, site_tree.en)
    data = {
        "name": "Fatima",
        "email": "fatima@bewoner.example.org",
        "message": "Ik kom zaterdag helpen.",
        "consent": "on",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(page.url + "contact/", data)
    assert response.status_code == 302

    [email] = mail.outbox
    assert email.subject.startswith(subject_start)
    assert body_text in email.body
    thanks = "Bedankt. Je bericht is onderweg" if language == "nl" else "Thank you. Your message is on its way"
    assert thanks in text_of(client.get(response["Location"]))


# --- A third language ---------------------------------------------------------------------


@override_settings(LANGUAGES=WITH_ARABIC, WAGTAIL_CONTENT_LANGUAGES=WITH_ARABIC)
def test_a_third_language_from_the_settings_routes_and_switches_right_to_left(client, initiative_page, site_tree):
    create_locales(apps)  # as `migrate` does after the settings change
    assert Locale.objects.filter(language_code="ar").exists()

    response = client.get("/ar/", HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 200
    page = soup_of(response)
    assert (page.html["lang"], page.html["dir"]) == ("ar", "rtl")
    assert page.find("main").find("div", attrs={"lang": "nl", "dir": "ltr"}) is not None

    links = switcher(client.get(initiative_page.url))
    assert set(links) == {"nl", "en", "ar"}
    assert links["ar"][0] == "العربيّة"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ar")["Location"] == "/ar/"


def run_settings(languages):
    """Import the settings in a fresh interpreter with LANGUAGES set, as a server would."""
    code = "from portal.settings import base; print(base.LANGUAGE_CODE, [c for c, _ in base.LANGUAGES])"
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "LANGUAGES": languages},
        cwd=settings.BASE_DIR,
        timeout=60,
    )


def test_languages_come_from_the_environment():
    result = run_settings("nl,en,tr")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "nl ['nl', 'en', 'tr']"


def test_an_unknown_language_code_stops_start_up_with_a_clear_message():
    result = run_settings("nl,xx")
    assert result.returncode != 0
    assert "LANGUAGES: 'xx' is not a language Django knows" in result.stderr
