"""The image of an accepted pitch goes into Wagtail's library, whose originals are public
files (/media/original_images/) even while the initiative is a draft. So the founder's file
name is kept nowhere, the library file has a random name nobody can guess, and nothing
public links to it before the page is published; after publishing, pages show renditions.
Editors still see the image in the admin."""

import os
import re

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse

from initiatives.models import InitiativePage, Pitch
from tests.helpers import soup_of

from .conftest import image_file

pytestmark = pytest.mark.django_db

FOUNDER_FILE = "Sanne de Vries paspoort.png"
FOUNDER_WORDS = ("sanne", "vries", "paspoort")


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def accept(submit, pitch_data, moderator, django_capture_on_commit_callbacks):
    """A pitch with the founder's image, sent through the form and accepted in the admin;
    its draft initiative page."""

    def accept():
        assert submit(pitch_data, image=image_file("PNG", size=(320, 240), name=FOUNDER_FILE)).status_code == 200
        pitch = Pitch.objects.latest("pk")
        with django_capture_on_commit_callbacks(execute=True):
            response = logged_in(moderator).post(reverse("pitches_review", args=[pitch.pk]), {"action": "accept"})
        assert response.status_code == 302
        pitch.refresh_from_db()
        return InitiativePage.objects.get(pk=pitch.initiative_id)

    return accept


def every_stored_file(private_root):
    roots = [settings.MEDIA_ROOT, private_root]
    return [os.path.relpath(os.path.join(d, f), root) for root in roots for d, _, files in os.walk(root) for f in files]


def test_the_founders_file_name_is_kept_nowhere(accept):
    page = accept()
    pitch = Pitch.objects.get()
    stored = every_stored_file(Pitch._meta.get_field("image").storage.location)
    assert len(stored) == 2  # the pitch's image (private) and the library original (public)
    for name in [*stored, pitch.image.name, page.image.file.name]:
        assert not any(word in name.lower() for word in FOUNDER_WORDS), name
    assert page.image.title == "Buurttuin De Vlinder"  # what editors find it by


def test_the_public_original_has_a_random_name(accept):
    first, second = accept(), accept()  # the same founder's file, twice
    names = [first.image.file.name, second.image.file.name]
    for name in names:
        assert re.fullmatch(r"original_images/[A-Za-z0-9_-]{22}\.png", name), name  # 128 random bits
        assert default_storage.exists(name)
    assert names[0] != names[1]
    assert not default_storage.exists(f"original_images/{FOUNDER_FILE}")


def test_nothing_public_links_the_image_before_publishing_and_then_only_renditions(
    accept, site_tree, admin_user, client
):
    page = accept()
    stem = os.path.splitext(os.path.basename(page.image.file.name))[0]
    public = [
        site_tree.initiatives.url,
        "/api/v2/initiatives/",
        "/sitemap.xml",
        reverse("search") + "?q=Buurttuin",
    ]
    assert client.get(f"{site_tree.initiatives.url}{page.slug}/").status_code == 404
    for url in public:
        response = client.get(url)
        assert response.status_code == 200, url
        assert stem not in response.content.decode(), url

    # Editors see the image in the admin: its chooser shows a rendition, made on the spot.
    edit = logged_in(admin_user).get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert edit.status_code == 200
    previews = [img["src"] for img in soup_of(edit).select("img[data-chooser-image]")]
    assert previews and all(src.startswith(f"/media/images/{stem}") for src in previews)
    assert all(default_storage.exists(src.removeprefix("/media/")) for src in previews)

    page.get_latest_revision().publish(user=admin_user)
    response = client.get(f"{site_tree.initiatives.url}{page.slug}/")
    assert response.status_code == 200
    shown = [img["src"] for img in soup_of(response).select(".detail__image img")]
    assert shown and all(src.startswith(f"/media/images/{stem}.") for src in shown)
    assert "original_images" not in response.content.decode()
