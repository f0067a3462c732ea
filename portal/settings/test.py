"""Tests: fast hasher, local-memory cache, plain static storage, in-memory e-mail."""

from .base import *  # noqa: F403
from .base import STORAGES

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run at once, inside the test; tests of the queue itself use the database backend.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
WAGTAILADMIN_BASE_URL = "http://testserver"

# Keep test output readable: Wagtail and django-tasks log every page save at INFO.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Tests run on the database backend. With ELASTICSEARCH_URL set, the server's settings are
# kept here for the shared search suite (tests/search/conftest.py), which runs its tests
# on the server too, on indexes of their own (never the portal's).
if SEARCH_ENGINE != "database":  # noqa: F405
    SEARCH_SERVER = {"engine": SEARCH_ENGINE, "backend": WAGTAILSEARCH_BACKENDS["default"]}  # noqa: F405
    SEARCH_ENGINE = "database"
    WAGTAILSEARCH_BACKENDS = {"default": DATABASE_SEARCH_BACKEND}  # noqa: F405
