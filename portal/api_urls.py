"""The read API's addresses alone, as a URLconf without language prefixes. An API answer
of 404 names it as its request's URLconf, so that LocaleMiddleware does not redirect
the "not found" to a language-prefixed page address (see pages/api.py)."""

from django.urls import path

from portal.api import api_router

urlpatterns = [path("api/v2/", api_router.urls)]
