"""Staff review pitches in the Wagtail admin: the list with its filters and search, the
review screen, the actions, and who may see and do what. Also: a set of script payloads
typed into every field stays text everywhere, and the privacy rules (retention, download
and erase by e-mail address, never in search)."""

import json
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from initiatives import pitches
from initiatives.models import InitiativePage, Pitch
from tests.helpers import soup_of, text_of

from .conftest import image_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def pitch(submit, pitch_data):
    assert submit(pitch_data, image=image_file("PNG")).status_code == 200
    mail.outbox.clear()
    return Pitch.objects.get()


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def review_url(pitch):
    return reverse("pitches_review", args=[pitch.pk])


def test_the_permissions_exist_and_belong_to_the_right_groups():
    def codenames(group):
        return set(
            Permission.objects.filter(group__name=group, content_type__model="pitch").values_list("codename", flat=True)
        )

    assert codenames("Moderatoren") == {"view_pitch", "change_pitch", "view_pitch_contact"}
    assert codenames("Communicatie") == {"view_pitch"}


def test_a_moderator_sees_the_list_with_filters_and_search(pitch, moderator, theme):
    client = logged_in(moderator)
    response = client.get(reverse("pitches:index"))
    assert response.status_code == 200
    assert "Buurttuin De Vlinder" in text_of(response)
    assert soup_of(response).find("a", href=review_url(pitch))
    assert "sanne@bewoner.example.org" not in response.content.decode()  # not even in the list
    assert "Buurttuin" in text_of(client.get(reverse("pitches:index"), {"q": "moestuin"}))
    assert "Buurttuin" not in text_of(client.get(reverse("pitches:index"), {"q": "zwembad"}))
    assert "Buurttuin" in text_of(client.get(reverse("pitches:index"), {"status": "received"}))
    assert "Buurttuin" not in text_of(client.get(reverse("pitches:index"), {"status": "accepted"}))
    assert "Buurttuin" in text_of(client.get(reverse("pitches:index"), {"themes": theme.pk}))


def test_a_moderator_sees_the_whole_pitch_with_contact_details(pitch, moderator):
    client = logged_in(moderator)
    response = client.get(review_url(pitch))
    assert response.status_code == 200
    text = text_of(response)
    for shown in [
        "Buurttuin De Vlinder",
        "braakliggende veldje",
        "Sanne de Vries",
        "sanne@bewoner.example.org",
        "06 12345678",
        "Bewonersgroep Vlinderstraat",
        "Vrijwilligers",
    ]:
        assert shown in text, shown
    image = client.get(reverse("pitches_image", args=[pitch.pk]))
    assert image.status_code == 200 and "no-store" in image["Cache-Control"] and "private" in image["Cache-Control"]


def test_an_editor_sees_the_pitch_without_contact_details_and_cannot_act(pitch, editor):
    client = logged_in(editor)
    assert client.get(reverse("pitches:index")).status_code == 200
    response = client.get(review_url(pitch))
    assert response.status_code == 200
    text = text_of(response)
    assert "Buurttuin De Vlinder" in text and "braakliggende veldje" in text
    for hidden in ["Sanne de Vries", "sanne@bewoner.example.org", "06 12345678"]:
        assert hidden not in response.content.decode(), hidden
    assert not soup_of(response).find("button", attrs={"value": "accept"})
    assert client.post(review_url(pitch), {"action": "accept"}).status_code in (302, 403)  # Wagtail: redirect
    pitch.refresh_from_db()
    assert pitch.status == "received"


def test_anonymous_visitors_and_staff_without_the_permission_see_nothing(pitch, django_user_model):
    urls = [reverse("pitches:index"), review_url(pitch), reverse("pitches_image", args=[pitch.pk])]
    for url in urls:
        assert Client().get(url).status_code == 302  # to the admin login
    plain = django_user_model.objects.create_user("stagiair", password="pw")
    plain.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = logged_in(plain)
    for url in urls:
        assert client.get(url).status_code in (302, 403), url


def test_a_moderator_walks_a_pitch_to_a_draft_and_onto_a_programme(
    pitch, moderator, site_tree, django_capture_on_commit_callbacks
):
    from tests import factories

    event = factories.PitchEventPageFactory(parent=site_tree.events, start=timezone.now() + timedelta(days=5))
    client = logged_in(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(review_url(pitch), {"action": "review"}).status_code == 302
        response = client.post(review_url(pitch), {"action": "ask", "question": ""})
        assert response.status_code == 400  # an empty question is refused, nothing happens
        client.post(review_url(pitch), {"action": "ask", "question": "Wie onderhoudt de tuin in de zomer?"})
        response = client.post(review_url(pitch), {"action": "accept"}, follow=True)
    pitch.refresh_from_db()
    assert pitch.status == "accepted"
    page = InitiativePage.objects.get(pk=pitch.initiative_id)
    assert not page.live and page.image is not None
    assert page.image.description == "Buurttuin De Vlinder"  # alt text for the editor to improve
    assert soup_of(response).find("a", href=reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert [m.subject for m in mail.outbox] == [
        'Je pitch "Buurttuin De Vlinder" wordt bekeken',
        'Een vraag over je pitch "Buurttuin De Vlinder"',
        'Je pitch "Buurttuin De Vlinder" is geaccepteerd',
    ]
    response = client.post(review_url(pitch), {"action": "programme", "event": event.pk, "starts_at": "19:30"})
    assert response.status_code == 302
    latest = event.get_latest_revision_as_object()
    assert [(s.initiative_id, s.starts_at.strftime("%H:%M")) for s in latest.programme.all()] == [(page.pk, "19:30")]


def test_declining_needs_a_reason(pitch, moderator):
    client = logged_in(moderator)
    assert client.post(review_url(pitch), {"action": "decline", "reason": ""}).status_code == 400
    assert Pitch.objects.get().status == "received"
    client.post(review_url(pitch), {"action": "decline", "reason": "Dit past niet binnen de regeling."})
    assert Pitch.objects.get().status == "declined"


# --- Script payloads stay text ----------------------------------------------------------------

PAYLOADS = [
    "<script>alert('xss')</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
    "javascript:alert(1)",
    "{{ 7|add:7 }} {% now 'Y' %}",
]
TEXT_FIELDS = ["initiative_name", "summary", "description", "needs_explanation", "founder_name", "organisation"]


def assert_inert(html, payload):
    """No element or attribute the payload would have made; the payload is there as text."""
    soup = soup_of(type("R", (), {"content": html.encode()})())
    assert not soup.find("script", string=lambda s: s and "alert" in s)
    assert not soup.find(attrs={"onerror": True}) and not soup.find(attrs={"onload": True})
    if "{{" in payload:
        # Shown as typed, not rendered as a template (which would show 14 and the year). Not
        # "no 14 on the page": the page also shows when the pitch came in, say at 09:14.
        assert "{{ 7|add:7 }}" in soup.get_text() and "{% now 'Y' %}" in soup.get_text()


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_in_every_field_stay_text_everywhere(
    submit, pitch_data, pitch_page, payload, moderator, admin_user, django_capture_on_commit_callbacks
):
    data = {**pitch_data, **{name: f"{payload} {pitch_data[name]}"[:100] for name in TEXT_FIELDS}}
    data["description"] = f"{payload}\n\n{pitch_data['description']}"
    assert submit(data).status_code == 200
    pitch = Pitch.objects.get()
    assert pitch.initiative_name.startswith(payload[:20])

    status = Client().get(pitch_page.status_url(pitch))
    assert_inert(status.content.decode(), payload)
    assert payload in text_of(status)

    review = logged_in(moderator).get(review_url(pitch))
    assert_inert(review.content.decode(), payload)
    assert payload in text_of(review)

    with django_capture_on_commit_callbacks(execute=True):
        pitches.ask_information(pitch.pk, moderator, f"Vraag: {payload}")
        pitches.accept(pitch.pk, moderator)
    for email in mail.outbox:
        assert payload in email.body or payload in email.subject  # plain text: as typed, not escaped

    page = InitiativePage.objects.get(pk=Pitch.objects.get().initiative_id)
    draft = logged_in(admin_user).get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert draft.status_code == 200
    assert_inert(draft.content.decode(), payload)
    assert payload in text_of(draft)


# --- Privacy -------------------------------------------------------------------------------------


def test_declined_and_withdrawn_pitches_are_deleted_after_the_retention_period(
    pitch, submit, pitch_data, settings, django_capture_on_commit_callbacks
):
    settings.MEEDOEN_PITCH_RETENTION_DAYS = 30
    image_name = pitch.image.name
    storage = Pitch._meta.get_field("image").storage
    assert storage.exists(image_name)
    pitches.withdraw(pitch.pk)
    submit({**pitch_data, "initiative_name": "Nog open"})
    Pitch.objects.filter(pk=pitch.pk).update(status_changed_at=timezone.now() - timedelta(days=29))
    assert pitches.purge() == 0
    Pitch.objects.filter(pk=pitch.pk).update(status_changed_at=timezone.now() - timedelta(days=31))
    with open("/dev/null", "w") as devnull, django_capture_on_commit_callbacks(execute=True):  # noqa: PTH123
        call_command("purge_signups", stdout=devnull)
    assert list(Pitch.objects.values_list("initiative_name", flat=True)) == ["Nog open"]
    assert not storage.exists(image_name)


def test_staff_download_and_erase_a_founders_pitches(pitch, moderator):
    client = logged_in(moderator)
    url = reverse("signups_personal_data")
    response = client.post(url, {"email": "SANNE@bewoner.example.org", "action": "export"})
    data = json.loads(response.content)
    assert [p["initiative_name"] for p in data["pitches"]] == ["Buurttuin De Vlinder"]
    assert data["pitches"][0]["phone"] == "06 12345678"
    client.post(url, {"email": "sanne@bewoner.example.org", "action": "erase"})
    assert Pitch.objects.exists()  # the first click only asks
    response = client.post(
        url, {"email": "sanne@bewoner.example.org", "action": "erase", "confirm": "yes"}, follow=True
    )
    assert not Pitch.objects.exists()
    # One of each number in the singular: "1 pitch", not "1 pitches".
    assert "Gewist: 0 aanmeldingen, 0 berichten en 1 pitch." in text_of(response)


def test_pitches_are_never_found_by_the_site_search(pitch, client):
    response = client.get("/nl/zoeken/", {"q": "braakliggende"})
    assert response.status_code == 200
    assert "Buurttuin De Vlinder" not in text_of(response)


def test_the_draft_initiative_links_back_to_its_pitch(pitch, moderator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = pitches.accept(pitch.pk, moderator)
    client = logged_in(moderator)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    assert soup_of(response).find("a", href=review_url(pitch))
