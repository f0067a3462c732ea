"""A small fixed-window rate limiter on Django's cache. With Redis configured
(REDIS_URL/CACHE_URL) the counts are shared by every app server."""

import hashlib

from django.conf import settings
from django.core.cache import cache


def client_ip(request):
    """The client's address as the proxy in front of us reports it (first hop of
    X-Forwarded-For when TRUST_X_FORWARDED_FOR is on), else REMOTE_ADDR."""
    if getattr(settings, "MEEDOEN_TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def hit(scope, key, limit, window_seconds):
    """Count one attempt for `key` in `scope`; True when the limit is exceeded.
    Keys are hashed so that no address or IP is stored in the cache in clear."""
    digest = hashlib.sha256(f"{scope}:{key}".encode()).hexdigest()[:32]
    cache_key = f"ratelimit:{scope}:{digest}"
    if cache.add(cache_key, 1, timeout=window_seconds):
        count = 1
    else:
        try:
            count = cache.incr(cache_key)
        except ValueError:  # expired between add and incr
            cache.set(cache_key, 1, timeout=window_seconds)
            count = 1
    return count > limit
