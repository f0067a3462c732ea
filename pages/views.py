"""Views of the pages app that are not Wagtail pages: 'Mijn wijk' (pages/my_neighbourhood.py)."""

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import my_neighbourhood


def _see_other(url):
    """A redirect after a POST that the browser follows with a GET (303 See Other)."""
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def my_neighbourhood_view(request):
    """GET: the form to pick your neighbourhood (and forget it). POST `neighbourhood=<slug>`
    remembers it in the session and leads to its page; POST `forget` forgets it. Nothing is
    stored, and no session cookie is set, before a resident chooses."""
    error = ""
    status = 200
    if request.method == "POST":
        if "forget" in request.POST:
            my_neighbourhood.forget(request)
            return _see_other(reverse("my_neighbourhood"))
        choice = my_neighbourhood.choose(request, request.POST.get("neighbourhood", ""))
        if choice is not None:
            return _see_other(choice.url)
        error, status = _("Choose a neighbourhood from the list."), 400
    choices = my_neighbourhood.choices()
    current = my_neighbourhood.chosen(request)
    selected = request.GET.get("neighbourhood") or (current.slug if current else "")
    context = {
        "choices": choices,
        "current": current,
        "selected": selected,
        "error": error,
        "breadcrumb": _("My neighbourhood"),
    }
    return TemplateResponse(request, "pages/my_neighbourhood.html", context, status=status)
