"""'Mijn wijk': a resident picks their neighbourhood once and the site remembers it for the
rest of the visit, in Django's session and nowhere else (its cookie ends when the browser
closes).

- Nothing is stored, and no session cookie is set, until the resident chooses (a POST to
  the `my_neighbourhood` view, pages/views.py). Forgetting empties the session's entry;
  an empty session loses its cookie (Django's SessionMiddleware).
- The session keeps the neighbourhood's `translation_key`, so the choice holds in every
  language; `chosen()` gives it in the active language.
- The list of neighbourhoods per language is kept in the public cache (no query on a warm
  page); the choice itself is per visitor and must never be put into a cached fragment.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from . import publiccache
from .models import Neighbourhood

SESSION_KEY = "meedoen:my_neighbourhood"


@dataclass(frozen=True)
class Choice:
    """A neighbourhood as the Mijn wijk form and links need it."""

    key: str  # the translation key, the same in every language
    slug: str
    name: str

    @property
    def url(self):
        """The neighbourhood's page in the active language (no query)."""
        return reverse("neighbourhood", kwargs={"slug": self.slug})


def _load(language_code):
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None:
        return []
    rows = Neighbourhood.objects.filter(locale=locale).order_by("name").values_list("translation_key", "slug", "name")
    return [Choice(str(key), slug, name) for key, slug, name in rows]


def choices():
    """The neighbourhoods of the active language, by name, from the public cache."""
    language = translation.get_language()
    return publiccache.remember(publiccache.key("my-neighbourhood-choices", language), lambda: _load(language))


def chosen(request):
    """The resident's neighbourhood in the active language, or None. Reads the session
    only when the request has a session cookie: no query, no cookie otherwise."""
    session = getattr(request, "session", None)
    if session is None or not session.session_key:
        return None
    key = session.get(SESSION_KEY)
    if not key:
        return None
    return next((choice for choice in choices() if choice.key == key), None)


def choose(request, slug):
    """Remember the neighbourhood with `slug` (in the active language); returns its Choice,
    or None when there is no such neighbourhood (nothing is stored then)."""
    choice = next((choice for choice in choices() if choice.slug == slug), None)
    if choice is not None:
        request.session[SESSION_KEY] = choice.key
        request.session.set_expiry(0)  # for this visit: the cookie ends when the browser closes
    return choice


def forget(request):
    """Forget the resident's neighbourhood; a session that keeps nothing else ends, with
    its cookie."""
    request.session.pop(SESSION_KEY, None)
    if not [key for key in request.session.keys() if key != "_session_expiry"]:  # set by `choose`
        request.session.flush()
