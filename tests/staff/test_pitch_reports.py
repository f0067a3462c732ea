"""Pitches in the staff overview: the open ones, oldest waiting first, the counts per
status, and pitches in the inclusion figures per neighbourhood and theme."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from initiatives.models import Pitch
from staff import reports
from tests import factories

pytestmark = pytest.mark.django_db


def make_pitch(name, status, days_ago, neighbourhoods=(), themes=()):
    pitch = Pitch.objects.create(
        initiative_name=name,
        summary="Samenvatting",
        description="Beschrijving",
        founder_name="Iemand",
        email=f"{name.lower().replace(' ', '-')}@bewoner.example.org",
        language="nl",
        status=status,
        status_changed_at=timezone.now() - timedelta(days=days_ago),
    )
    pitch.neighbourhoods.set(neighbourhoods)
    pitch.themes.set(themes)
    return pitch


@pytest.fixture
def seeded(locales, theme):
    west = factories.NeighbourhoodFactory(name="West", slug="west", population=3000)
    oost = factories.NeighbourhoodFactory(name="Oost", slug="oost", population=1000)
    make_pitch("Oudste vraag", "info_requested", 20, [west], [theme])
    make_pitch("Nieuw plan", "received", 2, [oost])
    make_pitch("In review", "in_review", 9, [west])
    make_pitch("Afgewezen plan", "declined", 30, [oost])
    make_pitch("Ingetrokken plan", "withdrawn", 1, [oost])
    return west, oost


def test_open_pitches_come_oldest_waiting_first(seeded):
    rows = reports.pitches_waiting()
    assert [(r.title, r.days_waiting) for r in rows] == [("Oudste vraag", 20), ("In review", 9), ("Nieuw plan", 2)]
    assert rows[0].status == "Meer informatie gevraagd"
    counts = dict(reports.pitches_by_status())
    assert (counts["Ontvangen"], counts["Afgewezen"], counts["Ingetrokken"], counts["Geaccepteerd"]) == (1, 1, 1, 0)


def test_pitches_count_in_the_inclusion_figures_except_withdrawn_ones(seeded, theme):
    west, oost = seeded
    figures = reports.inclusion()
    by_name = {row.name: row for row in figures.neighbourhoods}
    assert by_name["West"].counts["pitches"] == 2
    assert by_name["Oost"].counts["pitches"] == 2  # the new and the declined one, not the withdrawn
    assert {row.name: row.counts["pitches"] for row in figures.themes}[theme.name] == 1


def test_the_report_page_and_its_csv(client, seeded, admin_user):
    client.force_login(admin_user)
    response = client.get(reverse("staff_reports_pitches"))
    assert response.status_code == 200
    text = response.content.decode()
    assert text.index("Oudste vraag") < text.index("In review") < text.index("Nieuw plan")
    assert "Afgewezen plan" not in text.split("Pitches per status")[0]
    export = client.get(reverse("staff_reports_pitches") + "?export=csv")
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert [row[0] for row in rows[1:]] == ["Oudste vraag", "In review", "Nieuw plan"]
    assert "@" not in "".join(",".join(row) for row in rows)  # no e-mail addresses


def test_the_dashboard_shows_pitches_to_who_may_read_them(client, seeded, admin_user, django_user_model):
    client.force_login(admin_user)
    assert "Oudste vraag" in client.get(reverse("wagtailadmin_home")).content.decode()
    from django.contrib.auth.models import Permission

    plain = django_user_model.objects.create_user("stagiair", password="pw")
    plain.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(plain)
    assert "Oudste vraag" not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert client.get(reverse("staff_reports_pitches")).status_code in (302, 403)
