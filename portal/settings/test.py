"""Tests: fast hasher, local-memory cache, plain static storage, in-memory e-mail."""

from .base import *  # noqa: F403
from .base import STORAGES

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
WAGTAILADMIN_BASE_URL = "http://testserver"

# Keep test output readable: Wagtail and django-tasks log every page save at INFO.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# A test run against a real Elasticsearch server never touches the portal's own indexes.
if WAGTAILSEARCH_BACKENDS["default"].get("INDEX_PREFIX"):  # noqa: F405
    WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"] = "test_" + WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"]  # noqa: F405
