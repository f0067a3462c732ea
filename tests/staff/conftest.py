"""Staff of each role, as the data migrations define them."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import querydict_from_html


def _staff(django_user_model, username, group=None, **extra):
    user = django_user_model.objects.create_user(username=username, password="x-wachtwoord-123", **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(db, django_user_model):
    """Communications staff: the Communicatie group."""
    return _staff(django_user_model, "redacteur", "Communicatie", email="redactie@gemeente.example")


@pytest.fixture
def moderator(db, django_user_model):
    return _staff(django_user_model, "moderator", "Moderatoren", email="moderatie@gemeente.example")


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser(username="beheer", password="x-wachtwoord-123", email="b@x.nl")


@pytest.fixture
def as_role(client, editor, moderator, superuser):
    """as_role("editor" | "moderator" | "superuser" | "anonymous"): the test client logged in so."""
    users = {"editor": editor, "moderator": moderator, "superuser": superuser, "anonymous": None}

    def login(role):
        client.logout()
        if users[role] is not None:
            client.force_login(users[role])
        return client

    return login


def edit_form_data(client, page):
    """The edit form's data as the admin renders it for the client's user. StreamFields are
    drawn by JavaScript, so they are submitted empty (all of them are optional)."""
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    for field in page.specific_class._meta.get_fields():
        if isinstance(field, StreamField):
            data[f"{field.name}-count"] = "0"
    return data
