"""Fixtures for the pitch tests: the form page, a valid pitch, images made with Pillow."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests import factories


@pytest.fixture
def pitch_page(site_tree):
    return factories.PitchSubmissionPageFactory(parent=site_tree.initiatives)


@pytest.fixture
def pitch_data(theme, neighbourhood):
    """What a founder fills in: every field, as the browser posts it."""
    return {
        "initiative_name": "Buurttuin De Vlinder",
        "summary": "Een moestuin voor en door de buren van de Vlinderstraat.",
        "description": (
            "We willen het braakliggende veldje aan de Vlinderstraat omtoveren tot een moestuin.\n\n"
            "Twintig buren doen al mee; we zoeken nog hulp bij het aanleggen van de bakken."
        ),
        "themes": [str(theme.pk)],
        "neighbourhoods": [str(neighbourhood.pk)],
        "stage": "idea",
        "needs": ["volunteers", "funding"],
        "needs_explanation": "Drie mensen op zaterdagochtend en geld voor hout.",
        "wished_event": "",
        "founder_name": "Sanne de Vries",
        "email": "Sanne@Bewoner.example.org",
        "phone": "06 12345678",
        "organisation": "Bewonersgroep Vlinderstraat",
        "website": "https://vlinderstraat.example.org",
        "consent": "on",
        "fax": "",
    }


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """POST and run the after-commit work (the e-mails) as a real commit would."""

    def post(url, data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data)

    return post


@pytest.fixture
def submit(client, pitch_page, django_capture_on_commit_callbacks):
    """POST the pitch form (with files) and run the after-commit work as a real commit would."""

    def submit(data, **files):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(pitch_page.url, {**data, **files})

    return submit


def image_file(kind="JPEG", size=(64, 48), name=None, exif=None, **options):
    """An uploaded image made with Pillow, `kind` JPEG, PNG, WEBP or GIF."""
    out = io.BytesIO()
    image = Image.new("RGB", size, (40, 120, 60))
    if exif is not None:
        options["exif"] = exif
    image.save(out, format=kind, **options)
    extension = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}[kind]
    return SimpleUploadedFile(name or f"foto.{extension}", out.getvalue(), content_type=f"image/{extension}")


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user("moderator", "moderator@gemeente.example", "pw")
    user.groups.add(Group.objects.get(name="Moderatoren"))
    return user


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("redacteur", "redacteur@gemeente.example", "pw")
    user.groups.add(Group.objects.get(name="Communicatie"))
    return user
