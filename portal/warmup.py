"""Warm a new app-server process before it takes requests: its first views would otherwise
fill Django's per-process caches (content types, compiled templates, URL resolvers) and
the public cache while a resident waits (a fresh process's first home page asked the
database 59 times and took half a second)."""

import logging
from io import BytesIO

from django.conf import settings
from django.db import connections
from django.http.request import validate_host
from wagtail.models import Site

logger = logging.getLogger(__name__)


def home_urls():
    """(host, path) of the default site's home page in every language, under a host name
    the portal answers to."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return []
    hosts = [site.hostname, *(host for host in settings.ALLOWED_HOSTS if "*" not in host and not host.startswith("."))]
    host = next((host for host in hosts if validate_host(host, settings.ALLOWED_HOSTS)), None)
    return [(host, f"/{code}/") for code, _name in settings.LANGUAGES] if host else []


def warm_up(application):
    """GET every language's home page through `application` (the WSGI handler, so every
    middleware runs as for a resident). A failure (no database yet, an empty site) is
    logged and ignored: the process then warms on its first requests, as before."""
    try:
        urls = home_urls()
    except Exception:  # noqa: BLE001 - never keep an app server from starting
        logger.warning("Warm-up skipped: the database could not be read", exc_info=True)
        return []
    statuses = []
    for host, path in urls:
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "SERVER_NAME": host,
            "SERVER_PORT": "443",
            "HTTP_HOST": host,
            "HTTP_X_FORWARDED_PROTO": "https",  # as the TLS proxy says (SECURE_PROXY_SSL_HEADER)
            "REMOTE_ADDR": "127.0.0.1",
            "wsgi.url_scheme": "https",
            "wsgi.input": BytesIO(),
            "wsgi.errors": BytesIO(),
        }
        try:
            response = application(environ, lambda status, headers, exc_info=None: statuses.append(status))
            for _chunk in response:
                pass
            response.close()
        except Exception:  # noqa: BLE001
            logger.warning("Warm-up of %s failed", path, exc_info=True)
    # Connections are kept between requests (CONN_MAX_AGE): none may outlive the warm-up,
    # or gunicorn --preload would hand the master's to every worker it forks.
    connections.close_all()
    return statuses
