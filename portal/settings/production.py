"""Production: refuses to start without a real secret key, hosts and database; HTTPS only."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, CACHE_URL, SECRET_KEY, env_bool

DEBUG = False

if not SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("Set SECRET_KEY to a random string of at least 50 characters.")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS to the host names the portal answers to.")
if not os.environ.get("DATABASE_URL") and not env_bool("ALLOW_SQLITE", False):
    raise ImproperlyConfigured(
        "Set DATABASE_URL (PostgreSQL) for production, or ALLOW_SQLITE=1 for a single-server install."
    )
# The public cache's generation and the rate limits must be shared by every worker
# process: with a cache per process, a page made private on one worker stays listed on
# the others. Only a single process may do without.
if not CACHE_URL and not env_bool("SINGLE_PROCESS", False):
    raise ImproperlyConfigured(
        "Set CACHE_URL or REDIS_URL (e.g. redis://127.0.0.1:6379/0): every worker process must share one cache. "
        "Only when exactly one process serves the portal, set SINGLE_PROCESS=1 instead."
    )

# Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
