"""The answer to a locked-out admin login (django-axes' AXES_LOCKOUT_CALLABLE)."""

import math

from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from django.conf import settings
from django.shortcuts import render


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' lockout page (AXES_LOCKOUT_TEMPLATE, status 429) with Retry-After: the
    seconds until the lockout ends. That is the whole AXES_COOLOFF_TIME, because every
    attempt during a lockout, the one answered here too, starts it again (axes' default,
    AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT)."""
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "username": get_client_username(request, credentials) or "",
    }
    response = render(request, settings.AXES_LOCKOUT_TEMPLATE, context, status=settings.AXES_HTTP_RESPONSE_CODE)
    cool_off = get_cool_off(request)
    if cool_off:
        response["Retry-After"] = str(math.ceil(cool_off.total_seconds()))
    return response
