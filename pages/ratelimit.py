"""A small fixed-window rate limiter on Django's cache, and the client address that it and
the admin login lockout (django-axes) count per. With Redis configured (REDIS_URL/CACHE_URL)
the counts are shared by every app server."""

import hashlib
import ipaddress
import math
import time

from django.conf import settings
from django.core.cache import cache


def client_ip(request):
    """The address of the client that sent `request`, for every rate limit, the API throttle
    and django-axes (AXES_CLIENT_IP_CALLABLE).

    Each proxy appends the address it received the request from to X-Forwarded-For, so only
    the last TRUSTED_PROXY_COUNT entries were written by our own proxies: everything left of
    them is whatever the client sent. With N proxies the client is the N-th entry from the
    right (the right-most behind one nginx), or the left-most when a request brings fewer
    entries. Without proxies (0), without the header, or when that entry is no IP address,
    the address that connected to us (REMOTE_ADDR)."""
    remote_addr = request.META.get("REMOTE_ADDR", "")
    proxies = settings.MEEDOEN_TRUSTED_PROXY_COUNT
    forwarded = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [entry for entry in forwarded if entry]
    if proxies <= 0 or not forwarded:
        return remote_addr
    try:
        return str(ipaddress.ip_address(forwarded[-min(proxies, len(forwarded))]))
    except ValueError:
        return remote_addr


def hit(scope, key, limit, window_seconds):
    """Count one attempt for `key` in `scope`. Returns 0 while at most `limit` attempts were
    made in the window, else the seconds until the window ends (for Retry-After).

    The window starts at the first attempt; its end is stored next to the count, because
    Django's cache cannot tell how long a key has left. Keys are hashed so that no address
    or IP is stored in the cache in clear."""
    digest = hashlib.sha256(f"{scope}:{key}".encode()).hexdigest()[:32]
    cache_key = f"ratelimit:{scope}:{digest}"
    ends_key = f"{cache_key}:ends"
    now = time.time()
    if cache.add(cache_key, 1, timeout=window_seconds):
        count = 1
        cache.set(ends_key, now + window_seconds, timeout=window_seconds)
    else:
        try:
            count = cache.incr(cache_key)
        except ValueError:  # expired between add and incr
            cache.set_many({cache_key: 1, ends_key: now + window_seconds}, timeout=window_seconds)
            count = 1
    if count <= limit:
        return 0
    ends = cache.get(ends_key) or now + window_seconds
    return max(1, math.ceil(ends - now))
