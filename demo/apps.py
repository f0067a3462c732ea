from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo municipality: data files and `manage.py seed_demo`; no models."""

    name = "demo"
