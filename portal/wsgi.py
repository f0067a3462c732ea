"""WSGI entry point (gunicorn portal.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_wsgi_application()

if os.environ.get("MEEDOEN_WARM_UP", "1") != "0":
    from portal.warmup import warm_up

    warm_up(application)
