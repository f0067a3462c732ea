"""The staff overview's figures against seeded data: upcoming events, inclusion per
neighbourhood and theme, feedback debt; the report pages, their CSV export and the
dashboard panel."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from initiatives import signups
from staff import reports
from tests import factories


@pytest.fixture
def town(site_tree, locales):
    """Three neighbourhoods (6,000 / 3,000 / 1,000 residents), two themes, initiatives and
    events spread over them, sign-ups for the events."""
    west = factories.NeighbourhoodFactory(name="West", population=6000)
    oost = factories.NeighbourhoodFactory(name="Oost", population=3000)
    dorp = factories.NeighbourhoodFactory(name="Dorp", population=1000)
    groen = factories.ThemeFactory(name="Groen")
    wonen = factories.ThemeFactory(name="Wonen")
    for neighbourhoods, themes in [([west], [groen]), ([west], [wonen]), ([oost], [groen]), ([], [groen])]:
        factories.InitiativePageFactory(parent=site_tree.initiatives, neighbourhoods=neighbourhoods, themes=themes)
    factories.InitiativePageFactory(parent=site_tree.initiatives, neighbourhoods=[dorp], live=False)  # a draft
    soon = factories.PitchEventPageFactory(
        parent=site_tree.events,
        title="Pitchavond West",
        capacity=3,
        max_seats_per_signup=2,
        start=timezone.now() + timedelta(days=3),
        neighbourhoods=[west],
        themes=[wonen],
    )
    later = factories.PitchEventPageFactory(
        parent=site_tree.events,
        title="Pitchavond Dorp",
        start=timezone.now() + timedelta(days=60),
        neighbourhoods=[dorp],
    )
    factories.PitchEventPageFactory(
        parent=site_tree.events, title="Vorig jaar", start=timezone.now() - timedelta(days=300)
    )
    for email, seats in [("a@x.nl", 2), ("b@x.nl", 1), ("c@x.nl", 2), ("d@x.nl", 1)]:
        signups.sign_up(soon, name="Bewoner", email=email, seats=seats, language="nl")
    cancelled = signups.sign_up(later, name="Bewoner", email="e@x.nl", seats=1, language="nl").signup
    signups.cancel(cancelled.pk)
    return {"west": west, "oost": oost, "dorp": dorp, "groen": groen, "wonen": wonen, "soon": soon, "later": later}


def test_upcoming_events_with_seats_and_waiting_list(town):
    rows = reports.upcoming_events()
    assert [row.title for row in rows] == ["Pitchavond West", "Pitchavond Dorp"]  # soonest first, past left out
    west = rows[0]
    # 2 + 1 seats confirmed (full), then 2 and 1 waiting.
    assert (west.capacity, west.seats_taken, west.seats_left) == (3, 3, 0)
    assert (west.waiting_signups, west.waiting_seats) == (2, 3)
    assert west.registration_state == "open"
    assert (rows[1].seats_taken, rows[1].waiting_signups) == (0, 0)  # the cancelled one counts for nothing


def test_inclusion_per_neighbourhood_against_its_share(town):
    figures = reports.inclusion()
    rows = {row.name: row for row in figures.neighbourhoods}
    assert [source.key for source in figures.sources] == ["initiatives", "signups", "pitches"]
    assert rows["West"].counts == {"initiatives": 2, "signups": 4, "pitches": 0}
    assert rows["Oost"].counts == {"initiatives": 1, "signups": 0, "pitches": 0}
    assert rows["Dorp"].counts == {
        "initiatives": 0,
        "signups": 0,
        "pitches": 0,
    }  # drafts and cancelled sign-ups don't count
    whole = figures.neighbourhoods[-1]
    assert whole.key is None and whole.name == "Hele gemeente"
    assert whole.counts == {"initiatives": 1, "signups": 0, "pitches": 0}
    assert rows["West"].population_share == pytest.approx(0.6)
    assert rows["Dorp"].population_share == pytest.approx(0.1)
    # Taking part, among what is tied to a neighbourhood: West 6 of 7, Oost 1 of 7.
    assert rows["West"].total_share == pytest.approx(6 / 7)
    assert rows["Oost"].total_share == pytest.approx(1 / 7)
    assert sorted(name for name, row in rows.items() if row.under_represented) == ["Dorp", "Oost"]


def test_inclusion_per_theme(town):
    rows = {row.name: row.counts for row in reports.inclusion().themes}
    assert rows == {
        "Groen": {"initiatives": 3, "signups": 0, "pitches": 0},
        "Wonen": {"initiatives": 1, "signups": 4, "pitches": 0},
    }


def test_a_new_source_is_one_more_entry(town):
    pitches = reports.InclusionSource("pitches", "Pitches", lambda: [(5, {town["dorp"].translation_key}, set())])
    rows = {row.name: row for row in reports.inclusion(reports.INCLUSION_SOURCES + [pitches]).neighbourhoods}
    assert rows["Dorp"].counts["pitches"] == 5
    assert not rows["Dorp"].under_represented


def test_translations_count_once(town, translate, locales):
    before = {row.name: row.counts["initiatives"] for row in reports.inclusion().neighbourhoods}
    translate(town["oost"], locales.en)
    oost_initiative = town["oost"].initiativepage_pages.first()
    translate(oost_initiative.get_parent().get_parent(), locales.en)
    translate(oost_initiative.get_parent(), locales.en)
    translate(oost_initiative, locales.en)
    after = {row.name: row.counts["initiatives"] for row in reports.inclusion().neighbourhoods}
    assert after == before


def test_feedback_debt_longest_waiting_first(site_tree):
    today = timezone.localdate()

    def project(title, ended_days_ago, *, participation=True, story=False):
        page = factories.ParticipationProjectPageFactory(
            parent=site_tree.projects,
            title=title,
            phases=[
                {
                    "title": "Meedenken",
                    "starts_on": today - timedelta(days=400),
                    "ends_on": None if ended_days_ago is None else today - timedelta(days=ended_days_ago),
                    "is_participation": participation,
                }
            ],
        )
        if story:
            factories.PolicyFeedbackStoryPageFactory(parent=site_tree.stories, project=page)
        return page

    project("Recent afgerond", 10)
    project("Lang geleden afgerond", 200)
    project("Nog bezig", -5)
    project("Zonder einddatum", None)
    project("Al teruggekoppeld", 300, story=True)
    project("Geen meedoen-fase", 100, participation=False)
    rows = reports.feedback_debt()
    assert [(row.title, row.days_ago) for row in rows] == [("Lang geleden afgerond", 200), ("Recent afgerond", 10)]


def test_report_pages_and_csv_export(client, superuser, town):
    client.force_login(superuser)
    response = client.get(reverse("staff_reports_events"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Pitchavond West" in html and "3 / 3" in html

    response = client.get(reverse("staff_reports_events") + "?export=csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[1][0] == "Pitchavond West"
    assert rows[1][2:7] == ["3", "3", "0", "2", "3"]

    response = client.get(reverse("staff_reports_inclusion"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<svg role="img"' in html and "<table" in html and "Dorp" in html

    response = client.get(reverse("staff_reports_inclusion") + "?export=csv")
    rows = {row[0]: row for row in csv.reader(io.StringIO(b"".join(response.streaming_content).decode()))}
    assert rows["West"][1:5] == ["6000", "60.0", "2", "4"]
    assert rows["Dorp"][-1] == "ja"  # under-represented, in words

    response = client.get(reverse("staff_reports_feedback_debt") + "?export=xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="terugkoppeling-open')


def test_the_dashboard_panel(client, editor, town):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="meedoen-overview-heading"' in html
    assert "Pitchavond West" in html  # within 30 days
    assert "Pitchavond Dorp" not in html  # later
    assert "Oost" in html and "Dorp" in html  # taking part less
